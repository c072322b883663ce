// The build fails once, listing each problem javac-style at its page file, and generates nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
def errors = log.readLines().findAll { it.contains(': error: [next.') }
assert errors == [
  '[ERROR] src/main/java/com/acme/pages/blog/$id/$$id.java: error: [next.param-name-repeated] Page blog/$id/$$id.java uses the parameter name \'id\' twice in /blog/[id]/[...id]; rename one.'
]
assert log.contains('next: 1 problem found; each is listed above at its file.')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/next').exists()
true
