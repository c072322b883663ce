// The quick start as a user follows it: the README's archetype:generate command makes a site,
// which holds exactly the README's files; mvn next:run serves it; `mvn package` builds and tests
// it; java -jar serves it.
evaluate(new File(itSupport, 'server.groovy'))
evaluate(new File(itSupport, 'readme.groovy'))

def blocks = quickStartBlocks(readme)
def generate = shellCommands(blocks.find { it.lang == 'sh' }.text).find { it.contains(':generate') }
assert generate != null : 'the quick start has no archetype:generate command'
assert generate.startsWith('mvn ')
assert generate.contains("maven-archetype-plugin:${archetypeVersion}:generate") : "the README pins another archetype plugin: ${generate}"
assert generate.contains("-DarchetypeVersion=${nextVersion}") : "the README names another next4j version: ${generate}"

// The README's command, word for word, offline against this build's repository.
File work = new File(basedir, 'work')
work.mkdirs()
runMaven(work, generate.substring('mvn '.length()).split(' ') as List, new File(basedir, 'generate.log'))
File site = new File(work, 'my-site')

def files = []
site.eachFileRecurse(groovy.io.FileType.FILES) { files << site.toPath().relativize(it.toPath()).toString() }
assert files.sort() == [
    'pom.xml',
    'src/main/java/com/acme/pages/Index.java',
    'src/main/java/com/acme/pages/_404.java',
    'src/main/java/com/acme/pages/_Layout.java',
    'src/main/java/com/acme/pages/api/Hello.java',
    'src/main/java/com/acme/pages/blog/$slug.java',
    'src/main/resources/public/styles.css',
    'src/test/java/com/acme/pages/blog/SlugTest.java',
]
// What the README shows is what the archetype writes.
blocks.findAll { it.path != null }.each { block ->
    File file = new File(site, block.path)
    assert file.isFile() : "README.md:${block.line}: the archetype writes no ${block.path}"
    assert file.getText('UTF-8') == block.text : "README.md:${block.line}: ${block.path} differs from what the archetype writes"
}
def pom = new groovy.xml.XmlSlurper().parse(new File(site, 'pom.xml'))
assert pom.groupId.text() == 'com.acme'
assert pom.artifactId.text() == 'my-site'
assert pom.properties.'project.build.sourceEncoding'.text() == 'UTF-8'
assert pom.build.finalName.text() == 'my-site'
assert pom.dependencies.dependency.find { it.artifactId.text() == 'next-runtime' }.version.text() == nextVersion
assert pom.build.plugins.plugin.find { it.artifactId.text() == 'next-maven-plugin' }.version.text() == nextVersion
assert !new File(site, 'pom.xml').text.contains('@') : 'a build property was left unfiltered in the generated pom'

// The README's next command, mvn next:run, serves the new site at once.
assert shellCommands(blocks.find { it.lang == 'sh' }.text).contains('mvn next:run')
def dev = startDevServer(site, new File(basedir, 'next-run.log'))
boolean devStopped
try {
    def home = httpGet(dev.port, '/')
    assert home.status == 200
    assert home.body.contains('<h1>Hello from next4j</h1>')
    assert httpGet(dev.port, '/blog/%3Cb%3E').body.contains('<h1>Post: &lt;b&gt;</h1>')
    // next:run serves public/ from disk.
    def devStyles = httpGet(dev.port, '/styles.css')
    assert devStyles.status == 200
    assert devStyles.headers['content-type'] == 'text/css; charset=utf-8'
    assert devStyles.body == new File(site, 'src/main/resources/public/styles.css').getText('UTF-8')
} finally {
    devStopped = stopProcess(dev.process)
}
assert devStopped : 'mvn next:run did not stop on SIGTERM within 10 s'

// mvn package compiles the pages, runs the site's own test and makes the runnable jar.
String log = runMaven(site, ['package'], new File(basedir, 'package.log'))
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : log
assert !log.contains('platform encoding') : 'the generated pom leaves the encoding to the platform'
assert !log.contains('[WARNING]') : log.readLines().findAll { it.contains('[WARNING]') }.join('\n')
File jar = new File(site, 'target/my-site.jar')
assert jar.isFile()
assert new java.util.jar.JarFile(jar).withCloseable { it.getEntry('public/styles.css') != null }

def server = startJar(jar)
try {
    def home = httpGet(server.port, '/')
    assert home.status == 200
    assert home.headers['content-type'].startsWith('text/html')
    assert home.body.contains('<h1>Hello from next4j</h1>')
    assert home.body.contains('<link rel="stylesheet" href="/styles.css">')
    // The stylesheet the page links is served from the jar's public/ index.
    def styles = httpGet(server.port, '/styles.css')
    assert styles.status == 200
    assert styles.headers['content-type'] == 'text/css; charset=utf-8'
    assert styles.headers['cache-control'] == 'public, max-age=0'
    assert styles.headers['etag'] ==~ /"[A-Za-z0-9_-]{27}"/
    assert styles.body == new File(site, 'src/main/resources/public/styles.css').getText('UTF-8')
    assert home.body.contains('<a href="/blog/hello%20world">A blog post</a>')
    assert home.body.contains('<a href="/api/hello">An API route</a>')

    assert httpGet(server.port, '/blog/hello%20world').body.contains('<h1>Post: hello world</h1>')
    // The param is text, never markup.
    def attack = httpGet(server.port, '/blog/%3Cscript%3Ealert(1)%3C%2Fscript%3E')
    assert attack.status == 200
    assert attack.body.contains('<h1>Post: &lt;script&gt;alert(1)&lt;/script&gt;</h1>')
    assert !attack.body.contains('<script>')

    def api = httpGet(server.port, '/api/hello')
    assert api.status == 200
    assert api.headers['content-type'].startsWith('application/json')
    assert api.body == '{"message":"hello","method":"GET"}'

    def missing = httpGet(server.port, '/nope')
    assert missing.status == 404
    assert missing.body.contains('<p>Nothing at /nope.</p>')
} finally {
    stopJar(server)
}
return true
