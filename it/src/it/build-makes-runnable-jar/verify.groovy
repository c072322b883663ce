// next:build (after a plain `mvn package`) leaves one runnable jar that serves the pages, and
// prints the route report.
import java.util.jar.JarFile

evaluate(new File(itSupport, 'server.groovy'))

File jar = new File(basedir, 'target/site-1.0.jar')
assert jar.isFile()
def manifest = new JarFile(jar).withCloseable { it.manifest.mainAttributes }
assert manifest.getValue('Main-Class') == 'com.acme.NextServer'

// The route report, in table order, with kinds and sizes.
String log = new File(basedir, 'build.log').getText('UTF-8')
def report = log.readLines().findAll { it.startsWith('[INFO] ') }*.substring(7)
int header = report.indexOf(report.find { it.startsWith('  Route (pages)') })
assert header >= 0 : 'no route report in build.log'
def rows = report.subList(header, header + 7)
assert rows[0] ==~ /  Route \(pages\) +Kind +Size +HTML/
assert rows[1] ==~ /[\u03bbL] \/ +server page +\d+(\.\d+)? k?B +-/
assert rows[2] ==~ /[\u25cbo] \/about +static +\d+(\.\d+)? k?B +\d+ B/
assert rows[3] ==~ /[\u03bbL] \/api\/hello +API +\d+(\.\d+)? k?B +-/
assert rows[4] ==~ /[\u03bbL] \/blog\/\[slug\] +server page +\d+(\.\d+)? k?B +-/
assert rows[5] ==~ /  \/404 +404 page +\d+(\.\d+)? k?B +-/
assert rows[6] == ''
assert report[header + 7] ==~ /4 routes: 1 static page \(1 prerendered, \d+ B\), 2 server pages, 1 API route; page classes \d+(\.\d+)? kB/
assert report[header + 8] ==~ /[\u25cbo] static: prerendered as HTML.*/
assert report[header + 9] ==~ /Runnable jar: target\/site-1\.0\.jar \(\d+(\.\d+)? kB\)/

// Plain `mvn package` and `mvn next:build` made the same jar: same main class, entries and size.
def packaged = log.readLines().findAll { it.startsWith('[INFO] Runnable jar target/site-1.0.jar') }
assert packaged.size() == 2 : packaged
assert packaged[0] == packaged[1]
assert packaged[0] ==~ /\[INFO\] Runnable jar target\/site-1\.0\.jar \(\d+ bytes\): main class com\.acme\.NextServer, 2 jars merged, \d+ entries.*/

// next:start in the background found the port the server announced, and next:stop stopped it.
def started = log.readLines().find { it.startsWith('[INFO] Server started in the background (pid ') }
assert started ==~ /\[INFO\] Server started in the background \(pid (\d+)\) on http:\/\/localhost:\d+; output in target\/next\/server\.log/ : started
String pid = (started =~ /pid (\d+)/)[0][1]
assert log.readLines().contains("[INFO] Server stopped (pid $pid)".toString())
def background = ProcessHandle.of(pid as long)
background.ifPresent { it.destroyForcibly() } // never left running, also when the check below fails
assert !background.isPresent() : "the server started by next:start (pid $pid) still ran after next:stop"
assert !new File(basedir, 'target/next/server.pid').exists()

// The generated classes decide everything at build time.
assert reflectionFindings(new File(basedir, 'target/classes/com/acme')) == []

// java -jar serves the pages.
def server = startJar(jar)
try {
    def home = httpGet(server.port, '/')
    assert home.status == 200
    assert home.body == '<h1>Home</h1><a href="/blog/hello%20world">post</a>'
    assert home.headers['content-type'].startsWith('text/html')
    assert httpGet(server.port, '/about').body == '<h1>About us</h1>'
    assert httpGet(server.port, '/blog/hello%20world').body == '<h1>Post hello world</h1>'
    assert httpGet(server.port, '/api/hello').body == '{"hello":"GET"}'
    def missing = httpGet(server.port, '/nope')
    assert missing.status == 404
    assert missing.body == '<h1>Nothing at /nope</h1>'
    assert server.log.text.contains("next4j ready on http://")
} finally {
    stopJar(server)
}

// -Dnext.aot left a JVM archive (an AOT cache on JDK 25+, AppCDS before) and a launcher that uses
// it; the JVM option below makes the server refuse to start if the archive does not fit.
boolean aotCache = Runtime.version().feature() >= 25
File archive = new File(basedir, aotCache ? 'target/site-1.0.aot' : 'target/site-1.0.jsa')
assert archive.length() > 100_000
File launcher = new File(basedir, 'target/site-1.0.sh')
assert launcher.canExecute()
assert log.contains('[INFO] JVM archive: target/' + archive.name + '; start with it: target/site-1.0.sh')
def fast = startCommand(['sh', launcher.path], [JDK_JAVA_OPTIONS: aotCache ? '-XX:AOTMode=on' : '-Xshare:on'],
    new File(basedir, 'target/launcher.log'))
try {
    assert httpGet(fast.port, '/about').body == '<h1>About us</h1>'
} finally {
    stopJar(fast)
}
return true
