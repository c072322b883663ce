// The site's services (_Context) are built once by the generated server, handed to the pages,
// the API route and the _404 that take them, and closed when the server stops on SIGTERM.
import java.nio.charset.StandardCharsets

evaluate(new File(itSupport, 'server.groovy'))

def get = { int port, String path ->
    def connection = (HttpURLConnection) new URL("http://127.0.0.1:$port$path").openConnection()
    int status = connection.responseCode
    def stream = status >= 400 ? connection.errorStream : connection.inputStream
    String body = stream == null ? '' : new String(stream.readAllBytes(), StandardCharsets.UTF_8)
    connection.disconnect()
    return [status: status, body: body]
}

String routes = new File(basedir, 'target/generated-sources/next/com/acme/Routes.java').text
assert routes.contains('public static RouteTable table(_Context context) {')
assert routes.contains('new com.acme.pages.Index(context)')
assert routes.contains('new com.acme.pages.Plain()')

File marker = new File(basedir, 'target/closed.txt')
assert !marker.exists()
File jar = new File(basedir, 'target/services-1.0.jar')
def server = startJar(jar, [], [CLOSED_MARKER: marker.absolutePath])
String id
try {
    def index = get(server.port, '/')
    assert index.status == 200
    def match = index.body =~ /^index: context ([-0-9a-f]{36}) \(contexts built: 1, requests: 1\)$/
    assert match.matches() : index.body
    id = match.group(1)
    def api = get(server.port, '/api/info')
    assert api.body == "api: context $id (contexts built: 1, requests: 2)".toString()
    def missing = get(server.port, '/nowhere')
    assert missing.status == 404
    assert missing.body == "not found: context $id (contexts built: 1, requests: 3)".toString()
    assert get(server.port, '/plain').body == 'plain'
    assert !marker.exists() : 'closed while serving'
} finally {
    stopJar(server)
}

assert marker.text == "closed $id after 3 requests\n".toString()
return true
