package dev.next4j.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Builds the image of an {@link ImageLayout} on a base with Jib, without a Docker daemon, and
 * writes it to a tarball ({@code docker load -i} takes it) or pushes it to a registry.
 *
 * <p>The same layout and spec give the same image digest: Jib gives every file the same
 * modification time (1970-01-01T00:00:01Z), owner and permissions, sorts each layer's entries, and
 * dates the image 1970-01-01.
 *
 * <pre>{@code
 * ImageBuilder.Result r = ImageBuilder.build(spec, ImageLayout.of(site), log);
 * // r.digest() = sha256:..., r.tarball() = Optional[target/site-1.0-image.tar]
 * }</pre>
 */
public final class ImageBuilder {
  private static final String TAR_PREFIX = "tar://";
  private static final String SCRATCH = "scratch";

  private ImageBuilder() {}

  /** What was built: the image's name, manifest digest and id (its config's digest), and where it went. */
  public record Result(String reference, String digest, String imageId, Optional<Path> tarball, boolean pushed) {}

  /** The base image as the spec names it. */
  sealed interface Base {
    record Scratch() implements Base {}

    record Tar(Path file) implements Base {}

    record Registry(ImageReference reference) implements Base {}
  }

  /** Reads {@code base}: {@code scratch}, {@code tar://<file>} or a registry reference. */
  static Base parseBase(String base, Path projectDirectory) throws ImageException {
    String trimmed = base.trim();
    if (trimmed.equals(SCRATCH)) {
      return new Base.Scratch();
    }
    if (trimmed.startsWith(TAR_PREFIX)) {
      Path file = projectDirectory.resolve(trimmed.substring(TAR_PREFIX.length())).normalize();
      if (!Files.isRegularFile(file)) {
        throw new ImageException(Messages.noTarBase(trimmed, file));
      }
      return new Base.Tar(file);
    }
    return new Base.Registry(reference("next.image.base", trimmed));
  }

  /** Builds the image and returns its digest; a user's mistake or an unreachable base is an {@link ImageException}. */
  public static Result build(ImageSpec spec, ImageLayout layout, ImageLog log)
      throws ImageException, IOException, InterruptedException {
    if (spec.port() < 1 || spec.port() > 65_535) {
      throw new ImageException(Messages.badPort(spec.port()));
    }
    ImageFormat format = format(spec.format());
    ImageReference target = reference("next.image.tag", spec.tag());
    Base base = parseBase(spec.base(), spec.projectDirectory());
    Consumer<LogEvent> events = event -> {
      switch (event.getLevel()) {
        case ERROR, WARN -> log.warn(event.getMessage());
        case LIFECYCLE -> log.info(event.getMessage());
        default -> { } // progress, info and debug are Jib's detail
      }
    };

    JibContainerBuilder builder;
    if (base instanceof Base.Tar tar) {
      builder = Jib.from(TarImage.at(tar.file()));
    } else if (base instanceof Base.Registry registry) {
      builder = Jib.from(withCredentials(registry.reference(), events));
    } else {
      builder = Jib.fromScratch();
    }
    for (ImageLayout.Layer layer : layout.layers()) {
      builder.addFileEntriesLayer(layer(layer));
    }
    builder
        .setEntrypoint(layout.entrypoint())
        .setWorkingDirectory(AbsoluteUnixPath.get(layout.workingDirectory()))
        .setExposedPorts(Port.tcp(spec.port()))
        .setEnvironment(spec.imageEnvironment())
        .setLabels(spec.labels())
        .setFormat(format)
        .setCreationTime(Instant.EPOCH);

    Files.createDirectories(spec.cacheDirectory());
    Containerizer containerizer;
    if (spec.push()) {
      containerizer = Containerizer.to(withCredentials(target, events));
    } else {
      Files.createDirectories(spec.tarball().toAbsolutePath().getParent());
      containerizer = Containerizer.to(TarImage.at(spec.tarball()).named(target));
    }
    containerizer
        .setOfflineMode(spec.offline())
        .setApplicationLayersCache(spec.cacheDirectory())
        .addEventHandler(LogEvent.class, events);
    // Our own threads, awaited below: after a failure Jib's would still be writing its cache.
    ExecutorService threads = Executors.newCachedThreadPool();
    containerizer.setExecutorService(threads);
    JibContainer container;
    try {
      container = builder.containerize(containerizer);
    } catch (RegistryException | CacheDirectoryCreationException e) {
      throw failed(spec, base, e);
    } catch (ExecutionException e) {
      throw failed(spec, base, e.getCause() != null ? e.getCause() : e);
    } finally {
      threads.shutdownNow();
      threads.awaitTermination(1, TimeUnit.MINUTES);
    }
    return new Result(
        target.toString(), container.getDigest().toString(), container.getImageId().toString(),
        spec.push() ? Optional.empty() : Optional.of(spec.tarball()), container.isImagePushed());
  }

  private static FileEntriesLayer layer(ImageLayout.Layer layer) {
    FileEntriesLayer.Builder builder = FileEntriesLayer.builder().setName(layer.name());
    for (ImageLayout.Entry entry : layer.entries()) {
      builder.addEntry(entry.source(), AbsoluteUnixPath.get(entry.target()));
    }
    return builder.build();
  }

  /** Credentials from {@code ~/.docker/config.json} and the usual credential helpers, as docker itself finds them. */
  private static RegistryImage withCredentials(ImageReference reference, Consumer<LogEvent> events) {
    CredentialRetrieverFactory credentials = CredentialRetrieverFactory.forImage(reference, events);
    return RegistryImage.named(reference)
        .addCredentialRetriever(credentials.dockerConfig())
        .addCredentialRetriever(credentials.wellKnownCredentialHelpers());
  }

  private static ImageReference reference(String what, String text) throws ImageException {
    try {
      return ImageReference.parse(text.trim());
    } catch (InvalidImageReferenceException e) {
      throw new ImageException(Messages.notAReference(what, text, "Jib cannot parse it"), e);
    }
  }

  private static ImageFormat format(String text) throws ImageException {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "docker" -> ImageFormat.Docker;
      case "oci" -> ImageFormat.OCI;
      default -> throw new ImageException(Messages.badFormat(text));
    };
  }

  private static ImageException failed(ImageSpec spec, Base base, Throwable cause) {
    String reason = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return new ImageException(Messages.buildFailed(spec.base(), base instanceof Base.Registry, spec.tag(), reason), cause);
  }
}
