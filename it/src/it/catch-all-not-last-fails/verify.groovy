// The build fails once, listing each problem javac-style at its page file, and generates nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
def errors = log.readLines().findAll { it.contains(': error: [next.') }
assert errors == [
  '[ERROR] src/main/java/com/acme/pages/docs/$$path/Edit.java: error: [next.catch-all-not-last] Page docs/$$path/Edit.java goes on after the catch-all docs/$$path (/docs/[...path]/edit), but a catch-all must be the last part of a URL; move the page out of docs/$$path.'
]
assert log.contains('next: 1 problem found; each is listed above at its file.')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/next').exists()
true
