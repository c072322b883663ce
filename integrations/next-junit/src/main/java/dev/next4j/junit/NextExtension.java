package dev.next4j.junit;

import com.sun.net.httpserver.HttpServer;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The extension behind {@link NextTest}: starts the app before the class's first test, resolves
 * {@link NextClient} parameters (and {@code NextApp} ones, when the app is a {@code NextApp}), and
 * closes the app when JUnit closes the class's store after its last test. A {@code @Nested} class
 * shares its enclosing class's app.
 */
public final class NextExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NextExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == NextClient.class || type == NextApp.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running running = running(context);
    if (parameter.getParameter().getType() == NextClient.class) {
      return running.client;
    }
    if (running.app == null) {
      throw new ParameterResolutionException("a NextApp parameter needs @NextTest's method to return a NextApp; "
          + running.source + " returns a started HttpServer (a custom server): ask for a NextClient instead");
    }
    return running.app;
  }

  /** The app of {@code context}'s test class, started on first use and kept in the class's store. */
  private static Running running(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    NextTest test = findAnnotation(testClass).orElseThrow(() -> new ExtensionConfigurationException(
        testClass.getName() + " uses NextExtension without @NextTest: annotate the class with "
            + "@NextTest(NextServer.class) to name the app"));
    // Nested classes find the enclosing class's app in its store, which JUnit searches upwards.
    return context.getStore(NAMESPACE).computeIfAbsent(Running.class, key -> start(test), Running.class);
  }

  /** {@code @NextTest} on the class or an enclosing class (for {@code @Nested} ones). */
  private static Optional<NextTest> findAnnotation(Class<?> testClass) {
    for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
      Optional<NextTest> found = AnnotationSupport.findAnnotation(type, NextTest.class);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Makes and starts the app {@code test} names. */
  static Running start(NextTest test) {
    Method factory = factory(test.value(), test.method());
    String source = test.value().getName() + "." + test.method() + "(NextOptions)";
    NextOptions options = NextOptions.builder().dev(false).hostname("127.0.0.1").port(0).build();
    Object made = ReflectionSupport.invokeMethod(factory, null, options);
    if (made == null) {
      throw new ExtensionConfigurationException(source + " returned null");
    }
    if (made instanceof NextApp app) {
      if (test.inProcess()) {
        return new Running(source, app, null, NextClient.inProcess(app));
      }
      try {
        HttpServer server = app.start();
        return new Running(source, app, null, NextClient.http(baseUri(server)));
      } catch (IOException e) {
        app.close();
        throw new UncheckedIOException("cannot start the app of " + source + ": " + e.getMessage(), e);
      }
    }
    HttpServer server = (HttpServer) made;
    if (test.inProcess()) {
      server.stop(0);
      throw new ExtensionConfigurationException("@NextTest(inProcess = true) needs a method returning NextApp; "
          + source + " returns an HttpServer, which only answers over HTTP");
    }
    return new Running(source, null, server, NextClient.http(baseUri(server)));
  }

  private static URI baseUri(HttpServer server) {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://127.0.0.1:" + address.getPort());
  }

  /** The public static method {@code name(NextOptions)} of {@code type}, returning NextApp or HttpServer. */
  static Method factory(Class<?> type, String name) {
    Optional<Method> found = ReflectionSupport.findMethod(type, name, NextOptions.class);
    String expected = "@NextTest(" + type.getSimpleName() + ".class) needs a public static method " + name
        + "(NextOptions) returning NextApp (as the generated NextServer has) or a started HttpServer (a custom server)";
    if (found.isEmpty()) {
      throw new ExtensionConfigurationException(type.getName() + " has no method " + name + "(NextOptions): " + expected);
    }
    Method method = found.get();
    int modifiers = method.getModifiers();
    boolean returns = NextApp.class.isAssignableFrom(method.getReturnType())
        || HttpServer.class.isAssignableFrom(method.getReturnType());
    if (!Modifier.isStatic(modifiers) || !Modifier.isPublic(modifiers) || !returns) {
      throw new ExtensionConfigurationException(type.getName() + "." + name + "(NextOptions) is not public static or "
          + "returns " + method.getReturnType().getSimpleName() + ": " + expected);
    }
    return method;
  }

  /** A started app and its client; JUnit closes it with the class's store. */
  static final class Running implements AutoCloseable {
    final String source;
    final NextApp app;
    final HttpServer server;
    final NextClient client;

    Running(String source, NextApp app, HttpServer server, NextClient client) {
      this.source = source;
      this.app = app;
      this.server = server;
      this.client = client;
    }

    @Override
    public void close() {
      if (app != null) {
        app.close();
      }
      if (server != null) {
        server.stop(0);
      }
    }
  }
}
