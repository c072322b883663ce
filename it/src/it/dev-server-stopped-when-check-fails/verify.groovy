// A dev-mode test that fails leaves nothing running. Twice `mvn next:run` is started as the dev
// scenarios start it, in a try/finally that stops it with stopProcess: once a check fails while the
// server runs, once the server is killed mid-test. Afterwards no process of the run is left and its
// port is free.
import java.util.concurrent.TimeUnit

evaluate(new File(itSupport, 'server.groovy'))

/** Runs `test` against a fresh dev server; returns what failed in it, the server, and whether it stopped on SIGTERM. */
def failingRun = { String name, Closure test ->
    def server = null
    boolean graceful = false
    AssertionError failure = null
    try {
        try {
            server = startDevServer(basedir, new File(basedir, name + '.log'))
            test(server)
        } finally {
            if (server != null) {
                graceful = stopProcess(server.process)
            }
        }
    } catch (AssertionError expected) {
        failure = expected
    }
    assert server != null : "the dev server of '${name}' did not start: ${failure}"
    return [failure: failure, server: server, graceful: graceful]
}

def assertNothingLeft = { run ->
    long pid = run.server.process.pid()
    assert !ProcessHandle.of(pid).isPresent() : "mvn next:run (pid ${pid}) still runs after its test failed"
    new ServerSocket(run.server.port).close() // throws if anything still listens
}

// 1. A check fails while the server runs: the finally block stops it with SIGTERM.
def failedCheck = failingRun('run-failed-check') { server ->
    assert httpGet(server.port, '/').body.contains('<h1>Hello</h1>')
    assert httpGet(server.port, '/').body.contains('<h1>Goodbye</h1>') : 'the page says Hello; this check fails on purpose'
}
assert failedCheck.failure?.message?.contains('this check fails on purpose') : "unexpected outcome: ${failedCheck.failure}"
assert failedCheck.graceful : 'mvn next:run did not stop on SIGTERM within 10 s; it had to be killed'
assertNothingLeft(failedCheck)

// 2. The server is killed mid-test (SIGKILL, no shutdown hooks): the next request fails, and the
// finally block finds nothing to stop but must not hang or leave anything behind.
def killed = failingRun('run-killed') { server ->
    assert httpGet(server.port, '/').status == 200
    server.process.toHandle().destroyForcibly()
    assert server.process.waitFor(10, TimeUnit.SECONDS)
    String outcome
    try {
        outcome = "answered ${httpGet(server.port, '/').status}"
    } catch (IOException refused) {
        outcome = 'refused the connection'
    }
    assert outcome == 'answered 200' : "the killed server ${outcome}"
}
assert killed.failure?.message?.contains('the killed server refused the connection') : "unexpected outcome: ${killed.failure}"
assertNothingLeft(killed)
return true
