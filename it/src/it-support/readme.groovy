// Helpers for the scenarios that check README.md: evaluated with the script's binding, so its
// closures become variables of the calling script.

/**
 * The fenced code blocks of README.md's "Quick start" section, in order, each as
 * [lang, path, text, line]. A block's path is the word after its language (```java src/Foo.java);
 * every java or xml block there must have one, because each is a whole file of the site.
 */
quickStartBlocks = { readmePath ->
    File readme = new File(readmePath.toString()).canonicalFile
    List<String> lines = readme.readLines('UTF-8')
    int start = lines.findIndexOf { it.startsWith('## Quick start') }
    assert start >= 0 : "${readme}: no '## Quick start' section"
    int end = lines.findIndexOf(start + 1) { it.startsWith('## ') }
    if (end < 0) {
        end = lines.size()
    }
    def blocks = []
    int i = start + 1
    while (i < end) {
        def open = lines[i] =~ /^(\s*)```(\S*)(?:\s+(\S+))?\s*$/
        if (!open.matches()) {
            i++
            continue
        }
        String indent = open.group(1)
        String lang = open.group(2)
        String path = open.group(3)
        int first = i + 1
        int close = lines.findIndexOf(first) { it == indent + '```' }
        assert close > 0 && close < end : "README.md:${i + 1}: a code block that is not closed in the quick start"
        String text = lines.subList(first, close).collect { it.startsWith(indent) ? it.substring(indent.length()) : it }.join('\n') + '\n'
        if (lang in ['java', 'xml']) {
            assert path != null : "README.md:${i + 1}: a ```${lang} block without a path; every file in the quick start is " +
                "a whole file, named after its language (```${lang} path/in/the/project)"
        } else {
            assert lang in ['sh', 'shell'] : "README.md:${i + 1}: a ```${lang} block in the quick start; use java or xml (a whole file) or sh (commands)"
        }
        blocks << [lang: lang, path: path, text: text, line: i + 1]
        i = close + 1
    }
    assert !blocks.empty : "${readme}: the quick start has no code block"
    return blocks
}

/** The commands of a ```sh block, with backslash continuations joined, one string per command. */
shellCommands = { String text ->
    text.replace('\\\n', ' ').readLines()*.trim().findAll { it && !it.startsWith('#') }.collect { it.replaceAll(/\s+/, ' ') }
}
