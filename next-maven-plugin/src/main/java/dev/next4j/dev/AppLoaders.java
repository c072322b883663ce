package dev.next4j.dev;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * The class loaders of a dev session. A base loader holds the project's dependencies for the
 * whole session; each reload gets a fresh loader, child of the base, for the project's own classes
 * and resources, so edited classes are loaded anew while dependencies stay loaded. A site with
 * services ({@code _Context}) has one more loader between the two, {@link #services}, holding the
 * context's classes for as long as the context lives (see {@code DevContext}).
 *
 * <p>The runtime ({@code dev.next4j.runtime} and its subpackages) is shared with the dev server,
 * on purpose: every class of it comes from the dev server's loader, never from the project's
 * class path. The dev server reaches apps it did not make (a custom server's) only through the one
 * static {@code HostSlot} of {@code dev.next4j.runtime.host}, which must be the same for both; and
 * the route tables a reload loads must be of the very {@code RouteTable} class the running app
 * serves. So the project's next-runtime jar is left off {@code dependencies}, and {@code next:run}
 * checks first that its version is the plugin's (see {@code RunMojo}). The project's classes
 * folder is never on the base loader's path: if it were, the base would answer first and edits
 * would be ignored.
 */
final class AppLoaders {
  private static final String RUNTIME_PACKAGE = "dev.next4j.runtime.";
  private static final String RUNTIME_FOLDER = "dev/next4j/runtime/";

  private final ClassLoader base;
  private final URL[] projectUrls;
  private final Current current;
  private int generation;

  /**
   * @param runtime the loader of the dev server's own runtime classes
   * @param dependencies the project's runtime class path without its classes folder and without
   *     next-runtime
   * @param projectFolders resource folders first (so an edit shows without a copy to the classes
   *     folder), then the classes folder
   */
  AppLoaders(ClassLoader runtime, List<Path> dependencies, List<Path> projectFolders) {
    this.base = new URLClassLoader("next-dev-dependencies", urls(dependencies), new RuntimeBridge(runtime));
    this.projectUrls = folderUrls(projectFolders);
    this.current = new Current(base);
  }

  /** A fresh loader for the project's classes as they are on disk now. */
  ClassLoader next() {
    return next(base);
  }

  /**
   * A fresh loader for the project's classes as they are on disk now, child of {@code parent}: the
   * base, or a {@linkplain #services services loader}, whose classes it then takes from there.
   */
  ClassLoader next(ClassLoader parent) {
    generation++;
    return new URLClassLoader("next-dev-" + generation, projectUrls, parent);
  }

  /** The loader a session starts from: the dependencies and the runtime, none of the project's classes. */
  ClassLoader base() {
    return base;
  }

  /**
   * A loader, child of the base, that loads from the project's folders only the classes named in
   * {@code classNames} (binary names) and answers every other project class as not found, so that
   * a reload's loader made over it ({@link #next(ClassLoader)}) shares those classes and loads the
   * rest anew: the site's {@code _Context} and what it uses, kept across reloads (see {@code
   * DevContext}).
   */
  ClassLoader services(Set<String> classNames) {
    return new ServicesLoader(projectUrls, base, Set.copyOf(classNames));
  }

  /**
   * A loader that always answers as the newest good generation does: the context class loader of
   * every thread that runs app code, so that code looking up classes or resources through it
   * ({@code ServiceLoader}, template engines) sees the app as it is now, as it would in production.
   */
  ClassLoader current() {
    return current;
  }

  /** Makes {@code loader} the one {@link #current()} answers for. */
  void use(ClassLoader loader) {
    current.delegate = loader;
  }

  private static URL[] urls(List<Path> paths) {
    List<URL> urls = new ArrayList<>();
    for (Path path : paths) {
      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException impossible) {
        throw new IllegalArgumentException("not a class path entry: " + path, impossible);
      }
    }
    return urls.toArray(URL[]::new);
  }

  /**
   * Folder URLs ending in {@code /}, also for a folder that does not exist yet ({@link
   * Path#toUri()} adds the slash only to an existing one, and without it a URLClassLoader reads the
   * entry as a jar): a resource folder made after the session started is then read like the others.
   */
  private static URL[] folderUrls(List<Path> folders) {
    List<URL> urls = new ArrayList<>();
    for (Path folder : folders) {
      String uri = folder.toAbsolutePath().toUri().toString();
      try {
        urls.add(URI.create(uri.endsWith("/") ? uri : uri + "/").toURL());
      } catch (MalformedURLException impossible) {
        throw new IllegalArgumentException("not a class path folder: " + folder, impossible);
      }
    }
    return urls.toArray(URL[]::new);
  }

  private static final class Current extends ClassLoader {
    private volatile ClassLoader delegate;

    Current(ClassLoader initial) {
      super("next-dev-current", null);
      this.delegate = initial;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      return delegate.loadClass(name);
    }

    @Override
    public URL getResource(String name) {
      return delegate.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return delegate.getResources(name);
    }
  }

  /** Loads only the services' classes from the project's folders; resources as any loader does. */
  private static final class ServicesLoader extends URLClassLoader {
    private final Set<String> classNames;

    ServicesLoader(URL[] urls, ClassLoader parent, Set<String> classNames) {
      super("next-dev-services", urls, parent);
      this.classNames = classNames;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      if (!classNames.contains(name)) {
        throw new ClassNotFoundException(name);
      }
      return super.findClass(name);
    }
  }

  /** Sees the JDK, and the runtime through the dev server's loader; nothing else of Maven's. */
  private static final class RuntimeBridge extends ClassLoader {
    private final ClassLoader runtime;

    RuntimeBridge(ClassLoader runtime) {
      super("next-dev-runtime", ClassLoader.getPlatformClassLoader());
      this.runtime = runtime;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(RUNTIME_PACKAGE)) {
        return runtime.loadClass(name);
      }
      return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
      return name.startsWith(RUNTIME_FOLDER) ? runtime.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return name.startsWith(RUNTIME_FOLDER) ? runtime.getResources(name) : super.getResources(name);
    }
  }
}
