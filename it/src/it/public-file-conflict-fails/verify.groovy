// A public file and a page with one path fail the build, reported at both files as Next.js words it.
def log = new File(basedir, 'build.log').getText('UTF-8')
def errors = log.readLines().findAll { it.contains(': error: [next.') }
assert errors == [
  '[ERROR] src/main/resources/public/about: error: [next.public-file-conflict] A conflicting public file and page file was found for path /about (the other is src/main/java/com/acme/pages/About.java); a public file would hide the page. Remove or rename one.',
  '[ERROR] src/main/java/com/acme/pages/About.java: error: [next.public-file-conflict] A conflicting public file and page file was found for path /about (the other is src/main/resources/public/about); a public file would hide the page. Remove or rename one.',
]
assert log.contains('next: 2 problems found; each is listed above at its file.')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/classes/com').exists() : 'nothing is compiled'
true
