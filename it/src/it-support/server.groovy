// Helpers for the verify scripts of scenarios that start a built jar: evaluated with the script's
// binding, so its closures become variables of the calling script.
import java.nio.charset.StandardCharsets
import java.util.concurrent.TimeUnit

/** Starts `java -jar <jar>` on a free port; returns [process, port, log]. Waits until it listens. */
startJar = { File jar, List<String> args = [], Map<String, String> env = [:] ->
    startCommand([new File(System.getProperty('java.home'), 'bin/java').path, '-jar', jar.path] + args, env,
        new File(jar.parentFile, jar.name + ".run.log"))
}

/** Starts `<command> --port <free port>` (PORT set too); returns [process, port, log]. Waits until it listens. */
startCommand = { List<String> start, Map<String, String> env, File log ->
    int port = new ServerSocket(0).withCloseable { it.localPort }
    def command = start + ['--port', port.toString()]
    def builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log)
    builder.environment().put('PORT', port.toString())
    builder.environment().putAll(env)
    Process process = builder.start()
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
    while (System.nanoTime() < deadline) {
        if (!process.alive) {
            throw new AssertionError("${start} exited with ${process.exitValue()} before answering:\n${log.text}")
        }
        try {
            new Socket('127.0.0.1', port).close()
            return [process: process, port: port, log: log]
        } catch (IOException notYet) {
            Thread.sleep(50)
        }
    }
    process.destroyForcibly()
    throw new AssertionError("${start} did not listen on $port within 30 s:\n${log.text}")
}

/** Stops a server from startJar and waits until it is gone. */
stopJar = { server ->
    server.process.destroy()
    if (!server.process.waitFor(10, TimeUnit.SECONDS)) {
        server.process.destroyForcibly()
    }
}

/** GETs a path; returns [status, body, headers] (headers by lower-case name). */
httpGet = { int port, String path ->
    def connection = (HttpURLConnection) new URL("http://127.0.0.1:$port$path").openConnection()
    connection.instanceFollowRedirects = false
    int status = connection.responseCode
    def stream = status >= 400 ? connection.errorStream : connection.inputStream
    String body = stream == null ? '' : new String(stream.readAllBytes(), StandardCharsets.UTF_8)
    def headers = [:]
    connection.headerFields.each { k, v -> if (k != null) headers[k.toLowerCase()] = v.join(', ') }
    connection.disconnect()
    return [status: status, body: body, headers: headers]
}

/** The plugin's own no-reflection check, loaded from the plugin jar in the local repository. */
reflectionFindings = { File location ->
    File pluginJar = new File(localRepositoryPath,
        "dev/next4j/next-maven-plugin/$nextVersion/next-maven-plugin-${nextVersion}.jar")
    def loader = new URLClassLoader([pluginJar.toURI().toURL()] as URL[], this.class.classLoader)
    def check = loader.loadClass('dev.next4j.build.ReflectionCheck').strict()
    return check.scan(location.toPath()).collect { it.toString() }
}
