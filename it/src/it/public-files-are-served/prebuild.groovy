// What git cannot hold well, made before the build: a 2 MiB file (streamed, not copied per request)
// and a symbolic link under public/ to the secret beside it, which the index must leave out.
import java.nio.file.Files

File publicDir = new File(basedir, 'src/main/resources/public')
byte[] big = new byte[2 * 1024 * 1024 + 3]
for (int i = 0; i < big.length; i++) {
    big[i] = (byte) (i * 31 + (i >> 11))
}
new File(publicDir, 'big.bin').bytes = big
File link = new File(publicDir, 'linked.properties')
if (!Files.isSymbolicLink(link.toPath())) {
    Files.createSymbolicLink(link.toPath(), new File(basedir, 'src/main/resources/secret.properties').toPath())
}
true
