package dev.next4j.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds references to reflection, dynamic class loading, service loading, annotation lookup and
 * classpath scanning in compiled classes, by reading their constant pools. next4j promises that
 * its runtime and the code it generates decide everything at build time; this is the check.
 *
 * <pre>{@code
 * ReflectionCheck.strict().scan(Path.of("target/classes/com/acme/Routes.class"));
 * // [com/acme/Routes: java/lang/Class.forName(Ljava/lang/String;)Ljava/lang/Class; (loads a class by name)]
 * }</pre>
 */
public final class ReflectionCheck {

  /** A kind of run-time lookup the check forbids. */
  public enum Rule {
    REFLECTION_API("uses java.lang.reflect"),
    CLASS_BY_NAME("loads a class by name"),
    SERVICE_LOADER("uses ServiceLoader"),
    ANNOTATION_LOOKUP("looks up annotations at run time"),
    CLASSPATH_SCANNING("scans the classpath"),
    METHOD_HANDLE_LOOKUP("looks up a method handle by name");

    private final String description;

    Rule(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /** One forbidden reference: the class that makes it, what it refers to, and which rule it breaks. */
  public record Finding(String className, String reference, Rule rule) {
    @Override
    public String toString() {
      return className + ": " + reference + " (" + rule.description() + ")";
    }
  }

  private static final Set<String> CLASS_BY_NAME = Set.of("forName", "newInstance");
  private static final Set<String> CLASS_LOADER_BY_NAME = Set.of("loadClass", "findClass", "defineClass");
  private static final Set<String> RESOURCE_LISTING = Set.of("getResources", "getSystemResources", "resources");

  private final Set<Rule> allowed;

  private ReflectionCheck(Set<Rule> allowed) {
    this.allowed = allowed;
  }

  /** A check that allows nothing: what generated code must pass. */
  public static ReflectionCheck strict() {
    return new ReflectionCheck(EnumSet.noneOf(Rule.class));
  }

  /**
   * A check that lets {@code rules} pass; the runtime may look up one public JDK method by
   * handle (the virtual-thread executor on Java 21+), so its check allows {@link
   * Rule#METHOD_HANDLE_LOOKUP}.
   */
  public static ReflectionCheck allowing(Rule... rules) {
    EnumSet<Rule> set = EnumSet.noneOf(Rule.class);
    set.addAll(List.of(rules));
    return new ReflectionCheck(set);
  }

  /** The forbidden references of one class, sorted by reference. */
  public List<Finding> check(ClassFile file) {
    List<Finding> findings = new ArrayList<>();
    for (String referenced : file.classReferences()) {
      Rule rule = classRule(referenced);
      if (rule != null && !allowed.contains(rule)) {
        findings.add(new Finding(file.name(), referenced, rule));
      }
    }
    for (ClassFile.MemberReference member : file.memberReferences()) {
      Rule rule = memberRule(member);
      if (rule != null && !allowed.contains(rule)) {
        findings.add(new Finding(file.name(), member.toString(), rule));
      }
    }
    findings.sort(java.util.Comparator.comparing(Finding::reference));
    return List.copyOf(findings);
  }

  /**
   * The forbidden references of every class file under {@code location}: a directory of classes,
   * a jar, or a single {@code .class} file.
   */
  public List<Finding> scan(Path location) throws IOException {
    List<Finding> findings = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.walk(location)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
          findings.addAll(check(parse(Files.readAllBytes(file), file.toString())));
        }
      }
    } else if (location.toString().endsWith(".class")) {
      findings.addAll(check(parse(Files.readAllBytes(location), location.toString())));
    } else {
      try (ZipFile zip = new ZipFile(location.toFile())) {
        for (ZipEntry entry : zip.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
          try (InputStream in = zip.getInputStream(entry)) {
            findings.addAll(check(parse(in.readAllBytes(), location + "!" + entry.getName())));
          }
        }
      }
    }
    return List.copyOf(findings);
  }

  private static ClassFile parse(byte[] bytes, String where) throws IOException {
    try {
      return ClassFile.parse(bytes);
    } catch (IOException e) {
      throw new IOException(where + ": " + e.getMessage(), e);
    }
  }

  private static Rule classRule(String name) {
    if (name.startsWith("java/lang/reflect/")
        || name.startsWith("sun/reflect/")
        || name.startsWith("jdk/internal/reflect/")) {
      return Rule.REFLECTION_API;
    }
    if (name.equals("java/util/ServiceLoader") || name.startsWith("java/util/ServiceLoader$")) {
      return Rule.SERVICE_LOADER;
    }
    return null;
  }

  private static Rule memberRule(ClassFile.MemberReference member) {
    String owner = member.owner();
    String name = member.name();
    Rule ownerRule = classRule(owner);
    if (ownerRule != null) {
      return ownerRule;
    }
    if (owner.equals("java/lang/Class")) {
      if (CLASS_BY_NAME.contains(name)) {
        return Rule.CLASS_BY_NAME;
      }
      if (name.startsWith("getDeclared")) {
        return Rule.REFLECTION_API;
      }
      if (name.startsWith("getAnnotation") || name.equals("isAnnotationPresent")) {
        return Rule.ANNOTATION_LOOKUP;
      }
    }
    if (owner.equals("java/lang/ClassLoader") || owner.endsWith("ClassLoader")) {
      if (CLASS_LOADER_BY_NAME.contains(name)) {
        return Rule.CLASS_BY_NAME;
      }
      if (RESOURCE_LISTING.contains(name)) {
        return Rule.CLASSPATH_SCANNING;
      }
    }
    if (owner.equals("java/lang/invoke/MethodHandles$Lookup")
        && (name.startsWith("find") || name.startsWith("unreflect"))) {
      return name.startsWith("unreflect") ? Rule.REFLECTION_API : Rule.METHOD_HANDLE_LOOKUP;
    }
    if (member.descriptor().contains("Ljava/lang/reflect/")) {
      return Rule.REFLECTION_API;
    }
    if (member.descriptor().contains("Ljava/util/ServiceLoader")) {
      return Rule.SERVICE_LOADER;
    }
    return null;
  }
}
