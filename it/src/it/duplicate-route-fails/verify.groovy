// The build fails once, listing each problem javac-style at its page file, and generates nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
def errors = log.readLines().findAll { it.contains(': error: [next.') }
assert errors == [
  '[ERROR] src/main/java/com/acme/pages/about/Index.java: error: [next.duplicate-route] Pages About.java and about/Index.java are both /about; remove or rename one.'
]
assert log.contains('next: 1 problem found; each is listed above at its file.')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/next').exists()
true
