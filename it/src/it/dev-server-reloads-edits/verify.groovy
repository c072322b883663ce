// Runs `mvn next:run` as a user would, in the background, and checks what it serves over HTTP while
// the sources change under it. Each run ends with SIGTERM, and the port must be free afterwards.
// Not SIGINT: a job that a non-interactive shell starts in the background (bash -c 'mvn ... &', as
// CI scripts do) ignores SIGINT, and so do the JVMs started under it, so Ctrl-C could not be sent.
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.TimeUnit

File dir = basedir
String mvn = new File(System.getProperty("maven.home"), "bin/mvn").path
HttpClient http = HttpClient.newHttpClient()

int freePort() { new ServerSocket(0).withCloseable { it.localPort } }

Process run(File dir, String mvn, String logName, List<String> flags) {
    List<String> command = [mvn, "-B", "-o", "-Dmaven.repo.local=" + localRepositoryPath, "next:run"] + flags
    return new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
        .redirectOutput(new File(dir, logName)).start()
}

String awaitLog(File log, String text, Process process) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120)
    while (System.nanoTime() < deadline) {
        String content = log.exists() ? log.text : ""
        if (content.contains(text)) {
            return content
        }
        assert process.alive: "mvn next:run ended before its log said '" + text + "':\n" + content
        Thread.sleep(100)
    }
    throw new AssertionError("the log never said '" + text + "':\n" + log.text)
}

HttpResponse<String> get(HttpClient http, int port, String path) {
    http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString())
}

HttpResponse<String> awaitBody(HttpClient http, int port, String path, String text) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
    HttpResponse<String> response = get(http, port, path)
    while (!response.body().contains(text) && System.nanoTime() < deadline) {
        Thread.sleep(50)
        response = get(http, port, path)
    }
    assert response.body().contains(text): "GET " + path + " never answered with '" + text + "': " + response.body()
    return response
}

void edit(File dir, String path, Closure<String> change) {
    File file = new File(dir, path)
    file.text = change(file.text)
}

/** SIGTERM, as a service manager sends; whatever still runs 5 s later is killed, and the test fails. */
void stop(Process process) {
    List<ProcessHandle> tree = process.descendants().collect { it } + [process.toHandle()]
    process.destroy() // SIGTERM
    boolean stopped = process.waitFor(5, TimeUnit.SECONDS)
    tree.findAll { it.alive }.each { it.destroyForcibly() }
    process.waitFor(10, TimeUnit.SECONDS)
    assert stopped: "mvn next:run (pid " + process.pid() + ") still ran 5 s after SIGTERM; killed it"
}

void assertPortFree(int port) {
    new ServerSocket(port).close() // throws if anything still listens
}

// 1. The generated server: edit a page, add one, break one and fix it.
int port = freePort()
Process site = run(dir, mvn, "run-site.log", ["-Dnext.port=" + port])
try {
    String log = awaitLog(new File(dir, "run-site.log"), "next4j dev server ready on http://localhost:" + port, site)
    assert log =~ /next4j dev server ready on http:\/\/localhost:\d+ \(3 routes, started in \d+ ms\)/

    def home = get(http, port, "/")
    assert home.statusCode() == 200
    assert home.body().contains("<h1>Hello</h1>")
    assert home.body().contains("/_next/live-reload"): "dev pages carry the live-reload script"

    edit(dir, "src/main/java/com/acme/pages/Index.java") { it.replace("<h1>Hello</h1>", "<h1>Hello again</h1>") }
    assert awaitBody(http, port, "/", "<h1>Hello again</h1>").statusCode() == 200
    awaitLog(new File(dir, "run-site.log"), "Reloaded in", site)
    assert new File(dir, "run-site.log").text =~ /\[INFO\] Reloaded in \d+ ms: src\/main\/java\/com\/acme\/pages\/Index.java changed \(1 source compiled\)/

    assert get(http, port, "/contact").statusCode() == 404
    new File(dir, "src/main/java/com/acme/pages/Contact.java").text =
        new File(dir, "src/main/java/com/acme/pages/About.java").text.replace("About", "Contact").replace("<h1>Contact us", "<h1>Write to us")
    assert awaitBody(http, port, "/contact", "<h1>Write to us</h1>").statusCode() == 200

    edit(dir, "src/main/java/com/acme/pages/About.java") { it.replace("</h1></body></html>\");", "</h1></body></html>\")") }
    def broken = awaitBody(http, port, "/about", "Compile error")
    assert broken.statusCode() == 500
    assert broken.body().contains("src/main/java/com/acme/pages/About.java:11")
    assert broken.body().contains("&#39;;&#39; expected")
    awaitLog(new File(dir, "run-site.log"), "[ERROR] Compile error in src/main/java/com/acme/pages/About.java:11: ';' expected", site)
    assert get(http, port, "/").statusCode() == 500: "every page shows the problem until it is fixed"

    edit(dir, "src/main/java/com/acme/pages/About.java") { it.replace("</h1></body></html>\")", "</h1></body></html>\");") }
    assert awaitBody(http, port, "/about", "<h1>About us</h1>").statusCode() == 200
    assert get(http, port, "/").body().contains("<h1>Hello again</h1>")

    // A page that no longer fits its route: the generator reports it at the page, before javac.
    edit(dir, "src/main/java/com/acme/pages/About.java") { it.replace("Page<Routes.About>", "Page<Routes.Index>").replace("Routes.About params", "Routes.Index params") }
    def misfit = awaitBody(http, port, "/about", "Route error")
    assert misfit.body().contains("src/main/java/com/acme/pages/About.java:8")
    assert misfit.body().contains("[next.wrong-params-record] The class in About.java implements Page&lt;Routes.Index&gt;,"
        + " but the record of its route /about is Routes.About; write implements Page&lt;Routes.About&gt;.")
    edit(dir, "src/main/java/com/acme/pages/About.java") { it.replace("Page<Routes.Index>", "Page<Routes.About>").replace("Routes.Index params", "Routes.About params") }
    assert awaitBody(http, port, "/about", "<h1>About us</h1>").statusCode() == 200
} finally {
    stop(site)
}
assertPortFree(port)

// 2. A taken port: one clear line, and the build fails.
int taken = freePort()
new ServerSocket(taken).withCloseable {
    Process clash = run(dir, mvn, "run-taken.log", ["-Dnext.port=" + taken])
    try {
        assert clash.waitFor(120, TimeUnit.SECONDS): "mvn next:run on a taken port did not end"
    } finally {
        if (clash.alive) {
            stop(clash)
        }
    }
    assert clash.exitValue() != 0
    String log = new File(dir, "run-taken.log").text
    // next:run binds localhost unless told otherwise, and says so.
    assert log.contains("Port " + taken + " on localhost is already in use: stop the process that holds it, or choose another port with -Dnext.port=")
}

// 3. The custom server (<mainClass>): it runs in dev mode with live pages.
int customPort = freePort()
Process custom = run(dir, mvn, "run-custom.log", ["-Dnext.port=" + customPort, "-Dnext.mainClass=com.acme.Server"])
try {
    awaitLog(new File(dir, "run-custom.log"), "next4j dev server ready on http://localhost:" + customPort, custom)
    // The custom server prints its own line from its main thread: it may come after the dev server's.
    awaitLog(new File(dir, "run-custom.log"), "> Ready on http://localhost:" + customPort + " (dev)", custom)
    assert awaitBody(http, customPort, "/a", "<h1>Page b</h1>").statusCode() == 200
    assert get(http, customPort, "/about").body().contains("<h1>About us</h1>")
    // Live reload reaches the custom server's app through app.requestHandler(): the script is in its
    // pages, and its handler serves the stream (the dev server's, attached when NextServer.app ran).
    assert get(http, customPort, "/about").body().contains("new EventSource(\"/_next/live-reload\")")
    new Socket("localhost", customPort).withCloseable { socket ->
        socket.soTimeout = 10000
        socket.outputStream.write("GET /_next/live-reload HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes("ISO-8859-1"))
        socket.outputStream.flush()
        BufferedReader lines = new BufferedReader(new InputStreamReader(socket.inputStream, "UTF-8"))
        List<String> head = []
        String line
        while ((line = lines.readLine()) != null && !line.startsWith("event: version")) {
            head << line
        }
        assert head[0] == "HTTP/1.1 200 OK": "the live-reload stream through the custom server: " + head
        assert head.any { it.equalsIgnoreCase("content-type: text/event-stream; charset=utf-8") }: head
        assert line == "event: version": "the stream starts with the version: " + head
    }

    edit(dir, "src/main/java/com/acme/pages/B.java") { it.replace("<h1>Page b</h1>", "<h1>Page b, edited</h1>") }
    assert awaitBody(http, customPort, "/a", "<h1>Page b, edited</h1>").statusCode() == 200

    edit(dir, "src/main/java/com/acme/Server.java") { it.replace("A custom server", "The custom server") }
    awaitLog(new File(dir, "run-custom.log"), "src/main/java/com/acme/Server.java changed: the custom server itself keeps running as it started; restart next:run to apply it.", custom)
} finally {
    stop(custom)
}
assertPortFree(customPort)

// 4. Dev mode lives in the plugin: the next-runtime jar every site ships holds the host hook and no
// dev-mode class.
File runtimeDir = new File(localRepositoryPath, "dev/next4j/next-runtime")
File runtimeJar = runtimeDir.listFiles().collect { new File(it, "next-runtime-" + it.name + ".jar") }.find { it.file }
assert runtimeJar != null: "no next-runtime jar under " + runtimeDir
List<String> entries = new java.util.jar.JarFile(runtimeJar).withCloseable { jar -> jar.entries().collect { it.name } }
assert entries.contains("dev/next4j/runtime/host/HostSlot.class"): entries
assert entries.contains("module-info.class"): entries
List<String> devClasses = entries.findAll { it =~ /\/(Dev[A-Z]\w*|LiveReload|Session)(\$\w+)?\.class$/ }
assert devClasses.isEmpty(): "dev-mode classes in " + runtimeJar + ": " + devClasses
return true
