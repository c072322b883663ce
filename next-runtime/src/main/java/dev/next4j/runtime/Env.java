package dev.next4j.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The app's environment: the process environment over the {@code .env} files of the project
 * folder, loaded as Next.js loads them. Highest precedence first:
 *
 * <ol>
 *   <li>the process environment (a variable set there is never replaced by a file);
 *   <li>{@code .env.<mode>.local};
 *   <li>{@code .env.local} (not in mode {@code test}, so tests get the same values everywhere);
 *   <li>{@code .env.<mode>};
 *   <li>{@code .env}.
 * </ol>
 *
 * <p>The mode is {@code development} for an app in dev mode ({@code mvn next:run}), {@code
 * production} otherwise; tests load {@code test} with {@link #load(Path, String)}. Pages read it
 * with {@link Request#env()}, a custom server with {@link NextApp#env()}:
 *
 * <pre>{@code
 * # .env
 * GREETING=Hello
 * DATABASE_URL="jdbc:postgresql://localhost/shop"   # quotes are optional
 *
 * String greeting = request.env().get("GREETING").orElse("Hi");
 * String url = request.env().require("DATABASE_URL");   // missing: IllegalStateException naming the files
 * }</pre>
 *
 * <p>A file holds {@code NAME=value} lines; blank lines and lines starting with {@code #} are
 * skipped, {@code export } before a name is allowed, an unquoted value ends at {@code " #"} and is
 * trimmed, a value in single quotes is taken as it is, one in double quotes may span lines and
 * knows {@code \n}, {@code \"} and {@code \\}. Unlike Next.js, {@code $NAME} in a value is not
 * expanded. A line that is none of these fails the load with the file and line.
 */
public final class Env {
  private final String mode;
  private final Map<String, String> process;
  private final Map<String, String> fromFiles;
  private final List<Path> files;
  private final Map<Path, String> states;
  private final Path dir;

  private Env(Path dir, String mode, Map<String, String> process, Map<String, String> fromFiles, List<Path> files,
      Map<Path, String> states) {
    this.dir = dir;
    this.mode = mode;
    this.process = process;
    this.fromFiles = fromFiles;
    this.files = files;
    this.states = states;
  }

  /**
   * The environment an app made with {@code options} reads: the {@code .env} files of {@code
   * options.dir()}, for mode {@code development} in dev mode and {@code production} otherwise,
   * under this process's environment. The generated {@code NextServer} builds the site's {@code
   * _Context} with it.
   *
   * @throws IllegalArgumentException for a line that is not {@code NAME=value}, naming file and line
   */
  public static Env of(NextOptions options) {
    return load(options.dir(), options.dev() ? "development" : "production");
  }

  /** The environment of this process over the {@code .env} files of {@code dir}, for {@code mode}. */
  public static Env load(Path dir, String mode) {
    return load(dir, mode, System.getenv());
  }

  /**
   * As {@link #load(Path, String)}, with {@code processEnvironment} in place of this process's (for
   * tests, and for a server that hands its app a cleaned environment).
   *
   * @throws IllegalArgumentException for a line that is not {@code NAME=value}, naming file and line
   * @throws UncheckedIOException if a file exists but cannot be read
   */
  public static Env load(Path dir, String mode, Map<String, String> processEnvironment) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(processEnvironment, "processEnvironment");
    if (!isMode(mode)) {
      throw new IllegalArgumentException("an env mode is a lower-case word such as development: \"" + mode + "\"");
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<Path> loaded = new ArrayList<>();
    Map<Path, String> states = new LinkedHashMap<>();
    for (Path file : candidates(dir, mode)) {
      String state = state(file);
      states.put(file, state);
      if (state.isEmpty()) {
        continue;
      }
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("could not read " + file, e);
      }
      // Lower files first, higher ones replace their values.
      loaded.add(0, file);
      values.putAll(parse(text, file));
    }
    return new Env(dir, mode, Map.copyOf(processEnvironment), Collections.unmodifiableMap(values), List.copyOf(loaded),
        Collections.unmodifiableMap(states));
  }

  /** The files to read, lowest precedence first. */
  /** Whether {@code mode} is a lower-case word, [a-z]+ (a loop: no regex at startup). */
  private static boolean isMode(String mode) {
    if (mode == null || mode.isEmpty()) {
      return false;
    }
    for (int i = 0; i < mode.length(); i++) {
      if (mode.charAt(i) < 'a' || mode.charAt(i) > 'z') {
        return false;
      }
    }
    return true;
  }

  private static List<Path> candidates(Path dir, String mode) {
    List<Path> files = new ArrayList<>();
    files.add(dir.resolve(".env"));
    files.add(dir.resolve(".env." + mode));
    if (!mode.equals("test")) {
      files.add(dir.resolve(".env.local"));
    }
    files.add(dir.resolve(".env." + mode + ".local"));
    return files;
  }

  /** The value of {@code name}: from the process environment, else from the highest file that has it. */
  public Optional<String> get(String name) {
    Objects.requireNonNull(name, "name");
    String value = process.get(name);
    return Optional.ofNullable(value != null ? value : fromFiles.get(name));
  }

  /**
   * The value of {@code name}.
   *
   * @throws IllegalStateException if it is set nowhere, naming the files looked in
   */
  public String require(String name) {
    return get(name).orElseThrow(() -> new IllegalStateException("environment variable " + name
        + " is not set: set it in the process environment or in one of "
        + candidates(dir, mode).stream().map(p -> p.getFileName().toString()).toList() + " in " + dir));
  }

  /** The mode the files were chosen for: {@code development}, {@code production}, {@code test}. */
  public String mode() {
    return mode;
  }

  /** The files that were read, highest precedence first. */
  public List<Path> files() {
    return files;
  }

  /**
   * This environment, or, when one of its files was created, changed or deleted since it was
   * loaded, the files loaded again: dev mode asks this on each request, so an edited {@code .env}
   * takes effect at once. Costs one file-system look per file.
   */
  public Env reloaded() {
    for (Map.Entry<Path, String> file : states.entrySet()) {
      if (!state(file.getKey()).equals(file.getValue())) {
        return load(dir, mode, process);
      }
    }
    return this;
  }

  @Override
  public String toString() {
    return "Env{mode=" + mode + ", files=" + files + ", " + fromFiles.size() + " values from files}";
  }

  /** The file's modification time and size, or empty when it is not a regular file. */
  private static String state(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return attributes.isRegularFile() ? attributes.lastModifiedTime() + " " + attributes.size() : "";
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException("could not look at " + file, e);
    }
  }

  /** The {@code NAME=value} lines of {@code text}, read from {@code file}. */
  static Map<String, String> parse(String text, Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNumber = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).stripLeading();
      }
      int eq = line.indexOf('=');
      String name = eq < 0 ? line : line.substring(0, eq).strip();
      if (eq < 0 || !name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
        throw new IllegalArgumentException(file + ":" + lineNumber + ": not a NAME=value line: \"" + excerpt(lines[i]) + "\"");
      }
      String rest = line.substring(eq + 1).strip();
      if (rest.startsWith("\"")) {
        StringBuilder value = new StringBuilder();
        int start = lineNumber;
        String chunk = rest.substring(1);
        while (true) {
          int end = closingQuote(chunk);
          if (end >= 0) {
            value.append(chunk, 0, end);
            checkTail(chunk.substring(end + 1), file, lineNumber);
            break;
          }
          value.append(chunk).append('\n');
          if (++i >= lines.length) {
            throw new IllegalArgumentException(file + ":" + start + ": the value of " + name + " opens a \" it never closes");
          }
          lineNumber = i + 1;
          chunk = lines[i];
        }
        values.put(name, unescape(value.toString()));
      } else if (rest.startsWith("'")) {
        int end = rest.indexOf('\'', 1);
        if (end < 0) {
          throw new IllegalArgumentException(file + ":" + lineNumber + ": the value of " + name + " opens a ' it never closes");
        }
        checkTail(rest.substring(end + 1), file, lineNumber);
        values.put(name, rest.substring(1, end));
      } else {
        int comment = rest.indexOf(" #");
        values.put(name, (comment < 0 ? rest : rest.substring(0, comment)).strip());
      }
    }
    return values;
  }

  /** The index of the first {@code "} in {@code chunk} not escaped by a backslash, or -1. */
  private static int closingQuote(String chunk) {
    for (int i = 0; i < chunk.length(); i++) {
      char c = chunk.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  private static void checkTail(String tail, Path file, int lineNumber) {
    String rest = tail.strip();
    if (!rest.isEmpty() && !rest.startsWith("#")) {
      throw new IllegalArgumentException(file + ":" + lineNumber + ": text after a quoted value: \"" + excerpt(rest) + "\"");
    }
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String excerpt(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
