// Helpers for the verify scripts of scenarios that start a built jar: evaluated with the script's
// binding, so its closures become variables of the calling script.
import java.nio.charset.StandardCharsets
import java.util.concurrent.TimeUnit

/**
 * Starts `java -jar <jar>` on a free port; returns [process, port, log]. Waits until it listens.
 * Give each of several instances of one jar its own log.
 */
startJar = { File jar, List<String> args = [], Map<String, String> env = [:], File log = null ->
    startCommand([new File(System.getProperty('java.home'), 'bin/java').path, '-jar', jar.path] + args, env,
        log ?: new File(jar.parentFile, jar.name + ".run.log"))
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
    stopProcess(process)
    throw new AssertionError("${start} did not listen on $port within 30 s:\n${log.text}")
}

/**
 * Starts Debian's `redis-server` on a free port of the loopback, without persistence, and waits
 * until it answers PING; returns [process, port, log]. Stop it with stopProcess in a finally block.
 * Fails with the install hint when redis-server is not on the PATH (bin/install-test-deps installs it).
 */
startRedis = { File log ->
    def executable = System.getenv('PATH').split(File.pathSeparator)
        .collect { new File(it, 'redis-server') }.find { it.canExecute() }
    assert executable != null : 'this scenario needs redis-server on the PATH: run bin/install-test-deps (as root), or apt-get install -y redis-server'
    int port = new ServerSocket(0).withCloseable { it.localPort }
    log.parentFile.mkdirs()
    Process process = new ProcessBuilder(executable.path, '--port', port.toString(), '--bind', '127.0.0.1',
            '--save', '', '--appendonly', 'no', '--daemonize', 'no')
        .redirectErrorStream(true).redirectOutput(log).start()
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20)
    while (System.nanoTime() < deadline) {
        if (!process.alive) {
            throw new AssertionError("redis-server exited with ${process.exitValue()}:\n${log.text}")
        }
        boolean ready = false
        try {
            Socket socket = new Socket('127.0.0.1', port)
            try {
                socket.soTimeout = 2000
                socket.outputStream.write('*1\r\n$4\r\nPING\r\n'.getBytes(StandardCharsets.US_ASCII))
                byte[] reply = new byte[7]
                int read = socket.inputStream.read(reply)
                ready = read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith('+PONG')
            } finally {
                socket.close()
            }
        } catch (IOException notYet) {
            ready = false
        }
        if (ready) {
            return [process: process, port: port, log: log]
        }
        Thread.sleep(50)
    }
    stopProcess(process)
    throw new AssertionError("redis-server did not answer PING on port $port within 20 s:\n${log.text}")
}

/** Stops a server from startJar, with every process it started, and waits until they are gone. */
stopJar = { server ->
    stopProcess(server.process)
}

/**
 * Stops a process and its descendants by pid: SIGTERM first, then SIGKILL for whatever is still
 * there after 10 s. Call it from a finally block, so a failed assertion leaves nothing running.
 * Returns whether SIGTERM was enough.
 */
stopProcess = { Process process ->
    List<ProcessHandle> tree = process.descendants().collect { it } + [process.toHandle()]
    tree.each { it.destroy() }
    boolean graceful = true
    tree.each { handle ->
        try {
            handle.onExit().get(10, TimeUnit.SECONDS)
        } catch (java.util.concurrent.TimeoutException stillRunning) {
            graceful = false
            handle.destroyForcibly()
            handle.onExit().get(10, TimeUnit.SECONDS)
        }
    }
    return graceful
}

/**
 * Starts `mvn next:run` in `dir` on a free port, against the scenario's local repository, and waits
 * (2 minutes at most) for its ready line; returns [process, port, log]. Stop it with stopProcess
 * in a finally block.
 */
startDevServer = { File dir, File log ->
    int port = new ServerSocket(0).withCloseable { it.localPort }
    String mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
    Process process = new ProcessBuilder(mvn, '-B', '-o', '-Dmaven.repo.local=' + localRepositoryPath, 'next:run', '-Dnext.port=' + port)
        .directory(dir).redirectErrorStream(true).redirectOutput(log).start()
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120)
    while (!(log.exists() && log.text.contains('next4j dev server ready on http://localhost:' + port))) {
        if (!process.alive || System.nanoTime() > deadline) {
            stopProcess(process)
            throw new AssertionError("mvn next:run in ${dir} did not get ready:\n${log.text}")
        }
        Thread.sleep(100)
    }
    return [process: process, port: port, log: log]
}

/**
 * Runs `mvn -B -o <args>` in `dir` against the scenario's local repository and waits for it
 * (5 minutes at most); fails with its log unless it succeeds. Returns the log's text.
 */
runMaven = { File dir, List<String> args, File log ->
    String mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
    def command = [mvn, '-B', '-o', '-Dmaven.repo.local=' + localRepositoryPath] + args
    Process process = new ProcessBuilder(command).directory(dir).redirectErrorStream(true).redirectOutput(log).start()
    try {
        assert process.waitFor(300, TimeUnit.SECONDS) : "${command.join(' ')} did not end within 300 s:\n${log.text}"
    } finally {
        stopProcess(process)
    }
    assert process.exitValue() == 0 : "${command.join(' ')} failed in ${dir}:\n${log.text}"
    return log.getText('UTF-8')
}

/** GETs a path; returns [status, body, headers] (headers by lower-case name). */
httpGet = { int port, String path -> httpRequest(port, path, 'GET') }

/** Sends {@code method} (no body) to a path, redirects not followed; returns [status, body, headers]. */
httpRequest = { int port, String path, String method ->
    def connection = (HttpURLConnection) new URL("http://127.0.0.1:$port$path").openConnection()
    connection.requestMethod = method
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
