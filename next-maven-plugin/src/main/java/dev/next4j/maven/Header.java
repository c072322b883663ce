package dev.next4j.maven;

import java.util.List;
import java.util.Map;

/**
 * A {@code <header>} of {@code <headers>} (Next.js's {@code headers()}): {@code <source>}, the
 * response headers as elements ({@code <headers><X-Frame-Options>DENY</X-Frame-Options></headers>}),
 * optional {@code <has>} / {@code <missing>} conditions, {@code <basePath>} and {@code <locale>}.
 */
public class Header {
  String source;
  Map<String, String> headers;
  List<Condition> has;
  List<Condition> missing;
  Boolean basePath;
  /** {@code false} (Next.js's {@code locale: false}); text, so that any other value is reported, not read as false. */
  String locale;
}
