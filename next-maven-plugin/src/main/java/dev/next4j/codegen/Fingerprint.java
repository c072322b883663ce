package dev.next4j.codegen;

import dev.next4j.codegen.GenerationResult.Generated;
import dev.next4j.codegen.PagesScanner.PageFile;
import dev.next4j.codegen.PagesScanner.PagesTree;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Lets a run with nothing changed stop after listing the pages, before reading any: a hash of
 * everything the output depends on (the generator itself, the configuration, and each page file's
 * path, size and modification time) is kept beside the route manifest with the size and time of
 * each file written. When both still match, the output is up to date. The hash is 224 bits of
 * FNV-1a and SplitMix64 rather than a cryptographic digest: it guards against accidents, not
 * attacks, and a cold JVM computes it for 10,000 files in a few milliseconds.
 *
 * <pre>
 * next4j-fingerprint 1
 * inputs 5c1e…
 * package com.acme
 * routes 12
 * output 2048 1764050000123456789 /project/target/generated-sources/next/com/acme/Routes.java
 * </pre>
 */
final class Fingerprint {
  private static final String FORMAT = "next4j-fingerprint 1";

  private final String inputs;

  private Fingerprint(String inputs) {
    this.inputs = inputs;
  }

  /** Where the fingerprint of {@code config}'s output is kept: beside the route manifest. */
  static Path file(GeneratorConfig config) {
    return config.manifestFile().resolveSibling("generate.fingerprint");
  }

  static Fingerprint of(GeneratorConfig config, PagesTree tree) {
    long setting = hash(FORMAT + "\n" + generatorIdentity() + "\n" + describe(config) + "\n" + tree.pagesPackage() + " "
        + tree.generatedPackage() + " " + tree.pagesDirs());
    // Each file's hash is summed and, rotated, xor-ed: the listing's order does not matter, so it
    // need not be sorted, and a changed file changes both.
    long sum = 0;
    long xor = 0;
    for (PageFile file : tree.files()) {
      long h = mix(mix(hash(file.path().toString()) ^ file.size()) ^ file.modified());
      sum += h;
      xor ^= Long.rotateLeft(h, 29);
    }
    return new Fingerprint(String.format("%016x%016x%016x%08x", setting, sum, xor, tree.files().size()));
  }

  /** The result of the last run, when it was for the same inputs and its files are untouched. */
  Optional<Generated> upToDate(Path fingerprintFile) throws IOException {
    if (!Files.isRegularFile(fingerprintFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(fingerprintFile, StandardCharsets.UTF_8);
    if (lines.size() < 4 || !lines.get(0).equals(FORMAT) || !lines.get(1).equals("inputs " + inputs)) {
      return Optional.empty();
    }
    List<Path> outputs = new ArrayList<>();
    for (String line : lines.subList(4, lines.size())) {
      String[] fields = line.split(" ", 4);
      Path output = Path.of(fields[3]);
      if (!fields[0].equals("output") || !fields[1].equals(Long.toString(size(output)))
          || !fields[2].equals(Long.toString(modified(output)))) {
        return Optional.empty();
      }
      outputs.add(output);
    }
    String generatedPackage = lines.get(2).substring("package ".length());
    int routeCount = Integer.parseInt(lines.get(3).substring("routes ".length()));
    return Optional.of(new Generated(generatedPackage, routeCount, List.of(), outputs));
  }

  /** Records {@code generated} as the output of these inputs. */
  void save(Path fingerprintFile, Generated generated) throws IOException {
    StringBuilder out = new StringBuilder()
        .append(FORMAT).append('\n')
        .append("inputs ").append(inputs).append('\n')
        .append("package ").append(generated.generatedPackage()).append('\n')
        .append("routes ").append(generated.routeCount()).append('\n');
    List<Path> outputs = new ArrayList<>(generated.written());
    outputs.addAll(generated.unchanged());
    for (Path output : outputs) {
      out.append("output ").append(size(output)).append(' ').append(modified(output)).append(' ').append(output).append('\n');
    }
    OutputFiles.writeIfChanged(fingerprintFile, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Forgets the last run, so the next one does all the work (after a failure). */
  static void forget(Path fingerprintFile) throws IOException {
    Files.deleteIfExists(fingerprintFile);
  }

  private static long size(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.size(file) : -1;
  }

  private static long modified(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return -1;
    }
    return Files.readAttributes(file, BasicFileAttributes.class).lastModifiedTime().to(TimeUnit.NANOSECONDS);
  }

  /**
   * The generator's own jar (or classes folder) by path, size and time, so a new plugin version
   * regenerates even when the pages did not change.
   */
  private static String generatorIdentity() {
    CodeSource source = Fingerprint.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "unknown";
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      return location + " " + Files.size(location) + " " + Files.getLastModifiedTime(location).toMillis();
    } catch (URISyntaxException | IOException | IllegalArgumentException e) {
      return source.getLocation().toString();
    }
  }

  /**
   * Every value of {@code config}, spelled out: a record's own {@code toString} costs a cold JVM
   * tens of milliseconds to bootstrap, a third of a no-op run.
   */
  private static String describe(GeneratorConfig config) {
    ServerSettings settings = config.settings();
    return String.join("\n", config.projectDir().toString(), config.sourceRoots().toString(),
        config.pagesPackage().orElse("-"), config.generatedPackage().orElse("-"), config.outputDir().toString(),
        config.manifestFile().toString(), settings.basePath(), Boolean.toString(settings.trailingSlash()),
        Boolean.toString(settings.poweredByHeader()), Boolean.toString(settings.generateEtags()),
        Boolean.toString(settings.compress()), Long.toString(settings.bodySizeLimit()),
        Boolean.toString(settings.caseSensitiveRoutes()), Boolean.toString(settings.skipTrailingSlashRedirect()),
        config.engine().name(),
        String.join("\n", settings.rules().stream().map(RuleSpec::describe).toList()),
        describe(settings.i18n()));
  }

  /** The i18n config spelled out, without a record's {@code toString}; {@code -} for none. */
  private static String describe(dev.next4j.runtime.NextConfig.I18n i18n) {
    if (i18n == null) {
      return "-";
    }
    StringBuilder text = new StringBuilder("i18n ").append(String.join(",", i18n.locales())).append(' ')
        .append(i18n.defaultLocale()).append(' ').append(i18n.localeDetection());
    for (dev.next4j.runtime.NextConfig.I18n.Domain domain : i18n.domains()) {
      text.append(' ').append(domain.domain()).append('=').append(domain.defaultLocale()).append('/')
          .append(String.join(",", domain.locales())).append('/').append(domain.http());
    }
    return text.toString();
  }

  /** FNV-1a over the chars of {@code text}, then mixed: 64 bits. */
  private static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * 0x100000001b3L;
    }
    return mix(h);
  }

  /** SplitMix64's finaliser: spreads every input bit over the output. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
