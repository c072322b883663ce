// The pom's redirects, rewrites and headers under i18n over real HTTP: a rule is matched behind any
// locale prefix and without one (the default locale's), a redirect and a rewrite keep the locale,
// `<locale>false</locale>` rules match their source as written, and a header rule applies on a
// localised path; a locale prefix reaches an API route only through a rewrite.
evaluate(new File(itSupport, 'server.groovy'))

/** GETs a path without following redirects. */
def get = { int port, String path ->
    def connection = (HttpURLConnection) new URL("http://127.0.0.1:$port$path").openConnection()
    connection.instanceFollowRedirects = false
    int status = connection.responseCode
    def stream = status >= 400 ? connection.errorStream : connection.inputStream
    def body = stream == null ? '' : stream.getText('UTF-8')
    def headers = [:]
    connection.headerFields.each { k, v -> if (k != null) headers[k.toLowerCase()] = v.join(', ') }
    return [status: status, body: body, headers: headers]
}

// NextServer.CONFIG holds the locale: false rules.
def server = new File(basedir, 'target/generated-sources/next/com/acme/NextServer.java').getText('UTF-8')
assert server.contains('RouteRule.redirect("/:locale/moved", "/:locale/about", 308).locale(false)')
assert server.contains('.locale(false)')

def jar = startJar(new File(basedir, 'target/i18n-rules-site-1.0.jar'))
try {
    int port = jar.port

    // A redirect with and without a locale prefix; the default locale goes without one.
    def redirect = get(port, '/fr/old-blog/hello')
    assert redirect.status == 307
    assert redirect.headers['location'] == '/fr/blog/hello'
    assert get(port, '/old-blog/hello').headers['location'] == '/blog/hello'
    assert get(port, '/en/old-blog/hello').headers['location'] == '/blog/hello'
    assert get(port, '/fr/blog/hello').body == 'post hello fr'

    // locale: false: the source names the locale itself; an unprefixed path counts as the default's.
    def moved = get(port, '/nl-NL/moved')
    assert moved.status == 308
    assert moved.headers['location'] == '/nl-NL/about'
    assert get(port, '/moved').headers['location'] == '/en/about'

    // A rewrite with and without a prefix keeps the locale; a locale: false one names its own.
    assert get(port, '/team').body == 'about en'
    assert get(port, '/fr/team').body == 'about fr'
    assert get(port, '/nl-NL/ploeg').body == 'about fr'
    assert get(port, '/ploeg').status == 404

    // Header rules on localised paths.
    def french = get(port, '/fr/about')
    assert french.body == 'about fr'
    assert french.headers['x-localised'] == 'yes'
    assert french.headers['x-french'] == 'oui'
    def english = get(port, '/about')
    assert english.headers['x-localised'] == 'yes'
    assert english.headers['x-french'] == null

    // API routes: directly only without a locale prefix, or through a rewrite.
    assert get(port, '/api/hello').body == 'hello en'
    assert get(port, '/fr/api/hello').status == 404
    assert get(port, '/fr/hello').body == 'hello fr'
} finally {
    stopJar(jar)
}
return true
