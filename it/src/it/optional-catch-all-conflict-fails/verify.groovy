// The build fails once, listing each problem javac-style at its page file, and generates nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
def errors = log.readLines().findAll { it.contains(': error: [next.') }
assert errors == [
  '[ERROR] src/main/java/com/acme/pages/shop/Index.java: error: [next.optional-catch-all-conflict] Pages shop/Index.java and shop/$$$path.java both match /shop, because an optional catch-all also matches its folder\'s own path; remove shop/Index.java, or make the catch-all required ($$ instead of $$$).'
]
assert log.contains('next: 1 problem found; each is listed above at its file.')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/next').exists()
true
