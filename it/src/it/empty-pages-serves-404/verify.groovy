// A pages package with no pages still builds (as an empty Next.js pages folder does), with a
// warning, and its jar answers every request with 404.
evaluate(new File(itSupport, 'server.groovy'))

def lines = new File(basedir, 'build.log').readLines('UTF-8')
assert lines.contains('[WARNING] [next.no-pages] The pages package has no pages: the server will answer every request with 404.'
    + ' Add a page, e.g. pages/Index.java for /.') : 'no warning about the empty pages package'

def server = startJar(new File(basedir, 'target/empty-1.0.jar'))
try {
    assert httpGet(server.port, '/').status == 404
    assert httpGet(server.port, '/about').status == 404
    assert server.log.text.startsWith("next4j ready on http://") : server.log.text
    assert server.log.text.contains('(0 routes') : server.log.text
} finally {
    stopJar(server)
}
return true
