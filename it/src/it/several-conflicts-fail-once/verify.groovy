// Every problem is listed javac-style at its file, sorted by file, and the build fails once.
def log = new File(basedir, 'build.log').getText('UTF-8')
def errors = log.readLines().findAll { it.contains(': error: [next.') }
def pages = 'src/main/java/com/acme/pages'
assert errors == [
  '[ERROR] pom.xml: error: [next.invalid-base-path] <basePath> "docs" must start with \'/\', as in "/docs".',
  "[ERROR] ${pages}/Contact.java:1: error: [next.package-mismatch] The file declares package com.acme but its folder is package com.acme.pages; change the line to 'package com.acme.pages;' or move the file.".toString(),
  "[ERROR] ${pages}/about/Index.java: error: [next.duplicate-route] Pages About.java and about/Index.java are both /about; remove or rename one.".toString(),
  "[ERROR] ${pages}/blog/\$slug.java: error: [next.param-name-conflict] Pages blog/\$id.java and blog/\$slug.java give one level two parameter names ('id' and 'slug'); rename one.".toString(),
  "[ERROR] ${pages}/my-page.java: error: [next.invalid-page-name] The file name 'my-page' is not a Java identifier, so it cannot name a page class; name it 'MyPage' instead (route segment 'my-page').".toString()
]
assert log.contains('next: 5 problems found; each is listed above at its file.')
assert log.count('BUILD FAILURE') == 1
assert !new File(basedir, 'target/generated-sources/next').exists()
true
