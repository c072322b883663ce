package dev.next4j.runtime;

/**
 * Size limits for reading a form with {@link Request#form(FormLimits)}; going over one is an
 * {@link HttpException} with status 413 that names the limit and the field.
 *
 * <pre>{@code
 * FormLimits limits = FormLimits.defaults().withMaxFileBytes(50L * 1024 * 1024);   // 50 MiB files
 * Form form = request.form(limits);   // closed by the server after the response
 * }</pre>
 *
 * <table>
 *   <caption>The limits and their defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>counts</th></tr>
 *   <tr><td>{@code maxFieldBytes}</td><td>64 KiB</td><td>one text field's name or value, in bytes
 *       after decoding</td></tr>
 *   <tr><td>{@code maxFileBytes}</td><td>10 MiB</td><td>one uploaded file's content</td></tr>
 *   <tr><td>{@code maxTotalBytes}</td><td>10 MiB</td><td>the whole body as sent, boundaries and
 *       part headers included</td></tr>
 *   <tr><td>{@code maxParts}</td><td>1000</td><td>fields and files together</td></tr>
 * </table>
 *
 * <p>The request body as a whole is bounded first by {@link NextConfig#bodySizeLimit()} (1 MiB by
 * default, answered with 413 before any page runs), so a site that takes uploads raises that too.
 *
 * @param maxFieldBytes the largest text field name or value, in bytes
 * @param maxFileBytes the largest uploaded file, in bytes
 * @param maxTotalBytes the largest form body, in bytes
 * @param maxParts the most fields and files in one form
 */
public record FormLimits(long maxFieldBytes, long maxFileBytes, long maxTotalBytes, int maxParts) {
  /** 64 KiB. */
  public static final long DEFAULT_MAX_FIELD_BYTES = 64 * 1024;

  /** 10 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

  /** 10 MiB. */
  public static final long DEFAULT_MAX_TOTAL_BYTES = 10 * 1024 * 1024;

  /** 1000. */
  public static final int DEFAULT_MAX_PARTS = 1000;

  private static final FormLimits DEFAULTS =
      new FormLimits(DEFAULT_MAX_FIELD_BYTES, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_TOTAL_BYTES, DEFAULT_MAX_PARTS);

  /**
   * Checks that every limit is at least 1.
   *
   * @throws IllegalArgumentException naming the first limit that is 0 or less
   */
  public FormLimits {
    checkPositive("maxFieldBytes", maxFieldBytes);
    checkPositive("maxFileBytes", maxFileBytes);
    checkPositive("maxTotalBytes", maxTotalBytes);
    checkPositive("maxParts", maxParts);
  }

  /** The defaults in the table above. */
  public static FormLimits defaults() {
    return DEFAULTS;
  }

  /** These limits with another {@code maxFieldBytes}. */
  public FormLimits withMaxFieldBytes(long bytes) {
    return new FormLimits(bytes, maxFileBytes, maxTotalBytes, maxParts);
  }

  /** These limits with another {@code maxFileBytes}. */
  public FormLimits withMaxFileBytes(long bytes) {
    return new FormLimits(maxFieldBytes, bytes, maxTotalBytes, maxParts);
  }

  /** These limits with another {@code maxTotalBytes}. */
  public FormLimits withMaxTotalBytes(long bytes) {
    return new FormLimits(maxFieldBytes, maxFileBytes, bytes, maxParts);
  }

  /** These limits with another {@code maxParts}. */
  public FormLimits withMaxParts(int parts) {
    return new FormLimits(maxFieldBytes, maxFileBytes, maxTotalBytes, parts);
  }

  private static void checkPositive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be 1 or more: " + value);
    }
  }
}
