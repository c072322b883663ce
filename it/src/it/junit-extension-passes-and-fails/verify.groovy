// A site's own @NextTest classes: the passing ones pass (over HTTP and in process), the failing one
// fails the build with its assertion message.
String log = new File(basedir, 'build.log').getText('UTF-8')
def ran = { int tests, int failures, String cls ->
    log =~ /Tests run: ${tests}, Failures: ${failures}, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s (<<< FAILURE! )?-- in ${cls.replace('.', '\\.')}\n/
}
assert ran(2, 0, 'com.acme.PassingTest').find()
assert ran(1, 0, 'com.acme.InProcessTest').find()
assert ran(1, 1, 'com.acme.FailingTest').find()
assert log.contains("FailingTest.homeHasTheOldTitle:13 the home page's title ==> expected: <<h1>Hello</h1>> but was: <<h1>Welcome</h1>>")
assert log.contains('Tests run: 4, Failures: 1, Errors: 0, Skipped: 0\n')
assert log.contains('[INFO] BUILD FAILURE')
return true
