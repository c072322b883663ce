// A jte page, built with plain `mvn package`: the templates were compiled to Java at build time,
// the jar holds their classes and jte-runtime but no template and no template compiler, and the
// page serves the route's params escaped.
import java.util.jar.JarFile

evaluate(new File(itSupport, 'server.groovy'))

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] next: 2 jte templates compiled to ')
assert new File(basedir, 'target/generated-sources/jte/gg/jte/generated/precompiled/blog/JtepostGenerated.java').isFile()

File jar = new File(basedir, 'target/site-1.0.jar')
def entries = new JarFile(jar).withCloseable { j -> j.entries().collect { it.name } }
assert entries.contains('gg/jte/generated/precompiled/blog/JtepostGenerated.class')
assert entries.contains('gg/jte/generated/precompiled/JtelayoutGenerated.class')
assert entries.contains('gg/jte/html/OwaspHtmlTemplateOutput.class') // jte-runtime
assert entries.contains('dev/next4j/jte/Templates.class')
assert !entries.any { it.endsWith('.jte') } : 'templates are compiled, not shipped'
assert !entries.any { it.startsWith('gg/jte/compiler/') } : 'no template compiler in the jar'

def server = startJar(jar)
try {
    def post = httpGet(server.port, '/blog/%3Cscript%3Ealert(1)%3C%2Fscript%3E')
    assert post.status == 200
    assert post.headers['content-type'].startsWith('text/html')
    assert post.body.strip() == '''<!doctype html>
<html><head><title>Post &lt;script&gt;alert(1)&lt;/script&gt;</title></head>
<body>
<h1 data-slug="&lt;script>alert(1)&lt;/script>">Post &lt;script&gt;alert(1)&lt;/script&gt;</h1>
<p>42 views</p>
</body></html>''' : post.body
    assert httpGet(server.port, '/blog/hello%20world').body.contains('<h1 data-slug="hello world">Post hello world</h1>')
} finally {
    stopJar(server)
}
return true
