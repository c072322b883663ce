package dev.next4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Cookie} and {@link Response#withCookie}: header values, and every part checked. */
class CookieTest {
  @Test
  void aSessionCookieIsNameAndValue() {
    assertThat(Cookie.of("theme", "dark").toHeaderValue()).isEqualTo("theme=dark");
  }

  @Test
  void everyAttributeInItsOrder() {
    Cookie cookie = Cookie.of("id", "a1b2")
        .withSameSite(Cookie.SameSite.STRICT)
        .withHttpOnly(true)
        .withSecure(true)
        .withDomain("example.com")
        .withPath("/account")
        .withExpires(Instant.parse("2030-03-04T05:06:07.890Z"))
        .withMaxAge(Duration.ofDays(30));
    assertThat(cookie.toHeaderValue())
        .isEqualTo("id=a1b2; Max-Age=2592000; Expires=Mon, 04 Mar 2030 05:06:07 GMT; Path=/account;"
            + " Domain=example.com; Secure; HttpOnly; SameSite=Strict");
  }

  @Test
  void deleteExpiresIt() {
    assertThat(Cookie.delete("session").withPath("/").toHeaderValue())
        .isEqualTo("session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/");
  }

  @Test
  void attributesCanBeTurnedOffAgain() {
    assertThat(Cookie.of("a", "1").withSecure(true).withSecure(false).withHttpOnly(true).withHttpOnly(false).toHeaderValue())
        .isEqualTo("a=1");
  }

  @Test
  void aResponseSendsEveryCookie() {
    Response response = Response.redirect(303, "/")
        .withCookie(Cookie.of("a", "1"))
        .withCookie(Cookie.of("b", "2").withHttpOnly(true));
    assertThat(response.headers().get("set-cookie")).isEqualTo(List.of("a=1", "b=2; HttpOnly"));
  }

  @Test
  void aValueWithAControlCharacterIsRefused() {
    assertThatThrownBy(() -> Cookie.of("name", "x\r\nSet-Cookie: admin=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cookie name: value \"x\\u000d\\u000aSet-Cookie: admin=1\" has a control character (U+000D)"
            + " at index 1; encode the value first (e.g. URLEncoder.encode(value, UTF_8))");
  }

  @Test
  void aValueCannotAddAnAttribute() {
    assertThatThrownBy(() -> Cookie.of("name", "x;Domain=evil.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cookie name: value \"x;Domain=evil.com\" has ';' at index 1;"
            + " encode the value first (e.g. URLEncoder.encode(value, UTF_8))");
  }

  @Test
  void valueCharactersTheRfcForbids() {
    for (String value : List.of("a b", "a\"b", "a,b", "a\\b", "a\tb", "é", "a\u007fb")) {
      assertThatThrownBy(() -> Cookie.of("n", value))
          .as(value)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cookie n: value ");
    }
  }

  @Test
  void theWholeAllowedValueAlphabetPasses() {
    StringBuilder all = new StringBuilder();
    for (char c = '!'; c <= '~'; c++) {
      if (c != '"' && c != ',' && c != ';' && c != '\\') {
        all.append(c);
      }
    }
    assertThat(Cookie.of("n", all.toString()).toHeaderValue()).isEqualTo("n=" + all);
  }

  @Test
  void aNameMustBeAToken() {
    assertThatThrownBy(() -> Cookie.of("a=b", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cookie name \"a=b\" has '=' at index 1; a name is letters, digits and !#$%&'*+-.^_`|~");
    assertThatThrownBy(() -> Cookie.of("", "1")).hasMessage("cookie name is empty");
    assertThatThrownBy(() -> Cookie.delete("a b")).hasMessageStartingWith("cookie name \"a b\" has a space at index 1");
  }

  @Test
  void aPathIsCheckedToo() {
    assertThatThrownBy(() -> Cookie.of("a", "1").withPath("/x; Domain=evil.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cookie a: Path \"/x; Domain=evil.com\" has ';' at index 2");
    assertThatThrownBy(() -> Cookie.of("a", "1").withPath("/x\n"))
        .hasMessage("cookie a: Path \"/x\\u000a\" has a control character (U+000A) at index 2");
    assertThatThrownBy(() -> Cookie.of("a", "1").withPath("x")).hasMessage("cookie a: Path \"x\" does not start with '/'");
  }

  @Test
  void aDomainIsAHostName() {
    assertThat(Cookie.of("a", "1").withDomain(".example.com").toHeaderValue()).isEqualTo("a=1; Domain=.example.com");
    assertThatThrownBy(() -> Cookie.of("a", "1").withDomain("example.com; Secure"))
        .hasMessage("cookie a: Domain \"example.com; Secure\" has ';' at index 11;"
            + " a domain is letters, digits, '-' and '.' (use the punycode form of other names)");
    assertThatThrownBy(() -> Cookie.of("a", "1").withDomain("a..b")).hasMessage("cookie a: Domain \"a..b\" is not a host name");
  }

  @Test
  void aNegativeMaxAgeIsRefused() {
    assertThatThrownBy(() -> Cookie.of("a", "1").withMaxAge(Duration.ofSeconds(-1)))
        .hasMessage("cookie a: Max-Age is negative: PT-1S");
  }

  @Test
  void sameSiteNoneNeedsSecure() {
    Cookie insecure = Cookie.of("a", "1").withSameSite(Cookie.SameSite.NONE);
    assertThatThrownBy(() -> Response.text("x").withCookie(insecure))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cookie a: SameSite=None needs Secure (browsers drop it otherwise); add withSecure(true)");
    assertThat(insecure.withSecure(true).toHeaderValue()).isEqualTo("a=1; Secure; SameSite=None");
  }

  @Test
  void prefixedNamesNeedWhatBrowsersDemand() {
    assertThatThrownBy(() -> Cookie.of("__Secure-id", "1").toHeaderValue())
        .hasMessage("cookie __Secure-id: the __Secure- prefix needs Secure; add withSecure(true)");
    assertThatThrownBy(() -> Cookie.of("__Host-id", "1").withSecure(true).toHeaderValue())
        .hasMessage("cookie __Host-id: the __Host- prefix needs Secure, Path=/ and no Domain");
    assertThat(Cookie.of("__Host-id", "1").withSecure(true).withPath("/").toHeaderValue())
        .isEqualTo("__Host-id=1; Path=/; Secure");
  }

  @Test
  void readingBackIsTheRequestsCookie() {
    Request request = Request.builder("GET", "/").header("Cookie", "theme=dark; id=a1b2").build();
    assertThat(request.cookie("theme")).contains("dark");
    assertThat(request.cookie("id")).contains(Cookie.of("id", "a1b2").value());
  }

  @Test
  void valuesAreEqualByTheirParts() {
    assertThat(Cookie.of("a", "1").withPath("/")).isEqualTo(Cookie.of("a", "1").withPath("/"));
    assertThat(Cookie.of("a", "1").withPath("/")).hasSameHashCodeAs(Cookie.of("a", "1").withPath("/"));
    assertThat(Cookie.of("a", "1")).isNotEqualTo(Cookie.of("a", "2"));
    assertThat(Cookie.of("a", "1").name()).isEqualTo("a");
  }
}
