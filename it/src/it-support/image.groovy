// Helpers for the verify scripts of scenarios that build a container image: evaluated with the
// script's binding, so its closures become variables of the calling script.
import java.nio.charset.StandardCharsets
import java.util.zip.GZIPInputStream

/**
 * Reads a tar (gzipped or not) into [name: [bytes: byte[], mtime: long seconds, mode: int]], in
 * order; folders end with '/'. Handles the GNU long-name and PAX path records Jib may write.
 */
readTar = { byte[] bytes ->
    InputStream input = new ByteArrayInputStream(bytes)
    if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
        input = new GZIPInputStream(input)
    }
    def text = { byte[] header, int offset, int length ->
        int end = offset
        while (end < offset + length && header[end] != 0) { end++ }
        new String(header, offset, end - offset, StandardCharsets.US_ASCII)
    }
    def octal = { String value -> value.trim() ? Long.parseLong(value.trim(), 8) : 0L }
    Map files = [:]
    String longName = null
    while (true) {
        byte[] header = input.readNBytes(512)
        if (header.length < 512 || header[0] == 0) {
            return files
        }
        long size = octal(text(header, 124, 12))
        char type = (char) header[156]
        byte[] content = input.readNBytes((int) size)
        input.readNBytes((int) ((512 - size % 512) % 512))
        if (type == ('L' as char)) {
            longName = new String(content, StandardCharsets.UTF_8).replace('\0', '')
            continue
        }
        if (type == ('x' as char)) {
            new String(content, StandardCharsets.UTF_8).split('\n').each { line ->
                int at = line.indexOf(' path=')
                if (at >= 0) { longName = line.substring(at + 6) }
            }
            continue
        }
        String prefix = text(header, 345, 155)
        String name = longName ?: (prefix ? prefix + '/' + text(header, 0, 100) : text(header, 0, 100))
        longName = null
        if (type == ('5' as char) && !name.endsWith('/')) {
            name += '/'
        }
        files[name] = [bytes: content, mtime: octal(text(header, 136, 12)), mode: (int) (octal(text(header, 100, 8)) & 07777)]
    }
}

/** A `docker save`-style image tarball: its manifest, config and layers (each a readTar map), in order. */
readImage = { File tarball ->
    def slurper = new groovy.json.JsonSlurper()
    Map image = readTar(tarball.bytes)
    assert image['manifest.json'] : "${tarball} has no manifest.json: ${image.keySet()}"
    def manifest = slurper.parseText(new String(image['manifest.json'].bytes, StandardCharsets.UTF_8))
    assert manifest.size() == 1
    def config = slurper.parseText(new String(image[manifest[0].Config].bytes, StandardCharsets.UTF_8))
    def layers = manifest[0].Layers.collect { readTar(image[it].bytes) }
    [manifest: manifest[0], config: config, layers: layers]
}

/** Whether a container runtime answers here (its client alone is not enough); null, or why not. */
containerRuntime = {
    for (String tool : ['docker', 'podman']) {
        try {
            Process info = new ProcessBuilder(tool, 'info').redirectErrorStream(true).start()
            String output = info.inputStream.text
            if (info.waitFor() == 0) {
                return [tool: tool]
            }
            println "${tool} info failed: ${output.readLines().findAll { it.contains('rror') || it.contains('annot') }.join(' ')}"
        } catch (IOException notInstalled) {
            println "${tool} is not installed"
        }
    }
    null
}
