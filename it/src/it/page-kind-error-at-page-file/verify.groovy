// next:generate fails at each page file, before javac sees the generated Routes.java.
def log = new File(basedir, 'build.log').getText('UTF-8')
def errors = log.readLines().findAll { it.contains(': error: [next.') }
def kinds = " A class in the pages package is a Page (HTML), a StaticPage (rendered once) or, under api/, an ApiRoute," +
    " each with its route's record from Routes; the special files are _App (App), _404 and _500 (ErrorPage) and" +
    " _Middleware (Middleware). A helper that is not a page goes in a file or folder whose name starts with '_' (e.g. _Layout.java)."
assert errors == [
  "[ERROR] src/main/java/com/acme/pages/Format.java:4: error: [next.not-a-page] The class in Format.java implements no page kind," +
      " so it cannot serve /format; implement Page<Routes.Format> (or StaticPage<Routes.Format>), or rename the file to" +
      " start with '_' if it is a helper." + kinds,
  "[ERROR] src/main/java/com/acme/pages/blog/\$slug.java:9: error: [next.wrong-params-record] The class in blog/\$slug.java" +
      " implements Page<Routes.Index>, but the record of its route /blog/[slug] is Routes.BlogSlug; write implements" +
      " Page<Routes.BlogSlug>."
]
assert log.contains('next: 2 problems found; each is listed above at its file.')
assert !log.contains('Routes.java')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/next').exists()
true
