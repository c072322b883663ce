package dev.next4j.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The path patterns of Next.js's custom routes, read as its path-to-regexp (version 6) reads them:
 * {@code :name} (one segment), {@code :name*} / {@code :name+} (zero or more / one or more
 * segments), {@code :name?}, {@code :name(regex)}, an unnamed {@code (regex)}, {@code {...}} groups
 * and {@code \} escapes. {@link #parse} turns a pattern into tokens or fails with path-to-regexp's
 * message; {@link #regex} builds the anchored regular expression; {@link #fill} puts values into a
 * destination.
 */
final class PathPattern {
  /** What a parameter without its own regex matches: one segment. */
  static final String DEFAULT_PATTERN = "[^\\/]+?";

  private static final String PREFIXES = "./";

  /** A literal piece of the pattern, or a parameter. */
  sealed interface Token permits Text, Key {}

  /** Literal text. */
  record Text(String text) implements Token {}

  /**
   * A parameter: {@code name} (a number for an unnamed group), what comes before and after it,
   * its regex and its modifier ({@code ""}, {@code ?}, {@code *} or {@code +}).
   */
  record Key(String name, boolean unnamed, String prefix, String suffix, String pattern, String modifier)
      implements Token {
    boolean repeats() {
      return modifier.equals("*") || modifier.equals("+");
    }

    boolean optional() {
      return modifier.equals("?") || modifier.equals("*");
    }
  }

  /** A pattern that path-to-regexp rejects; the message is path-to-regexp's. */
  static final class InvalidPattern extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidPattern(String message) {
      super(message);
    }
  }

  private enum LexType { OPEN, CLOSE, PATTERN, NAME, CHAR, ESCAPED_CHAR, MODIFIER, END }

  private record Lexeme(LexType type, int index, String value) {}

  private PathPattern() {}

  /** The tokens of {@code pattern}. */
  static List<Token> parse(String pattern) throws InvalidPattern {
    List<Lexeme> lexemes = lex(pattern);
    List<Token> tokens = new ArrayList<>();
    int[] at = {0};
    int unnamed = 0;
    StringBuilder path = new StringBuilder();
    while (at[0] < lexemes.size()) {
      String ch = tryConsume(lexemes, at, LexType.CHAR);
      String name = tryConsume(lexemes, at, LexType.NAME);
      String regex = tryConsume(lexemes, at, LexType.PATTERN);
      if (name != null || regex != null) {
        String prefix = ch == null ? "" : ch;
        if (!prefix.isEmpty() && PREFIXES.indexOf(prefix) < 0) {
          path.append(prefix);
          prefix = "";
        }
        if (path.length() > 0) {
          tokens.add(new Text(path.toString()));
          path.setLength(0);
        }
        String modifier = tryConsume(lexemes, at, LexType.MODIFIER);
        tokens.add(new Key(name != null ? name : Integer.toString(unnamed++), name == null, prefix, "",
            regex != null ? regex : DEFAULT_PATTERN, modifier == null ? "" : modifier));
        continue;
      }
      String value = ch != null ? ch : tryConsume(lexemes, at, LexType.ESCAPED_CHAR);
      if (value != null) {
        path.append(value);
        continue;
      }
      if (path.length() > 0) {
        tokens.add(new Text(path.toString()));
        path.setLength(0);
      }
      if (tryConsume(lexemes, at, LexType.OPEN) != null) {
        String prefix = consumeText(lexemes, at);
        String groupName = tryConsume(lexemes, at, LexType.NAME);
        String groupRegex = tryConsume(lexemes, at, LexType.PATTERN);
        String suffix = consumeText(lexemes, at);
        mustConsume(lexemes, at, LexType.CLOSE);
        String modifier = tryConsume(lexemes, at, LexType.MODIFIER);
        boolean isUnnamed = groupName == null && groupRegex != null;
        String keyName = groupName != null ? groupName : isUnnamed ? Integer.toString(unnamed++) : "";
        String keyRegex = groupName != null && groupRegex == null ? DEFAULT_PATTERN : groupRegex == null ? "" : groupRegex;
        tokens.add(new Key(keyName, isUnnamed, prefix, suffix, keyRegex, modifier == null ? "" : modifier));
        continue;
      }
      mustConsume(lexemes, at, LexType.END);
    }
    return tokens;
  }

  /** The regular expression of {@code tokens}, anchored at both ends, for Java's {@code Pattern}. */
  static String regex(List<Token> tokens) {
    StringBuilder route = new StringBuilder("^");
    for (Token token : tokens) {
      if (token instanceof Text text) {
        route.append(escape(text.text()));
        continue;
      }
      Key key = (Key) token;
      String prefix = escape(key.prefix());
      String suffix = escape(key.suffix());
      if (!key.pattern().isEmpty()) {
        if (!prefix.isEmpty() || !suffix.isEmpty()) {
          if (key.repeats()) {
            String mod = key.modifier().equals("*") ? "?" : "";
            route.append("(?:").append(prefix).append("((?:").append(key.pattern()).append(")(?:").append(suffix)
                .append(prefix).append("(?:").append(key.pattern()).append("))*)").append(suffix).append(")")
                .append(mod);
          } else {
            route.append("(?:").append(prefix).append("(").append(key.pattern()).append(")").append(suffix)
                .append(")").append(key.modifier());
          }
        } else if (key.repeats()) {
          route.append("((?:").append(key.pattern()).append(")").append(key.modifier()).append(")");
        } else {
          route.append("(").append(key.pattern()).append(")").append(key.modifier());
        }
      } else {
        route.append("(?:").append(prefix).append(suffix).append(")").append(key.modifier());
      }
    }
    return route.append("$").toString();
  }

  /** The keys of {@code tokens} that capture a group, in group order. */
  static List<Key> keys(List<Token> tokens) {
    List<Key> keys = new ArrayList<>();
    for (Token token : tokens) {
      if (token instanceof Key key && !key.pattern().isEmpty()) {
        keys.add(key);
      }
    }
    return keys;
  }

  /**
   * {@code tokens} with the parameters taken from {@code values} (a {@code String}, or a {@code
   * List<String>} for a repeated one), inserted verbatim, as Next.js compiles a destination.
   *
   * @throws IllegalArgumentException when a value is missing or a list meets a non-repeating key
   */
  static String fill(List<Token> tokens, Map<String, Object> values) {
    StringBuilder path = new StringBuilder();
    for (Token token : tokens) {
      if (token instanceof Text text) {
        path.append(text.text());
        continue;
      }
      Key key = (Key) token;
      Object value = values.get(key.name());
      if (value instanceof List<?> list) {
        if (!key.repeats()) {
          throw new IllegalArgumentException("To use a multi-match in the destination you must add `*` at the end of"
              + " the param name to signify it should repeat (:" + key.name() + ")");
        }
        if (list.isEmpty() && !key.optional()) {
          throw new IllegalArgumentException("Expected \"" + key.name() + "\" to not be empty");
        }
        for (Object segment : list) {
          path.append(key.prefix()).append(segment).append(key.suffix());
        }
      } else if (value != null) {
        path.append(key.prefix()).append(value).append(key.suffix());
      } else if (!key.optional()) {
        throw new IllegalArgumentException("Expected \"" + key.name() + "\" to be a string");
      }
    }
    return path.toString();
  }

  /** Escapes what JavaScript's path-to-regexp escapes; Java reads each {@code \x} as {@code x}. */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (".+*?=^!:${}()[]|/\\".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static List<Lexeme> lex(String str) throws InvalidPattern {
    List<Lexeme> tokens = new ArrayList<>();
    int i = 0;
    while (i < str.length()) {
      char c = str.charAt(i);
      if (c == '*' || c == '+' || c == '?') {
        tokens.add(new Lexeme(LexType.MODIFIER, i, String.valueOf(c)));
        i++;
      } else if (c == '\\') {
        if (i + 1 >= str.length()) {
          throw new InvalidPattern("Unexpected end of pattern after \\ at " + i);
        }
        tokens.add(new Lexeme(LexType.ESCAPED_CHAR, i, String.valueOf(str.charAt(i + 1))));
        i += 2;
      } else if (c == '{') {
        tokens.add(new Lexeme(LexType.OPEN, i, "{"));
        i++;
      } else if (c == '}') {
        tokens.add(new Lexeme(LexType.CLOSE, i, "}"));
        i++;
      } else if (c == ':') {
        int j = i + 1;
        while (j < str.length() && isNameChar(str.charAt(j))) {
          j++;
        }
        if (j == i + 1) {
          throw new InvalidPattern("Missing parameter name at " + i);
        }
        tokens.add(new Lexeme(LexType.NAME, i, str.substring(i + 1, j)));
        i = j;
      } else if (c == '(') {
        int count = 1;
        int j = i + 1;
        StringBuilder pattern = new StringBuilder();
        if (j < str.length() && str.charAt(j) == '?') {
          throw new InvalidPattern("Pattern cannot start with \"?\" at " + j);
        }
        while (j < str.length()) {
          char d = str.charAt(j);
          if (d == '\\' && j + 1 < str.length()) {
            pattern.append(d).append(str.charAt(j + 1));
            j += 2;
            continue;
          }
          if (d == ')') {
            count--;
            if (count == 0) {
              j++;
              break;
            }
          } else if (d == '(') {
            count++;
            if (j + 1 >= str.length() || str.charAt(j + 1) != '?') {
              throw new InvalidPattern("Capturing groups are not allowed at " + j);
            }
          }
          pattern.append(d);
          j++;
        }
        if (count != 0) {
          throw new InvalidPattern("Unbalanced pattern at " + i);
        }
        if (pattern.length() == 0) {
          throw new InvalidPattern("Missing pattern at " + i);
        }
        tokens.add(new Lexeme(LexType.PATTERN, i, pattern.toString()));
        i = j;
      } else {
        tokens.add(new Lexeme(LexType.CHAR, i, String.valueOf(c)));
        i++;
      }
    }
    tokens.add(new Lexeme(LexType.END, i, ""));
    return tokens;
  }

  private static boolean isNameChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  }

  private static String tryConsume(List<Lexeme> lexemes, int[] at, LexType type) {
    if (at[0] < lexemes.size() && lexemes.get(at[0]).type() == type) {
      return lexemes.get(at[0]++).value();
    }
    return null;
  }

  private static void mustConsume(List<Lexeme> lexemes, int[] at, LexType type) throws InvalidPattern {
    String value = tryConsume(lexemes, at, type);
    if (value == null) {
      Lexeme next = lexemes.get(at[0]);
      throw new InvalidPattern("Unexpected " + next.type() + " at " + next.index() + ", expected " + type);
    }
  }

  private static String consumeText(List<Lexeme> lexemes, int[] at) {
    StringBuilder text = new StringBuilder();
    while (true) {
      String value = tryConsume(lexemes, at, LexType.CHAR);
      if (value == null) {
        value = tryConsume(lexemes, at, LexType.ESCAPED_CHAR);
      }
      if (value == null) {
        return text.toString();
      }
      text.append(value);
    }
  }
}
