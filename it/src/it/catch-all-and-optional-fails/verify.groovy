// The build fails once, listing each problem javac-style at its page file, and generates nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
def errors = log.readLines().findAll { it.contains(': error: [next.') }
assert errors == [
  '[ERROR] src/main/java/com/acme/pages/docs/$$path.java: error: [next.catch-all-and-optional] Pages docs/$$path.java (/docs/[...path]) and docs/$$$rest.java (/docs/[[...rest]]) put a catch-all and an optional catch-all at one level; keep one: the optional one matches everything the other does, and /docs too.'
]
assert log.contains('next: 1 problem found; each is listed above at its file.')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/next').exists()
true
