package dev.next4j.image;

/** Where the image build reports progress and warnings; next:image passes Maven's log. */
public interface ImageLog {
  void info(String message);

  void warn(String message);
}
