// The probes answer at /_next/health/* outside the base path and before the middleware; with
// -Dnext.accessLog=true every other request is one logfmt line with its request id.
import java.nio.charset.StandardCharsets

evaluate(new File(itSupport, 'server.groovy'))

/** GETs a path with headers; returns [status, body, headers] (headers by lower-case name). */
def get = { int port, String path, Map<String, String> headers = [:] ->
    def connection = (HttpURLConnection) new URL("http://127.0.0.1:$port$path").openConnection()
    connection.instanceFollowRedirects = false
    headers.each { k, v -> connection.setRequestProperty(k, v) }
    int status = connection.responseCode
    def stream = status >= 400 ? connection.errorStream : connection.inputStream
    String body = stream == null ? '' : new String(stream.readAllBytes(), StandardCharsets.UTF_8)
    def out = [:]
    connection.headerFields.each { k, v -> if (k != null) out[k.toLowerCase()] = v.join(', ') }
    connection.disconnect()
    return [status: status, body: body, headers: out]
}

File jar = new File(basedir, 'target/probes-1.0.jar')
def server = startJar(jar, [], [JAVA_TOOL_OPTIONS: '-Dnext.accessLog=true -Djava.util.logging.SimpleFormatter.format=%5$s%n'])
String made
try {
    def live = get(server.port, '/_next/health/live')
    assert live.status == 200
    assert live.body == 'ok\n'
    assert live.headers['cache-control'] == 'no-store'
    assert live.headers['x-middleware'] == null
    assert live.headers['x-request-id'] == null
    def ready = get(server.port, '/_next/health/ready')
    assert ready.status == 200
    assert ready.body == 'ready\n'

    // Inside the base path the probe paths are the site's: no route there, so the 404 page.
    def inside = get(server.port, '/docs/_next/health/live')
    assert inside.status == 404
    assert inside.headers['x-middleware'] == 'seen'

    def home = get(server.port, '/docs', ['X-Request-Id': 'it-42'])
    assert home.status == 200
    assert home.body == 'docs home, request it-42'
    assert home.headers['x-request-id'] == 'it-42'
    def refused = get(server.port, '/docs/private/x?token=secret')
    assert refused.status == 401
    made = refused.headers['x-request-id']
    assert made ==~ /[0-9a-f]{32}/
} finally {
    stopJar(server)
}

// A line is logged after its response is sent, so lines of quick requests may come in any order.
List<String> lines = server.log.readLines('UTF-8').findAll { it.startsWith('method=') }.sort()
assert lines.size() == 3 : server.log.text
assert lines[0] ==~ /method=GET path=\/docs status=200 bytes=24 duration_ms=\d+\.\d{3} request_id=it-42/
assert lines[1] ==~ /method=GET path=\/docs\/_next\/health\/live status=404 bytes=\d+ duration_ms=\d+\.\d{3} request_id=[0-9a-f]{32}/
assert lines[2] ==~ /method=GET path=\/docs\/private\/x status=401 bytes=2 duration_ms=\d+\.\d{3} request_id=${made}/
assert !server.log.text.contains('secret')
return true
