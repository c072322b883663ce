#!/usr/bin/env bash
# Per-request cost: next4j's generated server against a bare com.sun.net.httpserver serving the
# same three routes with the same bytes (bench/http/content), measured with wrk in one run
# (bench/http/HttpBench.java): each round launches each server afresh, in turn, checks their
# bodies are equal, warms them up and runs `wrk -t2 -cC -dSs` on `/`, `/blog/hello-world` and
# `/api/hello`. It prints req/s, p99, the server's CPU time per request (from /proc, split into
# handler threads, the JDK's dispatcher thread, GC, other and the JIT compilers) and the load
# average for every run, then the medians and next4j's ratios to the bare server, of req/s and of
# CPU per request: on a busy machine the CPU ratio is the one to judge by. Java 25, then Java 17;
# both servers run with the same JVM flags.
#
#   bench/http.sh [rounds [seconds [connections]]]      default 3 rounds, 5 s per path, 50 connections
#
# Environment:
#   JAVA25, JAVA17  JDK homes (default /usr/lib/jvm/temurin-25-jdk-amd64, /usr/lib/jvm/java-17-openjdk-amd64)
#   JVM_OPTS        the servers' JVM flags (default -XX:+UseSerialGC -Xmx512m)
#   MVN_ARGS        extra Maven arguments, e.g. "-o -Dmaven.repo.local=/path/to/repository"
#   SKIP_INSTALL    set to 1 when next4j is already installed in the local repository
#   ONLY            "25" or "17" to measure one JDK only
#   WARMUP          warm-up seconds per path and launch (default 10)
#   PATHS           the paths measured (default /,/blog/hello-world,/api/hello)
#   THREADS         set to 1 to list each run's busiest threads too
#
# Installs nothing on the machine: `mvn install` of next4j into the local Maven repository (unless
# SKIP_INSTALL=1); the site and the bare jar are built under bench/http/site/target and bench/target.
set -euo pipefail

rounds=${1:-3}
seconds=${2:-5}
connections=${3:-50}
root=$(cd "$(dirname "$0")/.." && pwd)
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
java17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64}
jvm_opts=${JVM_OPTS:--XX:+UseSerialGC -Xmx512m}
mvn_args=(-B -q ${MVN_ARGS:-})
work=$root/bench/target/http

command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  echo "installing next4j into the local repository"
  mvn "${mvn_args[@]}" -f "$root" install -DskipTests -Dinvoker.skip
fi
echo "building the next4j site (bench/http/site)"
mvn "${mvn_args[@]}" -f "$root/bench/http/site" clean package
echo "building the bare server jar"
rm -rf "$work" && mkdir -p "$work/classes/bench"
"$java25/bin/javac" --release 17 -d "$work/classes" "$root/bench/http/BareServer.java"
cp "$root"/bench/http/content/*.html "$work/classes/bench/"
"$java25/bin/jar" --create --file "$work/bare.jar" --main-class BareServer -C "$work/classes" .

site=$root/bench/http/site/target/http-site.jar
for version in 25 17; do
  [ -n "${ONLY:-}" ] && [ "$ONLY" != "$version" ] && continue
  home=$java25; [ "$version" = 17 ] && home=$java17
  echo
  echo "== Java $version ($("$home/bin/java" -version 2>&1 | head -1)), $jvm_opts; load before: $(cat /proc/loadavg)"
  "$java25/bin/java" -Dwarmup="${WARMUP:-10}" -Dpaths="${PATHS:-/,/blog/hello-world,/api/hello}" \
    -Dthreads="$([ "${THREADS:-0}" = 1 ] && echo true || echo false)" \
    "$root/bench/http/HttpBench.java" "$rounds" "$seconds" "$connections" \
    "bare-jdk=exec $home/bin/java $jvm_opts -jar $work/bare.jar {port}" \
    "next4j=exec $home/bin/java $jvm_opts -jar $site --port {port}"
  echo "load after: $(cat /proc/loadavg)"
done
