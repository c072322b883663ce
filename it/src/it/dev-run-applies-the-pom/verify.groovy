// `mvn next:run` builds what `mvn compile` builds, and applies a pom edit by itself. A processor
// module is installed first (as a user's own module would be); then next:run serves a page that
// reads a resource with its own folder and targetPath, one from a folder made after start, and a
// class the processor writes. A pom that does not parse is shown at pom.xml while the app keeps its
// port; the fixed pom, with a new basePath, restarts the server by itself on the same port. The
// server is stopped by pid in a finally block, also when a check fails.
import java.util.concurrent.TimeUnit

evaluate(new File(itSupport, 'server.groovy'))

File dir = basedir

/** GETs `path` until it answers `status` with a body containing `text` (30 s at most). */
def await = { int port, String path, int status, String text ->
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
    def response = null
    while (System.nanoTime() < deadline) {
        try {
            response = httpGet(port, path)
            if (response.status == status && response.body.contains(text)) {
                return response
            }
        } catch (IOException restarting) {
            // the port is rebound during a restart
        }
        Thread.sleep(50)
    }
    throw new AssertionError("GET ${path} never answered ${status} with '${text}'; last: ${response}")
}

def awaitLog = { File log, String text ->
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
    while (!log.text.contains(text)) {
        assert System.nanoTime() < deadline : "the log never said '${text}':\n${log.text}"
        Thread.sleep(100)
    }
}

// 1. The processor module, with the plugin versions of this scenario's (filtered) pom.
File processorPom = new File(dir, 'processor/pom.xml')
String outer = new File(dir, 'pom.xml').text
processorPom.text = processorPom.text.replaceAll(/@(\w+)\.version@/) { all, name ->
    def version = outer =~ ('<artifactId>maven-' + name + '-plugin</artifactId>\\s*<version>([^<]+)</version>')
    assert version.find() : "no version of maven-${name}-plugin in pom.xml"
    version.group(1)
}
runMaven(new File(dir, 'processor'), ['install'], new File(dir, 'processor-install.log'))

File log = new File(dir, 'run.log')
File pom = new File(dir, 'pom.xml')
String goodPom = pom.text
def server = null
try {
    server = startDevServer(dir, log)
    int port = server.port

    // 2. What mvn compile would build: the custom resource at its targetPath, the processor's class.
    def home = httpGet(port, '/')
    assert home.status == 200 : home
    assert home.body.contains('<p id="greeting">Hello from a resource with its own folder and targetPath</p>')
    assert home.body.contains('<p id="late">missing /late.txt</p>')
    assert home.body.contains('<p id="stamp">stamped by a processor</p>')
    assert new File(dir, 'target/generated-sources/annotations/com/acme/Stamp.java').file

    // 3. The pom's third resource folder is made now: a file put there is read without a restart.
    File late = new File(dir, 'src/main/late')
    assert late.mkdirs()
    new File(late, 'late.txt').text = 'late but seen\n'
    await(port, '/', 200, '<p id="late">late but seen</p>')

    // 4. An edit of the custom resource reloads the app.
    new File(dir, 'src/main/messages/greeting.txt').text = 'Hello again\n'
    await(port, '/', 200, '<p id="greeting">Hello again</p>')
    assert !log.text.contains('restart next:run') : 'no pom change yet, no restart asked for'

    // 5. A pom that does not parse: its error at pom.xml, in the browser and the log; the port stays.
    pom.text = goodPom.replace('<!-- NEXT-CONFIGURATION -->', '<configuration><basePath>/docs</basePath>')
    def broken = await(port, '/', 500, 'Project error')
    assert broken.body.contains('pom.xml') && broken.body.contains('pom.xml was not applied')
    // Maven's parser notices the unclosed <configuration> at the plugin's end tag.
    List<String> lines = goodPom.readLines()
    int opened = lines.findIndexOf { it.contains('<!-- NEXT-CONFIGURATION -->') }
    int pluginEnd = lines.findIndexOf(opened) { it.contains('</plugin>') } + 1
    awaitLog(log, 'Project error in pom.xml:' + pluginEnd + ': pom.xml was not applied: Non-parseable POM')
    assert broken.body.contains('pom.xml:' + pluginEnd)

    // 6. The fixed pom, with a new basePath: next:run restarts by itself, on the same port.
    pom.text = goodPom.replace('<!-- NEXT-CONFIGURATION -->', '<configuration><basePath>/docs</basePath></configuration>')
    awaitLog(log, 'next4j dev server restarted on http://localhost:' + port)
    def docs = await(port, '/docs', 200, '<p id="stamp">stamped by a processor</p>')
    assert docs.body.contains('<p id="greeting">Hello again</p>')
    assert docs.body.contains('<p id="late">late but seen</p>')
    assert docs.body.contains('new EventSource("/docs/_next/live-reload")')
    assert httpGet(port, '/').status == 404 : 'outside the new base path'

    // 7. The restarted server reloads edits as the first did.
    new File(dir, 'src/main/messages/greeting.txt').text = 'Hello after the restart\n'
    await(port, '/docs', 200, '<p id="greeting">Hello after the restart</p>')
    assert server.process.alive
} finally {
    if (server != null) {
        stopProcess(server.process)
    }
}
assert !ProcessHandle.of(server.process.pid()).isPresent() : 'mvn next:run still runs'
new ServerSocket(server.port).close() // throws if anything still listens
String text = log.text
assert text.count('next4j dev server ready on') == 1 : 'one start, then restarts in place:\n' + text
assert !text.contains('Exception') : text
