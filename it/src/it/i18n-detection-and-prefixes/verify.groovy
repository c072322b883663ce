// i18n sub-path routing from the pom over real HTTP: locale prefixes stripped and given to the
// page, detection from / by Accept-Language and the NEXT_LOCALE cookie, and a domain's own locale.
evaluate(new File(itSupport, 'server.groovy'))

/** GETs a path without following redirects; request headers optional. */
def get = { int port, String path, Map<String, String> headers = [:] ->
    def connection = (HttpURLConnection) new URL("http://127.0.0.1:$port$path").openConnection()
    connection.instanceFollowRedirects = false
    headers.each { k, v -> connection.setRequestProperty(k, v) }
    int status = connection.responseCode
    def stream = status >=400 ? connection.errorStream : connection.inputStream
    def body = stream == null ? '' : stream.getText('UTF-8')
    return [status: status, body: body, location: connection.getHeaderField('Location')]
}

/** GETs a path with its own Host header (HttpURLConnection will not send one), over a plain socket; the head and body. */
def getOnHost = { int port, String path, String host, String acceptLanguage ->
    new Socket('127.0.0.1', port).withCloseable { socket ->
        socket.outputStream.write(("GET $path HTTP/1.1\r\nHost: $host\r\nAccept-Language: $acceptLanguage\r\n"
            + "Connection: close\r\n\r\n").getBytes('US-ASCII'))
        socket.outputStream.flush()
        String response = socket.inputStream.getText('UTF-8')
        int end = response.indexOf('\r\n\r\n')
        return [head: response.substring(0, end), body: response.substring(end + 4)]
    }
}

// NextServer.CONFIG holds the pom's i18n.
def server = new File(basedir, 'target/generated-sources/next/com/acme/NextServer.java').getText('UTF-8')
assert server.contains('.i18n(new NextConfig.I18n(List.of("en-US", "fr", "nl-NL"), "en-US", true, List.of(new NextConfig.I18n.Domain("example.fr", "fr", List.of(), true), new NextConfig.I18n.Domain("example.com", "en-US", List.of(), false))))')

def jar = startJar(new File(basedir, 'target/i18n-site-1.0.jar'))
try {
    int port = jar.port
    assert get(port, '/').body == 'home en-US'
    assert get(port, '/fr').body == 'home fr'
    assert get(port, '/nl-nl/blog/hallo?x=1').body == 'post hallo nl-NL /blog/hallo'
    assert get(port, '/blog/hello').body == 'post hello en-US /blog/hello'
    assert get(port, '/de/blog/x').status == 404

    def detected = get(port, '/?ref=1', ['Accept-Language': 'nl-NL,nl;q=0.9,en;q=0.5'])
    assert detected.status == 307
    assert detected.location == '/nl-NL?ref=1'
    assert get(port, '/', ['Accept-Language': 'fr', 'Cookie': 'NEXT_LOCALE=en-US']).body == 'home en-US'
    // Not on a locale domain (the Host is 127.0.0.1): the prefix here, even for a domain's locale.
    def toPrefix = get(port, '/', ['Accept-Language': 'fr-CH, fr;q=0.9'])
    assert toPrefix.status == 307
    assert toPrefix.location == '/fr'
    assert get(port, '/blog/x', ['Accept-Language': 'fr']).body == 'post x en-US /blog/x' // only / redirects

    assert getOnHost(port, '/blog/salut', 'example.fr', 'en').body == 'post salut fr /blog/salut'
    assert getOnHost(port, '/', 'example.fr:80', 'fr').body == 'home fr'
    // On a locale domain, a locale another domain serves sends the client there.
    def toDomain = getOnHost(port, '/', 'example.com', 'fr')
    assert toDomain.head.startsWith('HTTP/1.1 307')
    assert toDomain.head.toLowerCase().contains('\r\nlocation: http://example.fr/')
} finally {
    stopJar(jar)
}
return true
