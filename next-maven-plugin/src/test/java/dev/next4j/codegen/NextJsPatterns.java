package dev.next4j.codegen;

import dev.next4j.codegen.RouteModel.Segment;
import java.util.ArrayList;
import java.util.List;

/** Next.js route patterns ({@code /blog/[slug]}) as segments, and as the Java page files that give them. */
final class NextJsPatterns {
  private NextJsPatterns() {}

  static List<Segment> segments(String pattern) {
    List<Segment> segments = new ArrayList<>();
    for (String part : pattern.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.startsWith("[[...") && part.endsWith("]]")) {
        segments.add(new Segment(Segment.Type.OPTIONAL_CATCH_ALL, part.substring(5, part.length() - 2)));
      } else if (part.startsWith("[...") && part.endsWith("]")) {
        segments.add(new Segment(Segment.Type.CATCH_ALL, part.substring(4, part.length() - 1)));
      } else if (part.startsWith("[") && part.endsWith("]")) {
        segments.add(new Segment(Segment.Type.DYNAMIC, part.substring(1, part.length() - 1)));
      } else {
        segments.add(new Segment(Segment.Type.STATIC, part));
      }
    }
    return segments;
  }

  /**
   * The next4j page file for a Next.js page file ({@code blog/[slug].js} → {@code blog/$slug.java},
   * {@code index.js} → {@code Index.java}, {@code first-post.js} → {@code FirstPost.java}, {@code
   * getting-started/} → {@code getting_started/}, {@code _app.js} → {@code _App.java}, {@code 404.js}
   * → {@code _404.java}).
   */
  static String javaFile(String nextJsFile) {
    String withoutExtension = nextJsFile.substring(0, nextJsFile.lastIndexOf('.'));
    String[] parts = withoutExtension.split("/");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      boolean file = i == parts.length - 1;
      out.append(file ? fileName(parts[i]) + ".java" : folderName(parts[i]) + "/");
    }
    return out.toString();
  }

  private static String fileName(String name) {
    if (name.equals("index")) {
      return "Index";
    }
    if (name.matches("\\d+")) {
      return "_" + name;
    }
    if (name.startsWith("_")) {
      return "_" + Character.toUpperCase(name.charAt(1)) + name.substring(2);
    }
    String param = param(name);
    if (param != null) {
      return param;
    }
    StringBuilder pascal = new StringBuilder();
    for (String word : name.split("-")) {
      pascal.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return pascal.toString();
  }

  private static String folderName(String name) {
    String param = param(name);
    return param != null ? param : name.replace('-', '_');
  }

  private static String param(String name) {
    if (name.startsWith("[[...")) {
      return "$$$" + name.substring(5, name.length() - 2);
    }
    if (name.startsWith("[...")) {
      return "$$" + name.substring(4, name.length() - 1);
    }
    if (name.startsWith("[")) {
      return "$" + name.substring(1, name.length() - 1);
    }
    return null;
  }

  /** The Java page file that gives {@code pattern}: {@code /sub/[[...all]]} → {@code sub/$$$all.java}, {@code /sub} → {@code sub/Index.java}. */
  static String pageFor(String pattern) {
    return pattern.equals("/") ? "Index.java" : javaFile(pattern.substring(1) + "/index.js");
  }
}
