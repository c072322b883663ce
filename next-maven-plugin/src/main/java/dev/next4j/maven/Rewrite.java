package dev.next4j.maven;

import java.util.List;

/**
 * A {@code <rewrite>} of {@code <rewrites>} (after files), {@code <beforeFilesRewrites>} or {@code
 * <fallbackRewrites>}: {@code <source>}, {@code <destination>}, optional {@code <has>} / {@code
 * <missing>} conditions, {@code <basePath>} and {@code <locale>}.
 */
public class Rewrite {
  String source;
  String destination;
  List<Condition> has;
  List<Condition> missing;
  Boolean basePath;
  /** {@code false} (Next.js's {@code locale: false}); text, so that any other value is reported, not read as false. */
  String locale;
}
