// A custom server as the runnable jar's main class: built with next:build, started with java -jar.
import java.util.jar.JarFile

evaluate(new File(itSupport, 'server.groovy'))

File jar = new File(basedir, 'target/custom-server-1.0.jar')
def manifest = new JarFile(jar).withCloseable { it.manifest.mainAttributes }
assert manifest.getValue('Main-Class') == 'com.acme.Server'

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Runnable jar target/custom-server-1.0.jar (')
assert log.contains('main class com.acme.Server, 2 jars merged')
assert log.contains('[INFO] 3 routes: 0 static pages, 3 server pages, 0 API routes; page classes ')

def server = startJar(jar)
try {
    def a = httpGet(server.port, '/a')
    assert a.status == 200
    assert a.body == 'page b from a'
    assert a.headers['x-custom-server'] == 'next4j example'
    assert httpGet(server.port, '/b').body == 'page a from b'
    def index = httpGet(server.port, '/')
    assert index.body == 'page index'
    assert index.headers['x-custom-server'] == 'next4j example'
    def missing = httpGet(server.port, '/c')
    assert missing.status == 404
    assert missing.headers['x-custom-server'] == 'next4j example'
    assert server.log.text.startsWith('> Ready on http://localhost:')
} finally {
    stopJar(server)
}
return true
