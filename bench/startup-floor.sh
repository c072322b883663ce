#!/usr/bin/env bash
# Startup against the floor: next4j's generated server (bench/http/site, three routes) against the
# bare com.sun.net.httpserver serving the same routes (bench/http/BareServer.java), on Java 25 and
# on Java 17, both with the same JVM flags. For each JDK it prints
#   1. launch -> first HTTP 200 on GET /, alternating the two servers round by round
#      (bench/StartupBench.java): median, min, p90 and next4j's ratio to the bare server;
#   2. per launch: the classes the JVM loaded up to the first 200 (-Xlog:class+load, counted when
#      the 200 arrives; next4j's own and the lambda classes apart), the process's CPU time at that
#      moment, and its RSS after 1,000 more requests (/, /blog/hello-world, /api/hello in turn, one
#      keep-alive connection), with the load average next to each line.
#
#   bench/startup-floor.sh [rounds [launches]]     default 20 rounds, 5 launches for classes and RSS
#
# Environment:
#   JAVA25, JAVA17  JDK homes (default /usr/lib/jvm/temurin-25-jdk-amd64, /usr/lib/jvm/java-17-openjdk-amd64)
#   JVM_OPTS        the servers' JVM flags (default -XX:+UseSerialGC -Xmx512m)
#   MVN_ARGS        extra Maven arguments, e.g. "-o -Dmaven.repo.local=/path/to/repository"
#   SKIP_INSTALL    set to 1 when next4j is already installed in the local repository
#   ONLY            "25" or "17" to measure one JDK only
#
# Installs nothing on the machine: `mvn install` of next4j into the local Maven repository (unless
# SKIP_INSTALL=1); the jars and logs go to bench/http/site/target and bench/target/startup-floor.
# Wall times on a busy machine are mostly waiting for a core: compare within one run, and read the
# CPU column, which other load disturbs less.
set -euo pipefail

rounds=${1:-20}
launches=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
java17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64}
jvm_opts=${JVM_OPTS:--XX:+UseSerialGC -Xmx512m}
mvn_args=(-B -q ${MVN_ARGS:-})
work=$root/bench/target/startup-floor

command -v curl >/dev/null || { echo "error: curl is not installed" >&2; exit 1; }
if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  echo "installing next4j into the local repository"
  mvn "${mvn_args[@]}" -f "$root" install -DskipTests -Dinvoker.skip
fi
echo "building the next4j site (bench/http/site) and the bare server jar"
mvn "${mvn_args[@]}" -f "$root/bench/http/site" clean package
rm -rf "$work" && mkdir -p "$work/classes/bench"
"$java25/bin/javac" --release 17 -d "$work/classes" "$root/bench/http/BareServer.java"
cp "$root"/bench/http/content/*.html "$work/classes/bench/"
"$java25/bin/jar" --create --file "$work/bare.jar" --main-class BareServer -C "$work/classes" .
site=$root/bench/http/site/target/http-site.jar

# One line of the same 1,000 GETs for curl -K, written once per port.
requests() {
  local port=$1 k paths=("/" "/blog/hello-world" "/api/hello")
  for ((k = 0; k < 1000; k++)); do
    printf 'url = "http://127.0.0.1:%s%s"\noutput = "/dev/null"\n' "$port" "${paths[k % 3]}"
  done
}

# measure NAME JAVA_HOME JAR_ARGS...: one launch; prints classes, CPU at the first 200 and RSS after 1,000 requests.
measure() {
  local name=$1 home=$2; shift 2
  local port log pid code n=0 ticks cpu classes own lambdas ok rss
  port=$((30000 + RANDOM % 20000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((30000 + RANDOM % 20000)); done
  log=$work/$name.classes.log
  # shellcheck disable=SC2086
  "$home/bin/java" $jvm_opts "-Xlog:class+load=info:file=$log" -jar "${@/\{port\}/$port}" >"$work/$name.out" 2>&1 &
  pid=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/" 2>/dev/null || true)
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || { echo "$name: exited before answering; see $work/$name.out" >&2; return 1; }
    (( n++ < 30000 )) || { kill "$pid"; echo "$name: no 200 within 60 s" >&2; return 1; }
    sleep 0.002
  done
  read -r -a ticks < <(sed 's/.*) //' "/proc/$pid/stat")
  cpu=$(( (ticks[11] + ticks[12]) * 1000 / $(getconf CLK_TCK) ))
  classes=$(wc -l < "$log")
  own=$(head -n "$classes" "$log" | grep -c -E ' (dev\.next4j|bench\.|BareServer)' || true)
  lambdas=$(head -n "$classes" "$log" | grep -c -E '\$\$Lambda|LambdaForm\$' || true)
  requests "$port" > "$work/requests.cfg"
  ok=$(curl -s --max-time 10 -K "$work/requests.cfg" -w '%{http_code}\n' | grep -c '^200$' || true)
  sleep 0.2
  rss=$(awk '/^VmRSS:/{printf "%.1f", $2/1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '%-8s classes %5d (own %3d, lambda forms and lambdas %3d)  cpu %4d ms  rss %6.1f MiB after %d x 200  load %s\n' \
    "$name" "$classes" "$own" "$lambdas" "$cpu" "$rss" "$ok" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

for version in 25 17; do
  [ -n "${ONLY:-}" ] && [ "$ONLY" != "$version" ] && continue
  home=$java25; [ "$version" = 17 ] && home=$java17
  echo
  echo "== Java $version ($("$home/bin/java" -version 2>&1 | head -1)), $jvm_opts; load before: $(cat /proc/loadavg)"
  "$java25/bin/java" "$root/bench/StartupBench.java" "$rounds" \
    "bare-jdk=$home/bin/java $jvm_opts -jar $work/bare.jar {port}" \
    "next4j=$home/bin/java $jvm_opts -jar $site --port {port}"
  for ((i = 0; i < launches; i++)); do
    measure bare-jdk "$home" "$work/bare.jar" "{port}"
    measure next4j "$home" "$site" --port "{port}"
  done
  echo "load after: $(cat /proc/loadavg)"
done
