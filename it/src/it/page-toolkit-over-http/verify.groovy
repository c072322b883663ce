// The page toolkit over real HTTP, in the runnable jar with Jackson merged in: a form page that
// posts, validates and redirects with a cookie, uploads deleted after every answer, a JSON API
// route with the site's codec, a 404 from a page, and bad input answered with a clear 4xx.
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets

evaluate(new File(itSupport, 'server.groovy'))

File jar = new File(basedir, 'target/toolkit-1.0.jar')
assert jar.isFile()
File tmp = new File(basedir, 'target/server-tmp')
tmp.mkdirs()
def server = startJar(jar, [], [JAVA_TOOL_OPTIONS: '-Djava.io.tmpdir=' + tmp.path])
try {
  String base = "http://127.0.0.1:${server.port}"
  def client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
  def send = { String method, String path, String contentType, String body ->
    def request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
    if (contentType != null) {
      request.header('Content-Type', contentType)
    }
    client.send(request.build(), HttpResponse.BodyHandlers.ofString())
  }
  /** A raw request over a socket (for bodies a client would not send); the whole answer. */
  def raw = { String head, byte[] body ->
    new Socket('127.0.0.1', server.port).withCloseable { socket ->
      socket.soTimeout = 10_000
      socket.outputStream.write(head.getBytes(StandardCharsets.ISO_8859_1))
      socket.outputStream.write(body)
      socket.outputStream.flush()
      new String(socket.inputStream.readAllBytes(), StandardCharsets.ISO_8859_1)
    }
  }
  def multipart = { String boundary, List<List<String>> parts, boolean end ->
    StringBuilder body = new StringBuilder()
    parts.each { part ->
      body << "--${boundary}\r\nContent-Disposition: form-data; name=\"${part[0]}\""
      if (part.size() > 2) {
        body << "; filename=\"${part[2]}\"\r\nContent-Type: application/octet-stream"
      }
      body << "\r\n\r\n${part[1]}\r\n"
    }
    if (end) {
      body << "--${boundary}--\r\n"
    }
    body.toString().getBytes(StandardCharsets.ISO_8859_1)
  }
  def postMultipart = { byte[] body ->
    raw("POST /signup HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        + "Content-Type: multipart/form-data; boundary=B0undary\r\nContent-Length: ${body.length}\r\n\r\n", body)
  }

  // A form page: GET renders it, POST validates and redirects with a cookie, other pages keep 405.
  assert send('GET', '/signup', null, null).body().contains('<form method=post')
  def invalid = send('POST', '/signup', 'application/x-www-form-urlencoded', 'email=%3Cb%3E')
  assert invalid.statusCode() == 422
  assert invalid.body().contains('value="&lt;b&gt;"') : invalid.body()
  def valid = send('POST', '/signup', 'application/x-www-form-urlencoded', 'email=ada%40example.com')
  assert valid.statusCode() == 303
  assert valid.headers().firstValue('location').get() == '/welcome?ok=1'
  assert valid.headers().allValues('set-cookie') == ['user=ada%40example.com; Path=/; HttpOnly']
  def welcome = client.send(HttpRequest.newBuilder(URI.create(base + '/welcome'))
      .header('Cookie', 'user=ada%40example.com').build(), HttpResponse.BodyHandlers.ofString())
  assert welcome.body() == '<h1>Welcome ada@example.com</h1><p>avatar none</p>'
  def put = send('PUT', '/signup', null, null)
  assert put.statusCode() == 405 && put.headers().firstValue('allow').get() == 'GET, HEAD, POST'
  def notAForm = send('POST', '/welcome', 'application/x-www-form-urlencoded', 'a=1')
  assert notAForm.statusCode() == 405 && notAForm.headers().firstValue('allow').get() == 'GET, HEAD'

  // Multipart with a file: streamed to a temporary file, deleted once the answer is written,
  // also when the page throws.
  String uploaded = postMultipart(multipart('B0undary', [['email', 'ada@example.com'], ['avatar', 'x' * 5000, 'me.png']], true))
  assert uploaded.startsWith('HTTP/1.1 303') : uploaded
  assert uploaded.contains('Location: /welcome?ok=1&avatar=5000') || uploaded.contains('location: /welcome?ok=1&avatar=5000') : uploaded
  String thrown = postMultipart(multipart('B0undary', [['email', 'a@b'], ['fail', 'yes'], ['avatar', 'y' * 5000, 'me.png']], true))
  assert thrown.startsWith('HTTP/1.1 500') : thrown

  // Bad form input: each a clear 4xx with a message.
  def wrongType = send('POST', '/signup', 'text/plain', 'email=a@b')
  assert wrongType.statusCode() == 415 && wrongType.body().contains('Content-Type') : wrongType.body()
  def bigField = send('POST', '/signup', 'application/x-www-form-urlencoded', 'email=' + 'a' * 2000)
  assert bigField.statusCode() == 413 && bigField.body().contains('email') : bigField.body()
  String bigFile = postMultipart(multipart('B0undary', [['email', 'a@b'], ['avatar', 'z' * 20000, 'big.png']], true))
  assert bigFile.startsWith('HTTP/1.1 413') && bigFile.contains('avatar') : bigFile
  String cut = postMultipart(multipart('B0undary', [['email', 'a@b'], ['avatar', 'w' * 3000, 'cut.png']], false))
  assert cut.startsWith('HTTP/1.1 400') : cut

  // JSON through the site's codec (Jackson, named by _App).
  def created = send('POST', '/api/posts', 'application/json', '{"title":"Hi","tags":["a","b"]}')
  assert created.statusCode() == 201
  assert created.headers().firstValue('content-type').get() == 'application/json; charset=utf-8'
  assert created.body() == '{"id":1,"title":"Hi","tags":2}'
  def malformed = send('POST', '/api/posts', 'application/json', '{"title":')
  assert malformed.statusCode() == 400 && malformed.body().startsWith('malformed JSON at line 1') : malformed.body()
  def misfit = send('POST', '/api/posts', 'application/json', '{"title":["x"]}')
  assert misfit.statusCode() == 400 && misfit.body().contains('title') : misfit.body()
  def notJson = send('POST', '/api/posts', 'text/plain', '{"title":"Hi"}')
  assert notJson.statusCode() == 415 && notJson.body().contains('application/json') : notJson.body()
  def hugeJson = send('POST', '/api/posts', 'application/json', '{"title":"' + 'h' * 1_100_000 + '"}')
  assert hugeJson.statusCode() == 413

  // A cookie value with a control character: the page refuses the input with a 400.
  def control = send('GET', '/theme?theme=a%01b', null, null)
  assert control.statusCode() == 400 && control.body().startsWith('theme: ') : control.body()
  assert send('GET', '/theme?theme=dark', null, null).headers().allValues('set-cookie') == ['theme=dark']

  // Not found from a page: the site's _404, status 404, returned or thrown.
  assert send('GET', '/posts/1', null, null).body() == '<h1>post 1</h1>'
  [ '/posts/2', '/posts/thrown', '/nowhere' ].each { path ->
    def missing = send('GET', path, null, null)
    assert missing.statusCode() == 404 && missing.body() == '<h1>site 404</h1>' : path
  }

  // Nothing left on disk: the upload folder the server made is empty.
  def folders = tmp.listFiles().findAll { it.name.startsWith('next4j-uploads-') }
  assert folders.size() == 1 : tmp.list()
  // Each form is closed once its answer is written, which the client may read a moment before.
  long deadline = System.nanoTime() + 5_000_000_000L
  while (folders[0].list().length > 0 && System.nanoTime() < deadline) {
    Thread.sleep(20)
  }
  assert folders[0].list() == [] as String[]
} finally {
  stopJar(server)
}
// A client's mistakes are not errors: only the page that threw on purpose is in the log's errors.
String log = server.log.getText('UTF-8')
assert log.count('SEVERE') == 1 : log
assert log.contains('the page failed after reading the form')
