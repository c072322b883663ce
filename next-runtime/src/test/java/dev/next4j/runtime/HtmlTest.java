package dev.next4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Html}: exact escapes for element text and quoted attribute values. */
class HtmlTest {
  @Test
  void textEscapesTheFiveMarkupCharacters() {
    assertThat(Html.text("<a href=\"x\" title='y'>Tom & Jerry</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
  }

  @Test
  void textKeepsEverythingElse() {
    assertThat(Html.text("héllo `world` ✓ 1+1=2")).isEqualTo("héllo `world` ✓ 1+1=2");
  }

  @Test
  void textOfAScriptTagCannotOpenATag() {
    assertThat(Html.text("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void attributeAlsoEscapesTheBacktick() {
    assertThat(Html.attribute("\" onmouseover=`alert(1)` '"))
        .isEqualTo("&quot; onmouseover=&#96;alert(1)&#96; &#39;");
  }

  @Test
  void anAlreadyEscapedValueIsEscapedAgain() {
    assertThat(Html.text("&amp;")).isEqualTo("&amp;amp;");
  }

  @Test
  void emptyStaysEmpty() {
    assertThat(Html.text("")).isEmpty();
    assertThat(Html.attribute("")).isEmpty();
  }

  @Test
  void nullIsRefused() {
    assertThatThrownBy(() -> Html.text(null)).isInstanceOf(NullPointerException.class).hasMessage("value == null");
  }
}
