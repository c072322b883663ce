// Links in a locale (Routes.Locales, href(locale) and href(locale, request)) under a base path and
// i18n with a domain, over real HTTP; each link leads to the page in its locale. Static pages
// prerendered per locale: the manifest keys, each locale's prerendered body served with
// X-Next-Cache HIT, the listed locales of a dynamic one, and next:export per locale.
evaluate(new File(itSupport, 'server.groovy'))

/** GETs a path without following redirects; the status and body. */
def get = { int port, String path ->
    def connection = (HttpURLConnection) new URL("http://127.0.0.1:$port$path").openConnection()
    connection.instanceFollowRedirects = false
    int status = connection.responseCode
    def stream = status >= 400 ? connection.errorStream : connection.inputStream
    return [status: status, body: stream == null ? '' : stream.getText('UTF-8')]
}

/** GETs a path with its own Host header (HttpURLConnection will not send one), over a plain socket; the body. */
def getOnHost = { int port, String path, String host ->
    new Socket('127.0.0.1', port).withCloseable { socket ->
        socket.outputStream.write("GET $path HTTP/1.1\r\nHost: $host\r\nConnection: close\r\n\r\n".getBytes('US-ASCII'))
        socket.outputStream.flush()
        String response = socket.inputStream.getText('UTF-8')
        return response.substring(response.indexOf('\r\n\r\n') + 4)
    }
}

def routes = new File(basedir, 'target/generated-sources/next/com/acme/Routes.java').getText('UTF-8')
assert routes.contains('public enum Locales {')
assert routes.contains('NL_NL("nl-NL");')

def jar = startJar(new File(basedir, 'target/i18n-links-site-1.0.jar'))
try {
    int port = jar.port
    assert get(port, '/docs').body == '''locale en-US
default /docs/blog/hello%20world
fr /docs/fr/blog/hello%20world
nl /docs/nl-NL/blog/hello%20world
home fr /docs/fr
on this host fr /docs/fr/blog/hello%20world
on this host en /docs/blog/hello%20world'''
    assert get(port, '/docs/fr/blog/hello%20world').body == 'post hello world fr'
    assert get(port, '/docs/nl-NL/blog/hello%20world').body == 'post hello world nl-NL'
    assert get(port, '/docs/fr').body.startsWith('locale fr\n')

    // On the fr domain, as Next.js on a locale domain: fr links to its domain, the site's default
    // locale (which no domain serves) gets its prefix.
    def onDomain = getOnHost(port, '/docs', 'example.fr')
    assert onDomain.contains('locale fr\n')
    assert onDomain.contains('on this host fr http://example.fr/docs/blog/hello%20world\n')
    assert onDomain.endsWith('on this host en /docs/en-US/blog/hello%20world')
    assert getOnHost(port, '/docs/en-US/blog/x', 'example.fr') == 'post x en-US'

    // Static pages: each locale's prerendered body, served from the jar.
    def guideFr = httpGet(port, '/docs/fr/guide')
    assert guideFr.body == '<h1>Le guide</h1>'
    assert guideFr.headers['x-next-cache'] == 'HIT'
    def guide = httpGet(port, '/docs/guide')
    assert guide.body == '<h1>The guide (en-US)</h1>' && guide.headers['x-next-cache'] == 'HIT'
    assert guide.headers['etag'] != guideFr.headers['etag']
    assert httpGet(port, '/docs/nl-NL/guide').body == '<h1>The guide (nl-NL)</h1>'
    assert getOnHost(port, '/docs/guide', 'example.fr').endsWith('<h1>Le guide</h1>') // the domain's locale
    def helloNl = httpGet(port, '/docs/nl-NL/posts/hello')
    assert helloNl.body == 'post hello in nl-NL' && helloNl.headers['x-next-cache'] == 'HIT'
    assert httpGet(port, '/docs/fr/posts/news').body == 'post news in fr'
    assert httpGet(port, '/docs/posts/news').status == 404 // listed in fr only; fallback NOT_FOUND
} finally {
    stopJar(jar)
}

// The prerender manifest keys each page by its locale, the default one too.
def manifest = new File(basedir, 'target/next/prerendered/META-INF/next/static/manifest.tsv').readLines('UTF-8')
    .findAll { !it.startsWith('#') }.collect { it.split('\t')[0] }
assert manifest == ['/en-US/guide', '/fr/guide', '/nl-NL/guide',
                    '/en-US/posts/hello', '/fr/posts/hello', '/nl-NL/posts/hello', '/fr/posts/news']

// next:export writes each locale under its own folder.
File out = new File(basedir, 'target/next-export')
assert new File(out, 'fr/guide.html').getText('UTF-8') == '<h1>Le guide</h1>'
assert new File(out, 'en-US/guide.html').getText('UTF-8') == '<h1>The guide (en-US)</h1>'
assert new File(out, 'fr/posts/news.html').isFile()
assert !new File(out, 'en-US/posts/news.html').exists()
return true
