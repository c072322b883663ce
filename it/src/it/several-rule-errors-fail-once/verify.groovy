// Every bad rule is listed at pom.xml with its list, number and field, and the build fails once.
def log = new File(basedir, 'build.log').getText('UTF-8')
def errors = log.readLines().findAll { it.contains(': error: [next.') }
assert errors.toSet() == [
  '[ERROR] pom.xml: error: [next.invalid-rule] <redirects> #1 (/a/(?!x)) <source>: Error parsing `/a/(?!x)`; Reason: Pattern cannot start with "?" at 4.',
  '[ERROR] pom.xml: error: [next.invalid-rule] <redirects> #2 (/loop) <destination>: the redirects form a loop: /loop -> /loop.',
  '[ERROR] pom.xml: error: [next.invalid-rule] <redirects> #3 (/c) <permanent>: `permanent` is not set to `true` or `false`; give <permanent> (308 or 307) or <statusCode>.',
  '[ERROR] pom.xml: error: [next.invalid-rule] <rewrites> #1 (/feedback/:type) <destination>: `destination` has segments not in `source` or `has` (id).',
  '[ERROR] pom.xml: error: [next.invalid-rule] <rewrites> #2 (/e) <destination>: `destination` https://example.com/ is on another origin: next4j does not proxy rewrites; use a redirect.',
  '[ERROR] pom.xml: error: [next.invalid-rule] <headers> #1 (/f) <has>: invalid type "cookiee" for a `has` item; valid types are header, cookie, query and host.',
] as Set
assert errors.size() == 6
assert log.contains('next: 6 problems found')
assert log.count('BUILD FAILURE') == 1
assert !new File(basedir, 'target/generated-sources/next').exists()
true
