// The page's exception fails the build once, at the page's file, with the exception and its trace.
def log = new File(basedir, 'build.log').getText('UTF-8')
def line = log.readLines().find { it.contains('[next.prerender-failed]') }
assert line == '[ERROR] Failed to execute goal dev.next4j:next-maven-plugin:' + line.split(':next-maven-plugin:')[1].split(' ')[0] +
    ' (default) on project broken-site: [next.prerender-failed] src/main/java/com/acme/pages/Broken.java: prerendering' +
    ' /broken at /broken failed: java.lang.IllegalStateException: no database at build time' : line
assert log.contains('at com.acme.pages.Broken.render(Broken.java:10)')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/next/prerendered/META-INF/next/static/manifest.tsv').exists()
true
