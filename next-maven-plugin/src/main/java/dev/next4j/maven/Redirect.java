package dev.next4j.maven;

import java.util.List;

/**
 * A {@code <redirect>} of {@code <redirects>} (Next.js's {@code redirects()}): {@code <source>},
 * {@code <destination>}, {@code <permanent>} (308 or 307) or {@code <statusCode>}, optional {@code
 * <has>} / {@code <missing>} conditions, {@code <basePath>false</basePath>} and {@code
 * <locale>false</locale>}.
 */
public class Redirect {
  String source;
  String destination;
  Boolean permanent;
  Integer statusCode;
  List<Condition> has;
  List<Condition> missing;
  Boolean basePath;
  /** {@code false} (Next.js's {@code locale: false}); text, so that any other value is reported, not read as false. */
  String locale;
}
