package dev.next4j.runtime;

/**
 * A request the server refuses with a 4xx status and a message for the client, thrown by the
 * request helpers ({@link Request#form()}, {@link Request#json(Class)}) and by a page's own code.
 *
 * <p>Let it leave the page, middleware or API route: the app answers with its status and its
 * message as plain text (e.g. 413 "form field 'bio' is over the limit of 65536 bytes"), logged at
 * debug level only, never a 500. A 404 from a page gets the site's {@code _404} page instead, as
 * {@link Response#notFound()} does. Catch it to answer some other way:
 *
 * <pre>{@code
 * Post post = request.json(Post.class);     // a malformed body leaves as a 400
 * if (!store.has(post.id())) {
 *   throw new HttpException(404, "no post " + post.id());
 * }
 * }</pre>
 *
 * <p>The statuses the helpers use: 400 for a malformed body, 413 for one over a size limit, 415
 * for the wrong {@code Content-Type}. The message says what and where, and quotes nothing longer
 * than a short excerpt of the input.
 */
public final class HttpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * A refusal with {@code status} (400–499) and {@code message}.
   *
   * @throws IllegalArgumentException if {@code status} is not a 4xx status
   */
  public HttpException(int status, String message) {
    this(status, message, null);
  }

  /** As {@link #HttpException(int, String)}, keeping {@code cause} for the log. */
  public HttpException(int status, String message, Throwable cause) {
    super(message, cause);
    if (status < 400 || status > 499) {
      throw new IllegalArgumentException("not a 4xx status: " + status);
    }
    if (message == null) {
      throw new NullPointerException("message == null");
    }
    this.status = status;
  }

  /** 400 Bad Request: the body is malformed. */
  public static HttpException badRequest(String message) {
    return new HttpException(400, message);
  }

  /** 413 Content Too Large: the body or a part of it is over a limit. */
  public static HttpException tooLarge(String message) {
    return new HttpException(413, message);
  }

  /** 415 Unsupported Media Type: the body's {@code Content-Type} is not one the reader takes. */
  public static HttpException unsupportedMediaType(String message) {
    return new HttpException(415, message);
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }

  /** A plain-text response with {@link #status()} and the message, as a page can return it. */
  public Response toResponse() {
    return Response.text(getMessage() + "\n").withStatus(status);
  }
}
