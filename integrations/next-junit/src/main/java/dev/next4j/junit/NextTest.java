package dev.next4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a next4j app: the app is made and started once for the class, on a
 * free port of 127.0.0.1 (or not started at all when {@link #inProcess()}), test methods and
 * constructors get a {@link NextClient} bound to it as a parameter, and it is closed after the
 * class's last test.
 *
 * <pre>{@code
 * @NextTest(NextServer.class)
 * class SiteTest {
 *   @Test
 *   void blogPost(NextClient client) {
 *     Response post = client.get(new Routes.BlogSlug("hello"));
 *     assertEquals(200, post.status());
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #value()} names the class that makes the app, through a public static method named
 * {@link #method()} taking {@code NextOptions}: the generated {@code NextServer}'s {@code
 * app(NextOptions)}, or the same method of a custom server. A method returning {@code NextApp} is
 * started with {@code app.start()} and closed with {@code app.close()}; a method returning an
 * {@code HttpServer} is a custom server that made and started its server on {@code
 * options.hostname()} and {@code options.port()} (port 0: a free one), and it is stopped after the
 * class. The options are {@code dev(false)}, host {@code 127.0.0.1}, port 0.
 *
 * <p>The extension finds that method and a route record's {@code href()} with JUnit's own
 * reflection support: this is test-time code. {@code next-runtime}, which the app runs on, uses
 * no reflection.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(NextExtension.class)
public @interface NextTest {
  /** The class that makes the app: the generated {@code NextServer}, or a custom server. */
  Class<?> value();

  /**
   * The public static method of {@link #value()} taking {@code NextOptions}, returning a {@code
   * NextApp} or a started {@code HttpServer}. Default {@code app}, the generated one's.
   */
  String method() default "app";

  /**
   * Serve through {@code app.handle(Request)}, without any socket: faster, and what a page sees is
   * the same except what the HTTP server itself does (the header and body limits, HEAD's empty
   * body, the access log). Needs a method returning {@code NextApp}.
   */
  boolean inProcess() default false;
}
