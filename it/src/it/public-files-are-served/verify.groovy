// The public/ files of a built jar: indexed at build time, served by exact key with ETag/304,
// If-Modified-Since, Range/206/416, gzip variants, HEAD and immutable caching, streamed when large;
// and no request, however encoded, reads anything else from the jar or the disk.
import java.nio.charset.StandardCharsets
import java.util.jar.JarFile
import java.util.zip.GZIPInputStream

evaluate(new File(itSupport, 'server.groovy'))

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[WARNING] next: public/linked.properties is a symbolic link; it is not served')
assert log.contains('[INFO] next: 6 public files indexed from src/main/resources/public')

File jar = new File(basedir, 'target/site-1.0.jar')
def index = new JarFile(jar).withCloseable { j ->
    assert j.getEntry('META-INF/next4j/public-gzip/styles.css.gz') != null
    assert j.getEntry('META-INF/next4j/public-gzip/big.bin.gz') == null : 'an octet stream gets no gzip variant'
    j.getInputStream(j.getEntry('META-INF/next4j/public-files.tsv')).getText('UTF-8')
}
def keys = index.readLines().drop(1)*.split('\t')*.getAt(0)
assert keys == ['app.3f9a1c2b.js', 'big.bin', 'blog/feed.xml', 'images/logo.png', 'my file.txt', 'styles.css']

/** Sends {@code request} (CRLFs added) on a new connection; returns [status, headers, body bytes, head text]. */
def raw = { int port, String request ->
    new Socket('127.0.0.1', port).withCloseable { socket ->
        socket.soTimeout = 10000
        socket.outputStream.write((request.replace('\n', '\r\n') + '\r\n').getBytes(StandardCharsets.ISO_8859_1))
        socket.outputStream.flush()
        byte[] all = socket.inputStream.readAllBytes()
        int split = -1
        for (int i = 0; i + 3 < all.length; i++) {
            if (all[i] == 13 && all[i + 1] == 10 && all[i + 2] == 13 && all[i + 3] == 10) { split = i; break }
        }
        assert split > 0 : "no response head for ${request}: ${new String(all, StandardCharsets.ISO_8859_1)}"
        String head = new String(all, 0, split, StandardCharsets.ISO_8859_1)
        def lines = head.split('\r\n')
        def headers = [:]
        lines.drop(1).each { line -> int c = line.indexOf(':'); headers[line.substring(0, c).trim().toLowerCase()] = line.substring(c + 1).trim() }
        [status: lines[0].split(' ')[1] as int, headers: headers, body: Arrays.copyOfRange(all, split + 4, all.length), head: head]
    }
}
def get = { int port, String path, String extra = '' ->
    raw(port, "GET ${path} HTTP/1.1\nHost: localhost\nConnection: close\n${extra}")
}

byte[] css = new File(basedir, 'src/main/resources/public/styles.css').bytes
byte[] big = new File(basedir, 'src/main/resources/public/big.bin').bytes

def server = startJar(jar)
try {
    int port = server.port
    // 200 with its headers; the stylesheet the page links.
    assert new String(get(port, '/').body, 'UTF-8').contains('<link rel="stylesheet" href="/styles.css">')
    def ok = get(port, '/styles.css')
    assert ok.status == 200
    assert ok.body == css
    assert ok.headers['content-type'] == 'text/css; charset=utf-8'
    assert ok.headers['content-length'] == css.length.toString()
    assert ok.headers['etag'] ==~ /"[A-Za-z0-9_-]{27}"/
    assert ok.headers['last-modified'] ==~ /[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT/
    assert ok.headers['accept-ranges'] == 'bytes'
    assert ok.headers['cache-control'] == 'public, max-age=0'
    assert ok.headers['vary'] == 'Accept-Encoding'
    assert ok.headers['content-encoding'] == null
    String etag = ok.headers['etag']

    // 304 by ETag and by date; a changed ETag gets the file.
    def byTag = get(port, '/styles.css', "If-None-Match: ${etag}\n")
    assert byTag.status == 304 && byTag.body.length == 0 && byTag.headers['etag'] == etag
    assert get(port, '/styles.css', "If-Modified-Since: ${ok.headers['last-modified']}\n").status == 304
    assert get(port, '/styles.css', 'If-None-Match: "stale"\n').status == 200

    // gzip variant, precomputed at build.
    def gz = get(port, '/styles.css', 'Accept-Encoding: gzip, deflate\n')
    assert gz.headers['content-encoding'] == 'gzip'
    assert gz.headers['etag'] == etag[0..-2] + '-gzip"'
    assert gz.body.length < css.length
    assert new GZIPInputStream(new ByteArrayInputStream(gz.body)).readAllBytes() == css
    assert get(port, '/styles.css', "Accept-Encoding: gzip\nIf-None-Match: ${gz.headers['etag']}\n").status == 304

    // HEAD: the length GET would send, no body.
    def head = raw(port, "HEAD /styles.css HTTP/1.1\nHost: localhost\nConnection: close\n")
    assert head.status == 200 && head.body.length == 0
    assert head.headers['content-length'] == css.length.toString()

    // Range: one range is a 206, one past the end a 416, several the whole file.
    def part = get(port, '/styles.css', 'Range: bytes=10-19\n')
    assert part.status == 206
    assert part.headers['content-range'] == "bytes 10-19/${css.length}"
    assert part.body == Arrays.copyOfRange(css, 10, 20)
    def tail = get(port, '/big.bin', 'Range: bytes=-5\n')
    assert tail.status == 206 && tail.body == Arrays.copyOfRange(big, big.length - 5, big.length)
    def past = get(port, '/styles.css', "Range: bytes=${css.length}-\n")
    assert past.status == 416
    assert past.headers['content-range'] == "bytes */${css.length}"
    assert get(port, '/styles.css', 'Range: bytes=0-1,4-5\n').status == 200

    // Caching by name: a content hash is immutable.
    assert get(port, '/app.3f9a1c2b.js').headers['cache-control'] == 'public, max-age=31536000, immutable'
    assert get(port, '/app.3f9a1c2b.js').headers['content-type'] == 'text/javascript; charset=utf-8'
    assert get(port, '/images/logo.png').headers['content-type'] == 'image/png'
    assert new String(get(port, '/my%20file.txt').body, 'UTF-8') == 'a name with a space\n'

    // A large file is streamed with its length, byte for byte.
    def whole = get(port, '/big.bin')
    assert whole.status == 200
    assert whole.headers['content-length'] == big.length.toString()
    assert whole.headers['content-type'] == 'application/octet-stream'
    assert whole.body == big

    // A public file is served before a dynamic route; other paths still reach it.
    assert get(port, '/blog/feed.xml').headers['content-type'] == 'application/xml; charset=utf-8'
    assert new String(get(port, '/blog/hello').body, 'UTF-8') == '<h1>Post hello</h1>'

    // Traversal, raw and encoded: nothing outside the index is ever read.
    def attempts = [
        '/secret.properties', '/../secret.properties', '/..%2fsecret.properties', '/..%2Fsecret.properties',
        '/%2e%2e/secret.properties', '/%2E%2E/secret.properties', '/%2e%2e%2fsecret.properties',
        '/.%2e/secret.properties', '/%2e./secret.properties', '/..%5csecret.properties', '/..%5Csecret.properties',
        '/..\\secret.properties', '/images/../../secret.properties', '/images/..%2f..%2fsecret.properties',
        '/images%2f..%2f..%2fsecret.properties', '/%252e%252e/secret.properties', '/..;/secret.properties',
        '/./secret.properties', '/images/./../secret.properties', '//secret.properties', '/%2fsecret.properties',
        '/styles.css%00', '/styles.css%00.properties', '/%00/../secret.properties', '/linked.properties',
        '/public/styles.css', '/public/../secret.properties', '/com/acme/NextServer.class',
        '/META-INF/next4j/public-files.tsv', '/META-INF/MANIFEST.MF', '/%c0%ae%c0%ae/secret.properties',
        '/images/logo.png/..', '/images%2flogo.png',
    ]
    attempts.each { path ->
        def r = get(port, path)
        String text = new String(r.body, StandardCharsets.ISO_8859_1)
        assert !text.contains('hunter2') : "${path} read the secret: ${r.head}"
        assert !text.contains('Main-Class') && !text.contains('next4j public files') : "${path} read the jar: ${r.head}"
        assert r.status in [400, 404, 308] : "${path}: ${r.head}"
        assert r.headers['content-type'] != 'application/octet-stream' : "${path} was answered as a public file"
    }
} finally {
    stopJar(server)
}

// The README's sample site links a stylesheet from its public/: built as its README says (its own tests
// are not what this checks), it serves it.
File sample = new File(basedir, 'hello-site')
def from = new File(basedir, '../../../../samples/hello-site').canonicalFile.toPath()
java.nio.file.Files.walk(from).withCloseable { paths ->
    paths.filter { !from.relativize(it).toString().startsWith('target') }.each { p ->
        def to = sample.toPath().resolve(from.relativize(p).toString())
        if (java.nio.file.Files.isDirectory(p)) {
            java.nio.file.Files.createDirectories(to)
        } else {
            java.nio.file.Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
        }
    }
}
runMaven(sample, ["-q", "-DskipTests", "-Dnext4j.version=${nextVersion}".toString(), "package"], new File(basedir, 'hello-site.log'))
def hello = startJar(new File(sample, 'target/hello-site.jar'))
try {
    assert httpGet(hello.port, '/').body.contains('<link rel="stylesheet" href="/styles.css">')
    def styles = httpGet(hello.port, '/styles.css')
    assert styles.status == 200
    assert styles.headers['content-type'] == 'text/css; charset=utf-8'
    assert styles.body == new File(sample, 'src/main/resources/public/styles.css').getText('UTF-8')
} finally {
    stopJar(hello)
}
true
