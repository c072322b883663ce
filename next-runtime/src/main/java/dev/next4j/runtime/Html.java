package dev.next4j.runtime;

/**
 * Escaping for HTML built by hand, so that user input shows as text instead of running as markup.
 *
 * <pre>{@code
 * String name = request.queryParam("name").orElse("");   // e.g. <script>alert(1)</script>
 * return Response.html("<p title=\"" + Html.attribute(name) + "\">Hello, " + Html.text(name) + "</p>");
 * // <p title="&lt;script&gt;alert(1)&lt;/script&gt;">Hello, &lt;script&gt;alert(1)&lt;/script&gt;</p>
 * }</pre>
 *
 * <p>Both methods are for exactly two places:
 *
 * <ul>
 *   <li>{@link #text(String)}: text between tags, as in {@code <p>…</p>} or {@code <li>…</li>}.
 *   <li>{@link #attribute(String)}: an attribute value <em>inside double or single quotes</em>, as
 *       in {@code <input value="…">}. An unquoted attribute value is never safe; always quote.
 * </ul>
 *
 * <p>They are <b>not</b> enough for:
 *
 * <ul>
 *   <li>{@code <script>} and {@code <style>} elements, and event-handler attributes ({@code
 *       onclick="…"}): there the browser reads JavaScript or CSS, where entities are not decoded.
 *       Pass data to scripts as JSON in a {@code data-} attribute (escaped with {@link
 *       #attribute(String)}) and read it with {@code element.dataset}.
 *   <li>URLs in {@code href}, {@code src} or {@code action}: escaping keeps the quotes intact, but
 *       {@code javascript:alert(1)} has nothing to escape and still runs when clicked. For a URL
 *       that comes from a user, accept only a relative path ({@code /…} but not {@code //…}) or an
 *       absolute URL whose scheme is {@code http} or {@code https} (check {@code
 *       java.net.URI.create(url).getScheme()} in lower case), percent-encode what goes into a path
 *       or query ({@code java.net.URLEncoder} for a query value), and then escape the whole URL
 *       with {@link #attribute(String)}.
 *   <li>Comments, tag or attribute names, and anything inside {@code <textarea>}'s siblings
 *       {@code <title>}… — only element text and quoted attribute values are covered.
 * </ul>
 */
public final class Html {
  private Html() {}

  /**
   * {@code value} escaped for element text: {@code &} {@code <} {@code >} {@code "} {@code '}
   * become {@code &amp;} {@code &lt;} {@code &gt;} {@code &quot;} {@code &#39;}; everything else
   * is kept.
   *
   * <pre>{@code
   * Html.text("Tom & Jerry <3")   // "Tom &amp; Jerry &lt;3"
   * }</pre>
   */
  public static String text(String value) {
    return escape(value, false);
  }

  /**
   * {@code value} escaped for an attribute value in double or single quotes: as {@link
   * #text(String)}, and the backtick becomes {@code &#96;} too (old Internet Explorer took it for
   * a quote).
   *
   * <pre>{@code
   * "<a title=\"" + Html.attribute("say \"hi\"") + "\">"   // <a title="say &quot;hi&quot;">
   * }</pre>
   */
  public static String attribute(String value) {
    return escape(value, true);
  }

  private static String escape(String value, boolean attribute) {
    if (value == null) {
      throw new NullPointerException("value == null");
    }
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      String replacement = replacement(value.charAt(i), attribute);
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(value.length() + 16).append(value, 0, i);
        }
        out.append(replacement);
      } else if (out != null) {
        out.append(value.charAt(i));
      }
    }
    return out == null ? value : out.toString();
  }

  private static String replacement(char c, boolean attribute) {
    switch (c) {
      case '&':
        return "&amp;";
      case '<':
        return "&lt;";
      case '>':
        return "&gt;";
      case '"':
        return "&quot;";
      case '\'':
        return "&#39;";
      case '`':
        return attribute ? "&#96;" : null;
      default:
        return null;
    }
  }
}
