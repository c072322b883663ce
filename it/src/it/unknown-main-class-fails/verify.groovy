// An unknown <mainClass> fails the build with one line that names it, and leaves no runnable jar.
import java.util.jar.JarFile

def lines = new File(basedir, 'build.log').readLines('UTF-8')
def errors = lines.findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert errors.size() == 1 : errors.join('\n')
assert errors[0].endsWith(
    'package (default) on project unknown-main: [next.main-class-not-found] <mainClass> com.acme.Servr is not a class of this project:'
    + ' target/classes/com/acme/Servr.class does not exist. Set <mainClass> (or -Dnext.mainClass) to the fully'
    + ' qualified name of your server class. -> [Help 1]') : errors[0]
// The failure is the user's mistake with no exception behind it: the IT runs Maven with -e, which
// prints Maven's own trace down to the MojoFailureException, and nothing below it.
def causes = lines.findAll { it.startsWith('Caused by:') }
assert causes.size() == 1 : causes.join('\n')
assert causes[0].startsWith('Caused by: org.apache.maven.plugin.MojoFailureException: [next.main-class-not-found] <mainClass> com.acme.Servr') : causes[0]

// The jar plugin's jar is left as it was, not half made runnable.
def manifest = new JarFile(new File(basedir, 'target/unknown-main-1.0.jar')).withCloseable { it.manifest.mainAttributes }
assert manifest.getValue('Main-Class') == null
assert manifest.getValue('Next4j-Runnable-Jar') == null
return true
