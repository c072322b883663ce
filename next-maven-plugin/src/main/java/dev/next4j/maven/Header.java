package dev.next4j.maven;

import java.util.List;
import java.util.Map;

/**
 * A {@code <header>} of {@code <headers>} (Next.js's {@code headers()}): {@code <source>}, the
 * response headers as elements ({@code <headers><X-Frame-Options>DENY</X-Frame-Options></headers>}),
 * optional {@code <has>} / {@code <missing>} conditions and {@code <basePath>}.
 */
public class Header {
  String source;
  Map<String, String> headers;
  List<Condition> has;
  List<Condition> missing;
  Boolean basePath;
}
