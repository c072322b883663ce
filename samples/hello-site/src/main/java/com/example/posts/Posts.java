package com.example.posts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The blog's posts, kept in memory: the kind of service (a repository over a {@code DataSource}, a
 * client) that the site's {@code _Context} builds once and hands to the pages that need it.
 */
public final class Posts implements AutoCloseable {
  /** A post: its slug (its URL segment), title and text. */
  public record Post(String slug, String title, String text) {}

  private final Map<String, Post> bySlug = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** A repository holding {@code posts}. */
  public Posts(List<Post> posts) {
    posts.forEach(post -> bySlug.put(post.slug(), post));
  }

  /** The post at {@code slug}, if there is one. */
  public Optional<Post> find(String slug) {
    open();
    return Optional.ofNullable(bySlug.get(slug));
  }

  /** Every post, by slug. */
  public List<Post> all() {
    open();
    return bySlug.values().stream().sorted((a, b) -> a.slug().compareTo(b.slug())).toList();
  }

  /** Releases the repository (a real one would close its connection pool); later calls fail. */
  @Override
  public void close() {
    closed = true;
  }

  private void open() {
    if (closed) {
      throw new IllegalStateException("the posts repository is closed");
    }
  }
}
