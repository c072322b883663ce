#!/usr/bin/env bash
# Where a request's time and bytes go in the generated server of bench/http/site: starts the site
# jar (built by http.sh) with a JFR recording, warms one path up with wrk, records under
# `wrk -t2 -cC -dSs`, and prints JFR's own views of the recording: the hot methods (CPU samples,
# top frame), the allocations by site, and the CPU load. The recording stays in
# bench/target/profile/ for `jfr print` or JDK Mission Control.
#
#   bench/profile.sh [path [seconds [connections]]]   default /blog/hello-world, 10 s, 50 connections
#
# Environment:
#   JAVA_HOME_RUN   the JDK the site runs on (default /usr/lib/jvm/temurin-25-jdk-amd64; `jfr view`
#                   needs 21+, so the views are always printed with Temurin 25's `jfr`)
#   JVM_OPTS        the site's JVM flags (default -XX:+UseSerialGC -Xmx512m, as http.sh)
#   BARE            set to 1 to profile bench/http's bare JDK server instead (bench/target/http/bare.jar)
set -euo pipefail

path=${1:-/blog/hello-world}
seconds=${2:-10}
connections=${3:-50}
root=$(cd "$(dirname "$0")/.." && pwd)
java25=/usr/lib/jvm/temurin-25-jdk-amd64
home=${JAVA_HOME_RUN:-$java25}
jvm_opts=${JVM_OPTS:--XX:+UseSerialGC -Xmx512m}
out=$root/bench/target/profile
mkdir -p "$out"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
if [ "${BARE:-0}" = 1 ]; then
  jar=$root/bench/target/http/bare.jar; name=bare; args=("$port")
else
  jar=$root/bench/http/site/target/http-site.jar; name=next4j; args=(--port "$port")
fi
[ -f "$jar" ] || { echo "error: $jar is missing: run bench/http.sh once (it builds both jars)" >&2; exit 1; }
recording=$out/$name.jfr
rm -f "$recording"

echo "== $name on $("$home/bin/java" -version 2>&1 | head -1), $jvm_opts, $path; load before: $(cat /proc/loadavg)"
# shellcheck disable=SC2086
"$home/bin/java" $jvm_opts -jar "$jar" "${args[@]}" > "$out/$name.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "http://127.0.0.1:$port$path" && break
  sleep 0.1
done
wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$port$path" > /dev/null
"$home/bin/jcmd" "$pid" JFR.start name=profile settings=profile "jdk.ExecutionSample#period=1ms" filename="$recording" > /dev/null
wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|99%"
"$home/bin/jcmd" "$pid" JFR.stop name=profile > /dev/null
echo "load after: $(cat /proc/loadavg)"
kill "$pid"; wait "$pid" 2>/dev/null || true
trap - EXIT
for view in hot-methods allocation-by-site cpu-load-samples; do
  "$java25/bin/jfr" view --width 160 "$view" "$recording" | head -40
done
echo "recording: $recording"
