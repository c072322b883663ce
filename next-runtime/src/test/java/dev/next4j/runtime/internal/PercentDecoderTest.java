package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link PercentDecoder} against what JavaScript's {@code decodeURIComponent} gives. */
class PercentDecoderTest {
  static Stream<Arguments> decoded() {
    return Stream.of(
        arguments("text without escapes stays", "hello", "hello"),
        arguments("an ASCII escape", "%41", "A"),
        arguments("+ stays +", "a+b", "a+b"),
        arguments("an escaped + is +", "a%2Bb", "a+b"),
        arguments("an escaped slash is a slash", "a%2Fb", "a/b"),
        arguments("one pass only", "%2525", "%25"),
        arguments("lower-case hex", "%c3%a9", "é"),
        arguments("a 2-byte sequence", "%C3%A9t%C3%A9", "été"),
        arguments("a 3-byte sequence", "%E2%82%AC", "€"),
        arguments("a 4-byte sequence becomes a surrogate pair", "%F0%9F%98%80", "😀"),
        arguments("the largest code point", "%F4%8F%BF%BF", "\uDBFF\uDFFF"),
        arguments("raw non-ASCII text passes through", "été", "été"),
        arguments("a raw surrogate pair passes through", "a😀b", "a😀b"),
        arguments("raw text beside escapes", "😀%20é", "😀 é"),
        arguments("an escaped NUL", "%00", "\0"),
        arguments("an encoded backslash", "a%5Cb", "a\\b"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("decoded")
  void decodes(String name, String text, String expected) {
    assertThat(PercentDecoder.decode(text)).as(name).isEqualTo(expected);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        arguments("a lone %", "%"),
        arguments("one hex digit", "%4"),
        arguments("one hex digit then text", "%4x"),
        arguments("not hex", "%zz"),
        arguments("a non-ASCII digit", "%٣٣"),
        arguments("fullwidth digits", "%０１"),
        arguments("a lone continuation byte", "%80"),
        arguments("a truncated 3-byte sequence", "%E0%A4%A"),
        arguments("a 2-byte lead without its continuation", "%C3"),
        arguments("a lead followed by raw text", "%C3é"),
        arguments("a lead followed by an ASCII escape", "%C3%41"),
        arguments("an overlong slash", "%C0%AF"),
        arguments("an overlong 3-byte form", "%E0%80%AF"),
        arguments("an encoded high surrogate", "%ED%A0%80"),
        arguments("an encoded low surrogate", "%ED%BF%BF"),
        arguments("past U+10FFFF", "%F4%90%80%80"),
        arguments("a byte that never starts UTF-8", "%FF"),
        arguments("a 5-byte lead", "%F8%88%80%80%80"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("malformed")
  void refuses(String name, String text) {
    assertThat(PercentDecoder.decode(text)).as(name).isNull();
  }

  @Test
  void returnsTheSameStringWhenThereIsNothingToDecode() {
    String text = "no-escapes";
    assertThat(PercentDecoder.decode(text)).isSameAs(text);
  }

  @Test
  void decodesOnlyTheGivenRange() {
    assertThat(PercentDecoder.decode("/a%41/b", 1, 5)).isEqualTo("aA");
    assertThat(PercentDecoder.decode("/ab/c", 1, 3)).isEqualTo("ab");
    assertThat(PercentDecoder.decode("/x/%41", 1, 2)).isEqualTo("x");
  }

  @Test
  void anEscapeMayNotRunPastTheRange() {
    assertThat(PercentDecoder.decode("%41", 0, 2)).isNull();
    assertThat(PercentDecoder.decode("%C3%A9", 0, 5)).isNull();
  }
}
