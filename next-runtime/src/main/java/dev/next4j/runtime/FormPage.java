package dev.next4j.runtime;

/**
 * A page that also answers POST: the post/redirect/get flow Next.js users build with {@code
 * getServerSideProps}. GET renders the form; POST reads it, and either redirects (303) to the
 * next page or renders the form again with its errors. A page that is not a {@code FormPage} keeps
 * answering POST with 405.
 *
 * <pre>{@code
 * // src/main/java/com/acme/pages/Contact.java  →  /contact
 * public final class Contact implements FormPage<Routes.Contact> {
 *   public Response render(Request request, Routes.Contact params) {
 *     return Response.html(form(""));
 *   }
 *
 *   public Response post(Request request, Routes.Contact params) {
 *     String email = request.form().value("email").orElse("").trim();
 *     if (!email.contains("@")) {
 *       return Response.html(form("Enter an e-mail address.")).withStatus(422);
 *     }
 *     return Response.redirect(303, "/thanks");
 *   }
 * }
 * }</pre>
 *
 * <p>The route answers GET, HEAD and POST, and a 405 from it lists the three in {@code Allow}.
 * {@code _App} wraps what {@link #post} returns, as it wraps {@link #render}'s.
 *
 * @param <P> the page's params record, generated from its path into {@code Routes}
 */
public interface FormPage<P extends Record> extends Page<P> {
  /** Answers a POST. An exception becomes a 500; an {@link HttpException} its own status. */
  Response post(Request request, P params) throws Exception;
}
