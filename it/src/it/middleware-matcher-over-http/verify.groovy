// _Middleware's matcher over real HTTP: the middleware runs only for the paths it takes (and not
// when a `missing` header is sent), the page sees the request header it set and not the one it
// removed, a header keeps its several values, and its cookie is sent beside the page's own.
evaluate(new File(itSupport, 'server.groovy'))

/** GETs a path without following redirects; each response header as its list of values. */
def get = { int port, String path, Map<String, String> headers = [:] ->
    def connection = (HttpURLConnection) new URL("http://127.0.0.1:$port$path").openConnection()
    connection.instanceFollowRedirects = false
    headers.each { k, v -> connection.setRequestProperty(k, v) }
    int status = connection.responseCode
    def stream = status >= 400 ? connection.errorStream : connection.inputStream
    def body = stream == null ? '' : stream.getText('UTF-8')
    def received = [:]
    connection.headerFields.each { k, v -> if (k != null) received[k.toLowerCase()] = new ArrayList<>(v) }
    return [status: status, body: body, headers: received]
}

File jar = new File(basedir, 'target/middleware-matcher-1.0.jar')
def server = startJar(jar)
try {
    int port = server.port
    def about = get(port, '/about', ['X-User': 'forged', 'X-Debug-Token': 'secret'])
    assert about.status == 200
    assert about.body == 'about user=ada debug=-'
    assert about.headers['x-middleware'] == ['ran']
    assert about.headers['x-user'] == null
    assert about.headers['link'].sort() == ['</a.css>; rel=preload', '</b.js>; rel=preload']
    assert about.headers['set-cookie'].sort() == ['mw=1', 'page=about']

    def post = get(port, '/blog/hello')
    assert post.body == 'post hello user=ada'
    assert post.headers['set-cookie'] == ['mw=1']

    def skipped = get(port, '/blog/hello', ['X-Skip': '1', 'X-User': 'grace'])
    assert skipped.body == 'post hello user=grace'
    assert skipped.headers['x-middleware'] == null

    def api = get(port, '/api/health')
    assert api.body == 'ok user=-'
    assert api.headers['x-middleware'] == null
    assert get(port, '/About').headers['x-middleware'] == null // case-sensitive, as in Next.js

    def secret = get(port, '/blog/secret')
    assert secret.status == 307
    assert secret.headers['location'] == ['/about']
} finally {
    stopJar(server)
}
return true
