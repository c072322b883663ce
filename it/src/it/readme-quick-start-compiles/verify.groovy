// Every code block of the README's quick start is a whole file: written out on their own, as they
// stand in README.md, they make a project that compiles. The set-up command installs next4j
// without running these builds.
evaluate(new File(itSupport, 'server.groovy'))
evaluate(new File(itSupport, 'readme.groovy'))

// The main set-up command installs without the integration builds (-DskipTests does not skip them).
def setUp = new File(readme).readLines('UTF-8').find { it.startsWith('    mvn ') && it.contains(' install') }
assert setUp != null : 'README.md: no set-up command that installs next4j'
assert setUp.contains('-Dinvoker.skip') : "README.md: the set-up command runs every it/ build: ${setUp.trim()}"

def files = quickStartBlocks(readme).findAll { it.path != null }
assert files*.path.contains('pom.xml')
assert files*.path.count { it.startsWith('src/main/java/') && it.endsWith('.java') } >= 2

File project = new File(basedir, 'quick-start')
files.each { block ->
    File file = new File(project, block.path)
    assert !file.exists() : "README.md:${block.line}: ${block.path} is shown twice"
    file.parentFile.mkdirs()
    file.setText(block.text, 'UTF-8')
}

String log = runMaven(project, ['package'], new File(basedir, 'quick-start.log'))
assert log.contains('[INFO] BUILD SUCCESS')
assert !log.contains('[WARNING]') : log.readLines().findAll { it.contains('[WARNING]') }.join('\n')
assert new File(project, 'target/my-site.jar').isFile()
return true
