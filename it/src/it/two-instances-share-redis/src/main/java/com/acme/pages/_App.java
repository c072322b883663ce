package com.acme.pages;

import dev.next4j.redis.RedisPageCache;
import dev.next4j.runtime.App;
import dev.next4j.runtime.PageCache;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.util.Optional;

/** Names the shared cache: Redis when NEXT_REDIS_URL is set, else the app's memory. */
public final class _App implements App {
  @Override
  public Response wrap(Request request, Response page) {
    return page;
  }

  @Override
  public Optional<PageCache> pageCache() {
    return RedisPageCache.fromEnvironment();
  }
}
