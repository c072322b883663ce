// Starts the generated NextServer from the built classes and the runtime jar, on a free port,
// and checks real HTTP answers for every kind of route.
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

evaluate(new File(itSupport, 'server.groovy'))

def buildLog = new File(basedir, 'build.log').text
assert buildLog.contains('[INFO] next: 10 routes in com.acme.Routes (5 files written, 0 unchanged)')
// The rules manifest the route report reads: this site has no rules, so its header only.
assert new File(basedir, 'target/next/rules.tsv').readLines('UTF-8') == ['list\tsource\taction\tconditions']

def tsv = new File(basedir, 'target/next/routes.tsv').getText('UTF-8')
def pages = 'src/main/java/com/acme/pages'
assert tsv == """pattern\tkind\tclass\tsource
/\tpage\tcom.acme.pages.Index\t${pages}/Index.java
/about\tstatic\tcom.acme.pages.About\t${pages}/About.java
/about-us\tpage\tcom.acme.pages.AboutUs\t${pages}/AboutUs.java
/api/hello\tapi\tcom.acme.pages.api.Hello\t${pages}/api/Hello.java
/api/users/[id]\tapi\tcom.acme.pages.api.users.\$id\t${pages}/api/users/\$id.java
/blog\tpage\tcom.acme.pages.blog.Index\t${pages}/blog/Index.java
/blog/[slug]\tpage\tcom.acme.pages.blog.\$slug\t${pages}/blog/\$slug.java
/docs/[...path]\tpage\tcom.acme.pages.docs.\$\$path\t${pages}/docs/\$\$path.java
/getting-started\tpage\tcom.acme.pages.getting_started.Index\t${pages}/getting_started/Index.java
/shop/[[...path]]\tpage\tcom.acme.pages.shop.\$\$\$path\t${pages}/shop/\$\$\$path.java
/_app\tapp\tcom.acme.pages._App\t${pages}/_App.java
/404\t404\tcom.acme.pages._404\t${pages}/_404.java
"""

// The source map puts each generated page construction at its page file, one line per page.
def routesJava = 'target/generated-sources/next/com/acme/Routes.java'
def generatedLines = new File(basedir, routesJava).readLines('UTF-8')
def map = new File(basedir, 'target/next/generated-lines.tsv').readLines('UTF-8')
assert map[0] == 'generated\tline\tsource'
assert map.size() == 1 + 12 : map.join('\n')
map.drop(1).each { row ->
  def (generated, line, source) = row.split('\t')
  def pageClass = source.replaceFirst('^src/main/java/', '').replaceFirst(/\.java$/, '').replace('/', '.')
  assert generated == routesJava
  assert generatedLines[line.toInteger() - 1].contains("new ${pageClass}()") : row
}

def version = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml')).dependencies.dependency.version.text()
def runtimeJar = new File(localRepositoryPath, "dev/next4j/next-runtime/${version}/next-runtime-${version}.jar")
assert runtimeJar.isFile()
def java = new File(System.getProperty('java.home'), 'bin/java').path
def classpath = new File(basedir, 'target/classes').path + File.pathSeparator + runtimeJar.path
def server = new ProcessBuilder(java, '-cp', classpath, 'com.acme.NextServer', '--port', '0')
    .directory(basedir).redirectErrorStream(true).start()
def output = Collections.synchronizedList([])
def ready = new CountDownLatch(1)
def base = null
Thread.start {
  server.inputStream.eachLine('UTF-8') { line ->
    output << line
    def url = (line =~ /next4j ready on (http:\/\/\S+)/)
    if (url.find()) {
      base = url.group(1)
      ready.countDown()
    }
  }
  ready.countDown()
}
try {
  assert ready.await(60, TimeUnit.SECONDS) && base != null : "the server did not start: ${output}"
  assert output[0] ==~ /next4j ready on http:\/\/localhost:\d+ \(10 routes, started in \d+ ms\)/

  def client = HttpClient.newHttpClient()
  def call = { String method, String path ->
    def request = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()).build()
    client.send(request, HttpResponse.BodyHandlers.ofString())
  }
  def expect = { String method, String path, int status, String body ->
    def response = call(method, path)
    assert response.statusCode() == status : "${method} ${path}: ${response.statusCode()} ${response.body()}"
    assert response.body() == body : "${method} ${path}"
    response
  }

  // The index page links to a post through Routes.BlogSlug("hello world").href(), wrapped by _App.
  expect('GET', '/', 200, '<main><nav>acme</nav><h1>Home</h1><a href="/blog/hello%20world">first post</a></main>')
  expect('GET', '/about', 200, '<main><nav>acme</nav><h1>About</h1></main>')
  expect('GET', '/about-us', 200, '<main><nav>acme</nav><h1>About us</h1></main>')
  expect('GET', '/getting-started', 200, '<main><nav>acme</nav><h1>Getting started</h1></main>')
  expect('GET', '/blog', 200, '<main><nav>acme</nav><h1>Blog</h1></main>')
  // The typed link round-trips, and each param is percent-decoded once: %2F stays in the segment.
  expect('GET', '/blog/hello%20world', 200, '<main><nav>acme</nav><h1>Post: hello world</h1></main>')
  expect('GET', '/blog/a%2Fb', 200, '<main><nav>acme</nav><h1>Post: a/b</h1></main>')
  expect('GET', '/docs/a/b%20c', 200, '<main><nav>acme</nav>docs [a, b c]</main>')
  expect('GET', '/shop', 200, '<main><nav>acme</nav>shop []</main>')
  expect('GET', '/shop/x/y', 200, '<main><nav>acme</nav>shop [x, y]</main>')
  // API routes answer every method, and are not wrapped by _App.
  expect('POST', '/api/hello', 200, '{"method":"POST"}')
  expect('DELETE', '/api/hello', 200, '{"method":"DELETE"}')
  expect('GET', '/api/users/42', 200, '{"id":"42"}')
  // A page answers GET and HEAD only.
  def notAllowed = call('POST', '/about-us')
  assert notAllowed.statusCode() == 405
  assert notAllowed.headers().firstValue('Allow').orElse('') == 'GET, HEAD'
  // A required catch-all needs a segment; unknown paths get the custom _404 page.
  assert call('GET', '/docs').statusCode() == 404
  def missing = call('GET', '/nope')
  assert missing.statusCode() == 404
  assert missing.body().contains('<h1>Nothing at /nope</h1>')
  // The private helper folder is not a route.
  assert call('GET', '/-layout/layout').statusCode() == 404
} finally {
  stopProcess(server)
}
true
