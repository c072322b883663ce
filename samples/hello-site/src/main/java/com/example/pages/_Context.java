package com.example.pages;

import com.example.posts.Posts;
import com.example.posts.Posts.Post;
import dev.next4j.runtime.Env;
import java.util.List;

/**
 * The site's services: built once by the generated {@code NextServer} (with the app's environment,
 * the {@code .env} files under the process environment) and handed to every page whose public
 * constructor takes it ({@link Index}, {@code blog/$slug}); the app closes it on shutdown, after the
 * requests in flight finished. Under {@code next:run} it survives every reload that does not change
 * it or a class it uses.
 */
public final class _Context implements AutoCloseable {
  private final String blogTitle;
  private final Posts posts;

  public _Context(Env env) {
    this.blogTitle = env.get("BLOG_TITLE").orElse("The blog");
    this.posts = new Posts(List.of(
        new Post("first-post", "The first post", "The first post."),
        new Post("second-post", "Another one", "Another one.")));
  }

  /** The blog's title, {@code BLOG_TITLE} from the environment. */
  public String blogTitle() {
    return blogTitle;
  }

  /** The blog's posts. */
  public Posts posts() {
    return posts;
  }

  @Override
  public void close() {
    posts.close();
  }
}
