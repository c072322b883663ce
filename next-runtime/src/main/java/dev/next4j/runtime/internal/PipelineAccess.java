package dev.next4j.runtime.internal;

import dev.next4j.runtime.Env;
import dev.next4j.runtime.JsonCodec;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.Revalidator;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline does to a {@link Request} and a {@link Response} that their public API does
 * in several copies: give a request the app's services in one copy, and give a response its
 * finished header map in one copy. The public methods ({@code withEnv}, {@code withHeader}) copy
 * and check on every call, which user code needs; the pipeline's own values (an ETag it computed,
 * {@code X-Powered-By}) are already valid. {@code Request} and {@code Response} install their
 * side when their class is initialised, so it is there before the first instance reaches the
 * pipeline; the package is not exported, so user code cannot reach it.
 */
public final class PipelineAccess {
  /** The requests' side, implemented inside {@link Request}. */
  public interface Requests {
    /**
     * {@code request} with {@code env}, {@code revalidator} and, when not null, {@code codec}
     * (else the request's own), in one copy.
     */
    Request withApp(Request request, Env env, Revalidator revalidator, JsonCodec codec);
  }

  /** The responses' side, implemented inside {@link Response}. */
  public interface Responses {
    /**
     * {@code response} with {@code headers} as its header map, as it is: lower-case names in
     * order, immutable value lists of checked values, the map not changed afterwards.
     */
    Response withHeaders(Response response, Map<String, List<String>> headers);
  }

  private static volatile Requests requests;
  private static volatile Responses responses;

  private PipelineAccess() {}

  /** Called once, by {@code Request}'s class initialiser. */
  public static void install(Requests side) {
    if (requests != null) {
      throw new IllegalStateException("the requests' side is installed already");
    }
    requests = side;
  }

  /** Called once, by {@code Response}'s class initialiser. */
  public static void install(Responses side) {
    if (responses != null) {
      throw new IllegalStateException("the responses' side is installed already");
    }
    responses = side;
  }

  static Request withApp(Request request, Env env, Revalidator revalidator, JsonCodec codec) {
    return requests.withApp(request, env, revalidator, codec);
  }

  static Response withHeaders(Response response, Map<String, List<String>> headers) {
    return responses.withHeaders(response, headers);
  }
}
