package dev.next4j.runtime.internal;

import com.sun.net.httpserver.HttpServer;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.PageCache;
import dev.next4j.runtime.binding.HttpEngine;
import dev.next4j.runtime.binding.RunningServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What {@code NextApp.serve(args, factory)} does: read the port and bind address from the command
 * line and environment, start the app, and print one line when it is ready.
 *
 * <pre>{@code
 * ServeCommand.parse(List.of("--port", "8080"), Map.of("PORT", "9000"))   // Run[port=8080, ...]
 * ServeCommand.parse(List.of(), Map.of("HOSTNAME", "web-7f9c"))           // Run[port=3000, hostname=Optional.empty, ...]
 * }</pre>
 */
public final class ServeCommand {
  static final int DEFAULT_PORT = 3000;

  static final String USAGE =
      "usage: java -jar <site>.jar [--port N] [--hostname H] [--dev]\n"
          + "  --port N, -p N       port to listen on (else env PORT, else 3000; 0 picks a free port)\n"
          + "  --hostname H, -H H   address to bind (else env NEXT_HOSTNAME, else all interfaces)\n"
          + "  --dev                dev mode: error details in the browser";

  /**
   * The JDK's server: {@link NextApp#start()}, on a server of the app's own, which the app's {@code
   * close()} stops itself.
   */
  public static final HttpEngine JDK = new JdkEngine();

  private ServeCommand() {}

  /**
   * {@code --prerender <folder>}, which {@code next:package} runs in a JVM of its own: writes the
   * static pages into the folder (see {@link Prerender}) and exits; a page that fails prints
   * {@link Prerender#FAILURE_MARK}, its pattern and path on one line, then the stack trace, and
   * exits with 1.
   */
  private static void prerender(Path folder, Function<NextOptions, NextApp> factory) {
    // Prerender renders into a cache of its own: the app's (a shared Redis that _App names) is never asked.
    try (NextApp app = factory.apply(NextOptions.builder().dev(false).pageCache(PageCache.inMemory()).build())) {
      long begun = System.nanoTime();
      Prerender.Summary summary = Prerender.run(app, folder, System.out);
      int pages = summary.pages().values().stream().mapToInt(Integer::intValue).sum();
      System.out.println("next4j prerendered " + pages + " pages (" + summary.bytes() + " bytes) in "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun) + " ms");
    } catch (Prerender.Failure failure) {
      System.err.println(Prerender.FAILURE_MARK + "\t" + failure.pattern() + "\t" + failure.path());
      failure.getCause().printStackTrace();
      System.exit(1);
    } catch (IOException e) {
      System.err.println("next4j: cannot write the prerendered pages to " + folder + ": " + e);
      System.exit(1);
    }
  }

  /** What the command line asks for. */
  sealed interface Parsed {
    /** Serve on {@code port}, bound to {@code hostname} (all interfaces when empty). */
    record Run(int port, Optional<String> hostname, boolean dev) implements Parsed {}

    /** Print the usage and stop. */
    record Help() implements Parsed {}

    /** A bad argument or environment value, said in one line. */
    record Invalid(String message) implements Parsed {}
  }

  /**
   * Reads {@code args} and {@code env}: the port from {@code --port N}/{@code --port=N}/{@code -p
   * N}, else {@code PORT}, else 3000; the hostname from {@code --hostname H}/{@code
   * --hostname=H}/{@code -H H}, else {@code NEXT_HOSTNAME}. {@code HOSTNAME} is never read:
   * shells and containers set it to the machine's name, which is no address to bind.
   */
  static Parsed parse(List<String> args, Map<String, String> env) {
    String port = null;
    String portSource = null;
    String hostname = null;
    String hostnameSource = null;
    boolean dev = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
      String inline = name.equals(arg) ? null : arg.substring(arg.indexOf('=') + 1);
      switch (name) {
        case "--port":
        case "-p":
        case "--hostname":
        case "-H":
          String value = inline;
          if (value == null) {
            if (i + 1 >= args.size()) {
              boolean isPort = name.equals("--port") || name.equals("-p");
              return new Parsed.Invalid(name + " needs a value, e.g. " + name + (isPort ? " 3000" : " 127.0.0.1"));
            }
            value = args.get(++i);
          }
          if (name.equals("--port") || name.equals("-p")) {
            port = value;
            portSource = name;
          } else {
            hostname = value;
            hostnameSource = name;
          }
          break;
        case "--dev":
          if (inline != null) {
            return new Parsed.Invalid("--dev takes no value: \"" + arg + "\"");
          }
          dev = true;
          break;
        case "--help":
        case "-h":
          return new Parsed.Help();
        default:
          return new Parsed.Invalid("unknown argument \"" + arg + "\" (next4j takes --port N, --hostname H, --dev)");
      }
    }
    if (port == null && !blank(env.get("PORT"))) {
      port = env.get("PORT");
      portSource = "PORT";
    }
    if (hostname == null && !blank(env.get("NEXT_HOSTNAME"))) {
      hostname = env.get("NEXT_HOSTNAME");
      hostnameSource = "NEXT_HOSTNAME";
    }
    int number = DEFAULT_PORT;
    if (port != null) {
      number = parsePort(port.trim());
      if (number < 0) {
        return new Parsed.Invalid(portSource + " is not a port number: \"" + port + "\" (use 0 to 65535; 0 picks a free port)");
      }
    }
    if (hostname != null && !isHostName(hostname)) {
      return new Parsed.Invalid(hostnameSource + " is not a host name: \"" + hostname + "\"");
    }
    return new Parsed.Run(number, Optional.ofNullable(hostname), dev);
  }

  /**
   * Parses {@code args} and {@code env}, starts the app {@code factory} makes on {@code engine}, and
   * prints the ready line; on bad input or a port in use, prints one line on stderr and exits with
   * status 1. On SIGTERM and Ctrl-C the app closes (draining), then the engine's server stops.
   */
  public static void run(
      String[] args, Map<String, String> env, Function<NextOptions, NextApp> factory, HttpEngine engine) {
    long begun = System.nanoTime();
    if (args.length == 2 && args[0].equals("--prerender")) {
      prerender(Path.of(args[1]), factory);
      return;
    }
    Parsed parsed = parse(List.of(args), env);
    if (parsed instanceof Parsed.Help) {
      System.out.println(USAGE);
      return;
    }
    if (parsed instanceof Parsed.Invalid invalid) {
      fail(invalid.message());
      return;
    }
    Parsed.Run run = (Parsed.Run) parsed;
    // Without --dev the builder's default holds: dev mode when next:run set next.dev.
    NextOptions.Builder options = NextOptions.builder().port(run.port());
    if (run.dev()) {
      options.dev(true);
    }
    if (run.hostname().isPresent()) {
      options.hostname(run.hostname().get());
    }
    NextApp app = factory.apply(options.build());
    RunningServer server;
    try {
      app.prepare();
      server = engine.start(app);
    } catch (BindException e) {
      // "Address already in use"; an address of another machine is a BindException too.
      if (e.getMessage() != null && e.getMessage().contains("in use")) {
        fail("port " + run.port() + " is already in use" + (run.hostname().isPresent() ? " on " + run.hostname().get() : "")
            + "; stop what uses it, or pick another port with --port N or PORT=N");
      } else {
        fail("cannot listen on " + run.hostname().orElse("all interfaces") + " port " + run.port() + ": "
            + e.getMessage() + " (is it an address of this machine? try --hostname 127.0.0.1, or none for all)");
      }
      return;
    } catch (IOException e) {
      fail("cannot listen on " + run.hostname().orElse("all interfaces") + " port " + run.port() + ": " + e.getMessage());
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Shutdown(app, server));
    // From serve() being called, not from the JVM's start: the process start time Linux reports
    // is only exact to the second, and the JVM's own boot is the JVM's business.
    System.out.println(readyLine(run.hostname(), server.address().getPort(), app.routes().size(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun)));
  }

  /** {@code next4j ready on http://localhost:3000 (12 routes, started in 45 ms)}. */
  static String readyLine(Optional<String> hostname, int port, int routes, long millis) {
    String host = hostname.orElse("localhost");
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "next4j ready on http://" + host + ":" + port + " (" + routes + (routes == 1 ? " route" : " routes")
        + ", started in " + millis + " ms)";
  }

  private static void fail(String message) {
    PrintStream err = System.err;
    err.println("next4j: " + message);
    err.flush();
    System.exit(1);
  }

  private static int parsePort(String value) {
    if (value.isEmpty() || value.length() > 5) {
      return -1;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return -1;
      }
    }
    int port = Integer.parseInt(value);
    return port <= 65535 ? port : -1;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** Not blank, and no space, control character or {@code /}. */
  private static boolean isHostName(String hostname) {
    if (hostname.isBlank()) {
      return false;
    }
    for (int i = 0; i < hostname.length(); i++) {
      if (hostname.charAt(i) <= ' ' || hostname.charAt(i) == '/') {
        return false;
      }
    }
    return true;
  }

  // The engine and the hook are classes, not lambdas: each lambda costs a hidden class at startup.

  /** {@link #JDK}. */
  private static final class JdkEngine implements HttpEngine {
    @Override
    public RunningServer start(NextApp app) throws IOException {
      return new JdkServer(app.start());
    }
  }

  /** The JDK server an app made and stops itself in {@code close()}. */
  private static final class JdkServer implements RunningServer {
    private final HttpServer server;

    JdkServer(HttpServer server) {
      this.server = server;
    }

    @Override
    public InetSocketAddress address() {
      return server.getAddress();
    }

    @Override
    public void stop() {
      // app.close() stopped the server it made.
    }
  }

  /** On SIGTERM and Ctrl-C: the app drains and closes, then the engine's server stops. */
  private static final class Shutdown extends Thread {
    private final NextApp app;
    private final RunningServer server;

    Shutdown(NextApp app, RunningServer server) {
      super("next4j-shutdown");
      this.app = app;
      this.server = server;
    }

    @Override
    public void run() {
      app.close();
      server.stop();
    }
  }
}
