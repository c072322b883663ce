package dev.next4j.dev;

import dev.next4j.build.ClassFile;
import dev.next4j.codegen.GeneratedNames;
import dev.next4j.runtime.Env;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's services ({@code _Context}) in a dev session, kept across reloads that do not touch
 * them. The context's classes are the class the generated {@code Routes.table} takes and every
 * project class they name, read from the class files ({@link ClassFile}); they are loaded by a
 * loader of their own ({@link AppLoaders#services}), which each reload's loader has as its parent.
 * After every good compile, {@link #update} compares those class files with the ones the context was
 * built from: unchanged, the context and its loader are kept and the pages of the new generation
 * get the same instance; changed (or grown by a class), a new loader builds a new context and the
 * old one is closed. A context whose constructor throws is a load error, and the old context stays
 * (its pages are not served while the build is broken); the next good build tries again.
 */
final class DevContext implements AutoCloseable {
  private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([\\p{javaJavaIdentifierPart}/$]+);");

  private final AppLoaders loaders;
  private final Path classesDir;
  private final Path projectDir;
  private final Consumer<String> log;
  private Map<String, String> builtFrom = Map.of();
  private ClassLoader loader;
  private Class<?> type;
  private Object instance;

  /**
   * @param classesDir the project's classes folder, where the compiler writes
   * @param projectDir where the {@code .env} files are, for a {@code _Context(Env)}
   * @param log where to say that the context was built again
   */
  DevContext(AppLoaders loaders, Path classesDir, Path projectDir, Consumer<String> log) {
    this.loaders = loaders;
    this.classesDir = classesDir;
    this.projectDir = projectDir;
    this.log = log;
  }

  /**
   * Brings the context in step with the classes just compiled for {@code generatedPackage} and
   * returns the parent for the reload's loader: the context's loader, or the base when the site
   * has no {@code _Context}.
   *
   * @throws ReflectiveOperationException (an {@link InvocationTargetException} when the context's
   *     constructor threw) or {@link LinkageError} when the new context cannot be built; the old
   *     one is kept
   */
  ClassLoader update(String generatedPackage) throws IOException, ReflectiveOperationException {
    Optional<String> contextClass = contextClass(generatedPackage);
    if (contextClass.isEmpty()) {
      close();
      return loaders.base();
    }
    Map<String, String> classes = closure(contextClass.get());
    if (instance != null && classes.equals(builtFrom)) {
      return loader;
    }
    ClassLoader fresh = loaders.services(classes.keySet());
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(fresh);
    Object built;
    Class<?> freshType;
    try {
      freshType = Class.forName(contextClass.get(), true, fresh);
      built = construct(freshType);
    } finally {
      thread.setContextClassLoader(previous);
    }
    boolean replaced = instance != null;
    close();
    log.accept(replaced ? "_Context changed: the site's services were built again" : "Built the site's services (_Context)");
    this.loader = fresh;
    this.type = freshType;
    this.instance = built;
    this.builtFrom = classes;
    return fresh;
  }

  /** The context's class, when the site has one and it was built. */
  Optional<Class<?>> type() {
    return Optional.ofNullable(type);
  }

  /** The context the pages of the current generation get, when the site has one. */
  Optional<Object> instance() {
    return Optional.ofNullable(instance);
  }

  /** Closes the context, when there is one and it is {@code AutoCloseable}; a failure is logged. */
  @Override
  public void close() {
    Object closing = instance;
    instance = null;
    type = null;
    loader = null;
    builtFrom = Map.of();
    if (closing instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        log.accept("Closing the site's services (_Context) failed: " + e);
      }
    }
  }

  private Object construct(Class<?> contextType) throws ReflectiveOperationException {
    try {
      return contextType.getConstructor(Env.class).newInstance(Env.load(projectDir, "development"));
    } catch (NoSuchMethodException noEnv) {
      return contextType.getConstructor().newInstance();
    }
  }

  /**
   * The class the generated {@code Routes.table} takes, read from its class file: the site's
   * {@code _Context}, or empty when {@code table()} takes nothing.
   */
  private Optional<String> contextClass(String generatedPackage) throws IOException {
    String routes = GeneratedNames.routesClass(generatedPackage);
    Path file = classFile(routes.replace('.', '/'));
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    for (ClassFile.Member method : ClassFile.parse(Files.readAllBytes(file)).methods()) {
      if (method.name().equals("table") && method.descriptor().startsWith("(L")) {
        String descriptor = method.descriptor();
        return Optional.of(descriptor.substring(2, descriptor.indexOf(';')).replace('/', '.'));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code start} and every project class it names, directly or through another, each with a
   * digest of its class file: binary names in order.
   */
  private Map<String, String> closure(String start) throws IOException {
    Map<String, String> found = new TreeMap<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(start.replace('.', '/'));
    Map<String, Boolean> seen = new HashMap<>();
    while (!queue.isEmpty()) {
      String name = queue.poll();
      if (seen.put(name, Boolean.TRUE) != null) {
        continue;
      }
      Path file = classFile(name);
      if (!Files.isRegularFile(file)) {
        continue; // a JDK or dependency class: loaded by the base, never reloaded
      }
      byte[] bytes = Files.readAllBytes(file);
      found.put(name.replace('/', '.'), digest(bytes));
      ClassFile classFile = ClassFile.parse(bytes);
      for (String reference : classFile.classReferences()) {
        if (!reference.startsWith("[")) {
          queue.add(reference);
        }
      }
      for (String text : classFile.utf8Entries()) {
        Matcher type = TYPE_IN_DESCRIPTOR.matcher(text);
        while (type.find()) {
          queue.add(type.group(1));
        }
      }
    }
    return found;
  }

  private Path classFile(String internalName) {
    return classesDir.resolve(internalName + ".class");
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("the JDK has no SHA-256", impossible);
    }
  }
}
