// A site that depends on next-helidon: the generated main serves on Helidon, the runnable jar holds
// Helidon, and java -jar answers the pages over HTTP with next4j's pipeline.
import java.util.jar.JarFile

evaluate(new File(itSupport, 'server.groovy'))

String server = new File(basedir, 'target/generated-sources/next/com/acme/NextServer.java').getText('UTF-8')
assert server.contains('import dev.next4j.helidon.HelidonEngine;')
assert server.contains('NextApp.serve(args, NextServer::app, new HelidonEngine());')

File jar = new File(basedir, 'target/site-1.0.jar')
assert jar.isFile()
new JarFile(jar).withCloseable { file ->
    assert file.manifest.mainAttributes.getValue('Main-Class') == 'com.acme.NextServer'
    assert file.getEntry('dev/next4j/helidon/HelidonEngine.class') != null
    assert file.getEntry('io/helidon/webserver/WebServer.class') != null
    // Each Helidon module lists its services in its own META-INF/helidon/service-registry.json:
    // the merged jar holds one file with every module's entries, not the first jar's alone.
    String registry = file.getInputStream(file.getEntry('META-INF/helidon/service-registry.json')).getText('UTF-8')
    assert registry.startsWith('[') && registry.endsWith(']')
    ['io.helidon.config', 'io.helidon.common.mapper', 'io.helidon.service.registry'].each { module ->
        assert registry.contains('"module":"' + module + '"'), module
    }
    String loader = file.getInputStream(file.getEntry('META-INF/helidon/service.loader')).getText('UTF-8')
    assert loader.contains('io.helidon.config.spi.ConfigParser')
    assert loader.contains('io.helidon.common.mapper.spi.MapperProvider')
}
String buildLog = new File(basedir, 'build.log').getText('UTF-8')
assert !buildLog.contains('hold META-INF/helidon/service-registry.json')
assert !buildLog.contains('hold META-INF/helidon/service.loader')
assert !buildLog.contains('hold META-INF/helidon/config-metadata.json')

def running = startJar(jar)
try {
    def home = httpGet(running.port, '/')
    assert home.status == 200
    assert home.body == '<h1>Home</h1><a href="/blog/hello%20world">post</a>'
    assert home.headers['content-type'].startsWith('text/html')
    assert home.headers['x-powered-by'] == 'next4j'
    assert home.headers['etag'] ==~ /W\/".+"/
    assert httpGet(running.port, '/blog/hello%20world').body == '<h1>Post hello world</h1>'
    assert httpGet(running.port, '/api/hello').body == '{"hello":"GET"}'
    def missing = httpGet(running.port, '/nope')
    assert missing.status == 404
    assert missing.body == '<h1>Nothing at /nope</h1>'
    // The same pipeline: a spelling of a path is redirected to its canonical form, probes answer.
    def slash = httpGet(running.port, '/blog/hello%20world/')
    assert slash.status == 308
    assert slash.headers['location'] == '/blog/hello%20world'
    assert httpGet(running.port, '/_next/health/ready').body == 'ready\n'
    String log = running.log.text
    assert log.contains('next4j ready on http://')
    assert log.contains('Helidon')
} finally {
    stopJar(running)
}
