// Static pages are prerendered at package time in a JVM of their own, served from the jar without
// calling the page (strong ETag, 304, precomputed gzip, Next.js's Cache-Control), with both
// fallbacks, ISR after one second, on-demand revalidation from an API route, and next:export.
import java.nio.charset.StandardCharsets
import java.util.zip.GZIPInputStream
import java.util.zip.ZipFile

evaluate(new File(itSupport, 'server.groovy'))

String log = new File(basedir, 'build.log').getText('UTF-8')
File jar = new File(basedir, 'target/static-site-1.0.jar')

// The prerendered pages are inside the runnable jar, with their manifest.
def entries = new ZipFile(jar).withCloseable { zip -> zip.entries().collect { it.name } }
assert entries.contains('META-INF/next/static/manifest.tsv')
String manifest = new ZipFile(jar).withCloseable { zip ->
    zip.getInputStream(zip.getEntry('META-INF/next/static/manifest.tsv')).getText('UTF-8')
}
def paths = manifest.readLines().findAll { !it.startsWith('#') }.collect { it.split('\t')[0] }
assert paths as Set == ['/', '/blog/hello', '/blog/hello%20world', '/docs/intro', '/news', '/stamp'] as Set
assert log.contains('[INFO] next4j prerendered 6 pages')

/** GET with request headers; the body as bytes. */
def get = { int port, String path, Map<String, String> headers = [:], String method = 'GET' ->
    def connection = (HttpURLConnection) new URL("http://127.0.0.1:$port$path").openConnection()
    connection.requestMethod = method
    headers.each { k, v -> connection.setRequestProperty(k, v) }
    int status = connection.responseCode
    def stream = status >= 400 ? connection.errorStream : connection.inputStream
    byte[] body = stream == null ? new byte[0] : stream.readAllBytes()
    def responseHeaders = [:]
    connection.headerFields.each { k, v -> if (k != null) responseHeaders[k.toLowerCase()] = v.join(', ') }
    connection.disconnect()
    return [status: status, bytes: body, body: new String(body, StandardCharsets.UTF_8), headers: responseHeaders]
}

def server = startJar(jar)
try {
    int port = server.port
    // Served from the jar: the text says the build's JVM rendered it, never this server.
    def home = get(port, '/')
    assert home.status == 200
    assert home.body.startsWith('<h1>Home</h1><p>rendered by the build</p>')
    assert home.headers['cache-control'] == 's-maxage=31536000, stale-while-revalidate'
    assert home.headers['x-next-cache'] == 'HIT'
    String etag = home.headers['etag']
    assert etag ==~ /"[A-Za-z0-9_-]+"/ : "a strong ETag: $etag"
    assert get(port, '/', ['If-None-Match': etag]).status == 304
    def zipped = get(port, '/', ['Accept-Encoding': 'gzip'])
    assert zipped.headers['content-encoding'] == 'gzip'
    assert new GZIPInputStream(new ByteArrayInputStream(zipped.bytes)).text == home.body
    assert zipped.headers['etag'] == etag

    // fallback NOT_FOUND: listed posts only.
    assert get(port, '/blog/hello').body == '<h1>Post hello</h1>'
    assert get(port, '/blog/hello%20world').body == '<h1>Post hello world</h1>'
    assert get(port, '/blog/other').status == 404

    // fallback RENDER_ON_DEMAND: rendered on the first request, then stored.
    def firstNew = get(port, '/docs/new')
    assert firstNew.status == 200 && firstNew.headers['x-next-cache'] == 'MISS'
    def secondNew = get(port, '/docs/new')
    assert secondNew.headers['x-next-cache'] == 'HIT' && secondNew.body == firstNew.body

    // ISR: after its second the page is stale, one regeneration runs, and a later request sees it.
    // (The first request may itself find the page stale, when the server took a second to get here.)
    get(port, '/news')
    Thread.sleep(1100)
    def stale = get(port, '/news')
    assert stale.headers['x-next-cache'] == 'STALE'
    assert stale.headers['cache-control'] == 's-maxage=1, stale-while-revalidate'
    String before = stale.body
    String after = before
    long deadline = System.currentTimeMillis() + 10_000
    while (after == before && System.currentTimeMillis() < deadline) {
        Thread.sleep(100)
        after = get(port, '/news').body
    }
    assert after != before : 'the ISR page was not regenerated within 10 s'
    assert after.startsWith('<h1>News</h1>')

    // On-demand revalidation over HTTP: the API route calls request.revalidate("/stamp").
    String stamp = get(port, '/stamp').body
    assert get(port, '/stamp').body == stamp
    def revalidated = get(port, '/api/revalidate?path=/stamp', [:], 'POST')
    assert revalidated.status == 200 && revalidated.body == '{"revalidated":"/stamp"}'
    assert get(port, '/stamp').body != stamp
} finally {
    stopJar(server)
}

// next:export without skipping failed, naming the API route at its file.
assert log.contains('[next.export-dynamic-routes]')
assert log.contains('/api/revalidate (src/main/java/com/acme/pages/api/Revalidate.java)')
// With -Dnext.export.skipDynamic it wrote every static page and public file, file by file.
assert log.contains('[WARNING] Not exported (needs a server): /api/revalidate (src/main/java/com/acme/pages/api/Revalidate.java)')
File out = new File(basedir, 'target/next-export')
def files = []
out.eachFileRecurse(groovy.io.FileType.FILES) { files << out.toPath().relativize(it.toPath()).toString() }
assert files.sort() == ['blog/hello world.html', 'blog/hello.html', 'docs/intro.html', 'index.html', 'news.html',
    'site.css', 'stamp.html'].sort()
assert new File(out, 'index.html').text.startsWith('<h1>Home</h1><p>rendered by the build</p>')
assert new File(out, 'blog/hello world.html').text == '<h1>Post hello world</h1>'
assert new File(out, 'site.css').text == new File(basedir, 'src/main/resources/public/site.css').text
assert log.contains('[INFO] Exported 6 pages and 1 public files to target/next-export')
return true
