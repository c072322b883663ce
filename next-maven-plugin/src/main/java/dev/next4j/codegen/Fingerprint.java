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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Lets a run with nothing changed stop after listing the pages, before reading any: a hash of
 * everything the output depends on (the generator itself, the configuration, and each page file's
 * path, size and modification time) is kept beside the route manifest with the size and time of
 * each file written. When both still match, the output is up to date.
 *
 * <pre>
 * next4j-fingerprint 1
 * inputs 3f2a…
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
    MessageDigest digest = sha256();
    update(digest, FORMAT);
    update(digest, generatorIdentity());
    update(digest, config.toString());
    update(digest, tree.pagesPackage() + " " + tree.generatedPackage() + " " + tree.pagesDirs());
    for (PageFile file : tree.files()) {
      update(digest, file.path() + "\t" + file.size() + "\t" + file.modified());
    }
    return new Fingerprint(HexFormat.of().formatHex(digest.digest()));
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

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
