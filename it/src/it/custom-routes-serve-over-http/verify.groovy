// The pom's rules over real HTTP, in Next.js's order: headers on every answer, redirects before
// pages, beforeFiles before files, a static page before afterFiles, afterFiles before dynamic
// routes, fallback last; has/missing conditions and interpolated params.
evaluate(new File(itSupport, 'server.groovy'))

/** GETs a path without following redirects; request headers optional. */
def get = { int port, String path, Map<String, String> headers = [:] ->
    def connection = (HttpURLConnection) new URL("http://127.0.0.1:$port$path").openConnection()
    connection.instanceFollowRedirects = false
    headers.each { k, v -> connection.setRequestProperty(k, v) }
    int status = connection.responseCode
    def stream = status >= 400 ? connection.errorStream : connection.inputStream
    def body = stream == null ? '' : stream.getText('UTF-8')
    def received = [:]
    connection.headerFields.each { k, v -> if (k != null) received[k.toLowerCase()] = v.join(', ') }
    return [status: status, body: body, headers: received]
}

// next:build's route report lists the rules after the pages, in the order a request meets them.
def report = new File(basedir, 'build.log').readLines('UTF-8').findAll { it.startsWith('[INFO] ') }*.substring(7)
int headersAt = report.indexOf('Headers')
assert headersAt > report.findIndexOf { it.startsWith('  Route (pages)') } : 'no rules after the pages in build.log'
assert report.subList(headersAt, headersAt + 3) == ['Headers', '  /:path*      X-Site: acme', '  /blog/:slug  X-Post: post-:slug   [missing query plain]']
int redirectsAt = report.indexOf('Redirects')
assert redirectsAt > headersAt
assert report[redirectsAt + 1] == '  /old-blog/:slug -> /blog/:slug (308)'
assert report[redirectsAt + 2] == '  /docs/:path*    -> https://docs.example.com/:path* (301)'
assert report[redirectsAt + 3] == '  /beta           -> /about?beta=:flag (307)   [has cookie beta=(?<flag>on|off)]'
assert report.indexOf('Rewrites (beforeFiles)') > redirectsAt
assert report.indexOf('Rewrites (afterFiles)') > report.indexOf('Rewrites (beforeFiles)')
assert report.indexOf('Rewrites (fallback)') > report.indexOf('Rewrites (afterFiles)')
assert report.contains('  /posts/:year(\\d{4})/:slug -> /blog/:year-:slug')

File jar = new File(basedir, 'target/custom-routes-1.0.jar')
def server = startJar(jar)
try {
    int port = server.port
    def moved = get(port, '/old-blog/hello')
    assert moved.status == 308
    assert moved.headers['location'] == '/blog/hello'
    assert moved.headers['refresh'] == '0;url=/blog/hello'
    assert moved.headers['x-site'] == 'acme'

    def external = get(port, '/docs/a/b?x=1')
    assert external.status == 301
    assert external.headers['location'] == 'https://docs.example.com/a/b?x=1'

    def beta = get(port, '/beta', ['Cookie': 'beta=on'])
    assert beta.status == 307
    assert beta.headers['location'] == '/about?beta=on'
    assert get(port, '/beta', ['Cookie': 'beta=maybe']).status == 200 // fallback rewrite: /api/echo

    def post = get(port, '/blog/hello')
    assert post.status == 200
    assert post.body == 'post hello'
    assert post.headers['x-post'] == 'post-hello'
    assert post.headers['x-site'] == 'acme'
    assert get(port, '/blog/hello?plain=1').headers['x-post'] == null

    assert get(port, '/about').body == 'about -' // a static page beats the afterFiles rule
    assert get(port, '/about', ['X-Echo': '1']).body == 'echo /api/echo {from=[before], xecho=[1]}' // the has capture joins the query
    assert get(port, '/blog/first').body == 'echo /api/echo {from=[after-beats-dynamic]}'
    assert get(port, '/posts/2024/hello').body == 'post 2024-hello'
    assert get(port, '/posts/24/hello').body == 'echo /api/echo {from=[fallback], path=[posts, 24, hello]}'

    def fallback = get(port, '/nowhere/at/all')
    assert fallback.status == 200
    assert fallback.body == 'echo /api/echo {from=[fallback], path=[nowhere, at, all]}'
    assert fallback.headers['x-site'] == 'acme'
} finally {
    stopJar(server)
}
return true
