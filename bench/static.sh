#!/usr/bin/env bash
# Static pages benchmark: (1) `mvn package` of a site whose /blog/[slug] StaticPage lists 10,000
# paths, against the same site with that page as a server Page (nothing to prerender): the build's
# extra time and the prerendering rate (pages/s, from the prerendering JVM's own line); (2) the
# throughput of one prerendered page against the same HTML rendered per request by a Page, in
# alternating rounds against one running jar (bench/StaticBench.java).
#
#   bench/static.sh [rounds]          default 5 rounds of 3 s per path
#
# Environment:
#   MVN_ARGS      extra Maven arguments, e.g. "-o -Dmaven.repo.local=/root/.m2-build/repository"
#   SKIP_INSTALL  set to 1 when next4j is already installed in the local repository
#   SERVING_ONLY  set to 1 to build the static-paths site once, untimed, and measure only the serving
#
# Writes under bench/target/. Timings on a busy 2-core machine are noisy: read the medians, and
# compare only numbers from one run.
set -euo pipefail

rounds=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/bench/target
java=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/java
[ -x "$java" ] || java=java
mvn_args=(-B -q ${MVN_ARGS:-})
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)

if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  echo "installing next4j $version into the local repository"
  mvn "${mvn_args[@]}" -f "$root" install -DskipTests -Dinvoker.skip
fi

site() { # site <dir> <kind of /blog/[slug]: static|page>
  local site=$1 pages=$1/src/main/java/bench/pages
  rm -rf "$site" && mkdir -p "$pages/blog" "$pages/live"
  sed -e 's:<artifactId>hello-site</artifactId>:<artifactId>static-bench</artifactId>:' \
      -e "s:<next4j.version>.*</next4j.version>:<next4j.version>$version</next4j.version>:" \
      "$root/samples/hello-site/pom.xml" > "$site/pom.xml"
  # The HTML both pages make: a title and a 40-item list, escaped; about 1.3 kB.
  cat > "$pages/_Html.java" <<'JAVA'
package bench.pages;

public final class _Html {
  private _Html() {}

  public static String post(String slug) {
    StringBuilder html = new StringBuilder("<!doctype html><html><head><title>")
        .append(dev.next4j.runtime.Html.text(slug)).append("</title></head><body><h1>Post ")
        .append(dev.next4j.runtime.Html.text(slug)).append("</h1><ul>");
    for (int i = 0; i < 40; i++) {
      html.append("<li>item ").append(i).append(" of ").append(dev.next4j.runtime.Html.text(slug)).append("</li>");
    }
    return html.append("</ul></body></html>").toString();
  }
}
JAVA
  if [ "$2" = static ]; then
    cat > "$pages/blog/\$slug.java" <<'JAVA'
package bench.pages.blog;

import java.util.List;
import java.util.stream.IntStream;

public final class $slug implements dev.next4j.runtime.StaticPage<bench.Routes.BlogSlug> {
  @Override
  public dev.next4j.runtime.Response render(bench.Routes.BlogSlug params) {
    return dev.next4j.runtime.Response.html(bench.pages._Html.post(params.slug()));
  }

  @Override
  public List<bench.Routes.BlogSlug> paths() {
    return IntStream.range(0, 10_000).mapToObj(i -> new bench.Routes.BlogSlug("post-" + i)).toList();
  }
}
JAVA
  else
    cat > "$pages/blog/\$slug.java" <<'JAVA'
package bench.pages.blog;

public final class $slug implements dev.next4j.runtime.Page<bench.Routes.BlogSlug> {
  @Override
  public dev.next4j.runtime.Response render(dev.next4j.runtime.Request request, bench.Routes.BlogSlug params) {
    return dev.next4j.runtime.Response.html(bench.pages._Html.post(params.slug()));
  }
}
JAVA
  fi
  cat > "$pages/live/\$slug.java" <<'JAVA'
package bench.pages.live;

public final class $slug implements dev.next4j.runtime.Page<bench.Routes.LiveSlug> {
  @Override
  public dev.next4j.runtime.Response render(dev.next4j.runtime.Request request, bench.Routes.LiveSlug params) {
    return dev.next4j.runtime.Response.html(bench.pages._Html.post(params.slug()));
  }
}
JAVA
}

millis() { date +%s%3N; }

if [ "${SERVING_ONLY:-0}" = 1 ]; then
  site "$work/static-paths" static
  mvn -B -f "$work/static-paths" package -DskipTests ${MVN_ARGS:-} > "$work/static-paths.log"
  grep -h 'next4j prerendered' "$work/static-paths.log" | sed 's/^\[INFO\] //'
else
echo "== build: 10,000 static paths against none"
site "$work/static-paths" static
site "$work/server-paths" page
for kind in server static; do # one untimed build each: Maven's own start-up and plugin loading
  mvn "${mvn_args[@]}" -f "$work/$kind-paths" package -DskipTests > /dev/null
done
for kind in server static server static; do
  begun=$(millis)
  mvn -B -f "$work/$kind-paths" package -DskipTests ${MVN_ARGS:-} > "$work/$kind-paths.log"
  echo "mvn package, /blog/[slug] as $kind page: $(( $(millis) - begun )) ms"
done
grep -h 'next4j prerendered' "$work/static-paths.log" | sed 's/^\[INFO\] //'
line=$(grep -h 'next4j prerendered' "$work/static-paths.log")
pages=$(echo "$line" | sed 's/.*prerendered \([0-9]*\) pages.*/\1/')
ms=$(echo "$line" | sed 's/.* in \([0-9]*\) ms.*/\1/')
echo "prerendering: $pages pages in $ms ms = $(( pages * 1000 / ms )) pages/s (inside the prerendering JVM)"
ls -l "$work/static-paths/target/static-bench.jar" "$work/server-paths/target/static-bench.jar" | awk '{print $5, $9}'
fi

echo "== serving: the prerendered /blog/post-1 against /live/post-1 rendered per request (same HTML)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
"$java" -jar "$work/static-paths/target/static-bench.jar" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do
  if grep -q 'ready on' "$work/serve.log"; then break; fi
  sleep 0.1
done
grep -q 'ready on' "$work/serve.log" || { echo "the site did not start within 120 s:"; cat "$work/serve.log"; exit 1; }
sed 's/^/server: /' "$work/serve.log"
for path in /blog/post-1 /live/post-1; do
  status=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "http://127.0.0.1:$port$path")
  [ "${status%% *}" = 200 ] && [ "${status##* }" -gt 0 ] || { echo "$path answered $status (status, bytes); expected 200 with a body"; exit 1; }
done
cmp <(curl -s "http://127.0.0.1:$port/blog/post-1") <(curl -s "http://127.0.0.1:$port/live/post-1") \
  && echo "same body from both paths ($(curl -s "http://127.0.0.1:$port/blog/post-1" | wc -c) bytes)"
"$java" "$root/bench/StaticBench.java" "$port" /blog/post-1 /live/post-1 "$rounds" 3 4
kill $server
