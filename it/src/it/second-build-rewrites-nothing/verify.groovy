// build.log holds both builds. The second one finds the generated files up to date and writes
// none, so their timestamps stay and the compiler finds nothing to recompile.
def lines = new File(basedir, 'build.log').getText('UTF-8').readLines()
assert lines.findAll { it.startsWith('[INFO] next: ') } == [
  '[INFO] next: 2 routes in com.acme.Routes (5 files written, 0 unchanged)',
  '[INFO] next: 2 routes in com.acme.Routes (0 files written, 5 unchanged)'
]
assert lines.findAll { it.contains('Recompiling the module') || it.contains('Nothing to compile') } == [
  '[INFO] Recompiling the module because of changed source code.',
  '[INFO] Nothing to compile - all classes are up to date.'
]
def routes = new File(basedir, 'target/generated-sources/next/com/acme/Routes.java')
def compiled = new File(basedir, 'target/classes/com/acme/Routes.class')
assert routes.lastModified() <= compiled.lastModified()
true
