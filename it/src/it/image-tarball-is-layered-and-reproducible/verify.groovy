// next:image writes a layered image tarball on scratch: dependencies, next-runtime, the site's
// classes and prerendered pages each where they belong, the config set, and the same digest from
// two clean builds. A JDK 17 AppCDS archive is left out, with the reason.
evaluate(new File(itSupport, 'image.groovy'))
evaluate(new File(itSupport, 'server.groovy'))

String log = new File(basedir, 'build.log').getText('UTF-8')
def images = log.readLines().findAll { it.startsWith('[INFO] Image site:1.0 ') }
assert images.size() == 4 : images
images.each { assert it ==~ /\[INFO\] Image site:1\.0 sha256:[0-9a-f]{64} on scratch: .*/ }
String runtimeJar = "next-runtime-${nextVersion}.jar"
String dependencyJar = 'javapoet-' + new File(basedir, 'pom.xml').text.find(/<artifactId>javapoet<\/artifactId>\s*<version>([^<]+)</) { all, v -> v } + '.jar'

// Two builds, the second after `mvn clean` (new class files, new times): the same image.
assert images[0] == images[1]
File first = new File(basedir, 'first-image.tar')
File second = new File(basedir, 'target/site-1.0-image.tar')
assert first.bytes == second.bytes
String digest = (images[1] =~ /sha256:[0-9a-f]{64}/)[0]
assert log.contains('[INFO] Wrote target/site-1.0-image.tar; load it with: docker load -i target/site-1.0-image.tar')

def image = readImage(second)
assert image.manifest.RepoTags == ['site:1.0']
assert images[1].endsWith("on scratch: dependencies (1 file), next-runtime (1 file), application (7 files)")
assert image.layers.size() == 3

def (dependencies, runtime, application) = image.layers
def files = { Map layer -> layer.keySet().findAll { !it.endsWith('/') } as List }
assert files(dependencies) == ["app/libs/${dependencyJar}".toString()]
assert files(runtime) == ["app/runtime/${runtimeJar}".toString()]
assert files(application) == [
    'app/classes/META-INF/next4j/public-files.tsv',
    'app/classes/com/acme/NextServer.class',
    'app/classes/com/acme/Routes$Index.class',
    'app/classes/com/acme/Routes$Params.class',
    'app/classes/com/acme/Routes.class',
    'app/classes/com/acme/pages/Index.class',
    'app/classes/public/robots.txt',
]
assert new String(application['app/classes/public/robots.txt'].bytes, 'UTF-8') == 'User-agent: *\n'
// The build's index of public/, which the server serves from.
assert new String(application['app/classes/META-INF/next4j/public-files.tsv'].bytes, 'UTF-8').readLines()[1].startsWith('robots.txt\t14\t')
assert application['app/classes/com/acme/pages/Index.class'].bytes ==
    new File(basedir, 'target/classes/com/acme/pages/Index.class').bytes
// Jib's fixed time and modes: nothing of the build machine's clock in the image.
image.layers.each { layer -> layer.each { name, entry -> assert entry.mtime == 1 : "${name} ${entry.mtime}" } }
assert application['app/classes/public/robots.txt'].mode == 0644

def config = image.config.config
assert config.Entrypoint == ['java', '-XX:MaxRAMPercentage=75', '-cp',
    "/app/classes:/app/runtime/${runtimeJar}:/app/libs/${dependencyJar}".toString(),
    'com.acme.NextServer']
assert config.ExposedPorts == ['3000/tcp': [:]]
assert config.WorkingDir == '/app'
assert config.Env.sort() == ['PORT=3000', 'TZ=UTC']
assert config.Labels == ['org.opencontainers.image.title': 'site', 'org.opencontainers.image.version': '1.0']
assert image.config.created == '1970-01-01T00:00:00Z'
assert new File(basedir, 'target/next/image.digest').text.trim().startsWith('sha256:')

// With prerendered pages: one more layer, the others unchanged.
def withPages = readImage(new File(basedir, 'target/with-prerendered.tar'))
assert withPages.layers.size() == 4
assert withPages.manifest.Layers[0..2] == image.manifest.Layers
assert files(withPages.layers[3]).sort() == ['app/prerendered/blog/hello.html', 'app/prerendered/index.html']
assert new String(withPages.layers[3]['app/prerendered/index.html'].bytes, 'UTF-8') == '<h1>Prerendered home</h1>\n'
assert images[2] != images[1]

// With the AppCDS archive of next:build -Dnext.aot on JDK 17: left out, with the reason, as it
// names the jar by its path on this machine; the image is the layered one.
assert log.contains('[WARNING] Left the AppCDS archive site-1.0.jsa out of the image: it names the jar by its path'
    + ' on this machine, so the JVM in the image would refuse it. An AOT cache does move: make one with a JDK 25 or'
    + ' newer, e.g. mvn next:build -Dnext.aot -Dnext.jvm=/path/to/jdk-25 next:image')
assert new File(basedir, 'target/site-1.0.jsa').isFile()
def withArchive = readImage(new File(basedir, 'target/with-archive.tar'))
assert withArchive.layers.size() == 3
assert withArchive.config.config.Entrypoint == config.Entrypoint
assert images[3] == images[1]

// The image's files and entrypoint serve the site: its layers unpacked into a folder standing for the
// container's root, the entrypoint run with this machine's java and /app moved into that folder.
File root = new File(basedir, 'target/image-root')
image.layers.each { layer ->
    layer.each { name, entry ->
        File file = new File(root, name)
        if (name.endsWith('/')) { file.mkdirs() } else { file.parentFile.mkdirs(); file.bytes = entry.bytes }
    }
}
def command = config.Entrypoint.collect { it.replace('/app/', new File(root, 'app').path + '/') }
command[0] = new File(System.getProperty('java.home'), 'bin/java').path
def fromImage = startCommand(command, [:], new File(basedir, 'target/image-root.log'))
try {
    def home = httpGet(fromImage.port, '/')
    assert home.status == 200
    assert home.body == '<h1>Home</h1><p>Site</p>'
    assert httpGet(fromImage.port, '/nope').status == 404
    assert fromImage.log.text.contains('next4j ready on http://')
} finally {
    stopJar(fromImage)
}

// Where a container runtime answers, run the layout on a real JRE and ask for a page. The scratch
// image has no java: copy its /app onto eclipse-temurin:17-jre (pulled from its registry).
def runtimeTool = containerRuntime()
if (runtimeTool == null) {
    println 'Skipped running the image: no container runtime (docker or podman daemon) answers on this machine'
} else {
    String tool = runtimeTool.tool
    def run = { List<String> args ->
        Process p = new ProcessBuilder([tool] + args).redirectErrorStream(true).start()
        String out = p.inputStream.text
        [code: p.waitFor(), out: out]
    }
    def loaded = run(['load', '-i', second.path])
    assert loaded.code == 0 : loaded.out
    File context = new File(basedir, 'target/runtime-check')
    context.mkdirs()
    new File(context, 'Dockerfile').text = """FROM eclipse-temurin:17-jre
COPY --from=site:1.0 /app /app
WORKDIR /app
ENV PORT=3000
ENTRYPOINT ${groovy.json.JsonOutput.toJson(config.Entrypoint)}
"""
    def built = run(['build', '-t', 'site-on-jre:1.0', context.path])
    if (built.code != 0) {
        println "Skipped running the image: could not build it on eclipse-temurin:17-jre (no registry?): ${built.out.readLines().takeRight(3)}"
    } else {
        def started = run(['run', '-d', '-p', '127.0.0.1::3000', 'site-on-jre:1.0'])
        assert started.code == 0 : started.out
        String id = started.out.trim().readLines().last()
        try {
            String port = run(['port', id, '3000']).out.trim().readLines().first().replaceAll('.*:', '')
            String body = null
            for (int i = 0; i < 100 && body == null; i++) {
                try { body = new URL("http://127.0.0.1:${port}/").text } catch (IOException notYet) { Thread.sleep(200) }
            }
            assert body == '<h1>Home</h1><p>Site</p>'
            println "The image answered on port ${port}: ${body}"
        } finally {
            run(['rm', '-f', id])
        }
    }
}

