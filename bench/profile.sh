#!/usr/bin/env bash
# Where a request's time and bytes go in the generated server of bench/http/site: starts the site
# jar (built by http.sh), starts a JFR recording (1 ms CPU sampling) at once, warms one path up
# with wrk (two runs, WARMUP seconds in all), records under `wrk -t2 -cC -dSs`, and dumps only those
# last S seconds (JFR.dump begin=-Ss): neither the warm-up's compilations nor the deoptimisation
# that starting JFR mid-run causes (a JVMTI state change) fall into what is shown. Prints JFR's
# own views of it: the hot methods (CPU samples, top frame), the allocations by site, the CPU load,
# and the compilations in the window (none when the warm-up was long enough). The recording stays
# in bench/target/profile/ for `jfr print` or JDK Mission Control.
#
# With PERF=1 it records with Linux perf instead (`perf record -g` of the server process, the JIT's
# symbols from `jcmd PID Compiler.perfmap`, -XX:+PreserveFramePointer): that shows the kernel's
# share (system calls, context switches), which JFR's samples of Java frames do not.
#
#   bench/profile.sh [path [seconds [connections]]]   default /blog/hello-world, 10 s, 50 connections
#
# Environment:
#   JAVA_HOME_RUN   the JDK the site runs on (default /usr/lib/jvm/temurin-25-jdk-amd64; `jfr view`
#                   needs 21+, so the views are always printed with Temurin 25's `jfr`)
#   JVM_OPTS        the site's JVM flags (default -XX:+UseSerialGC -Xmx512m, as http.sh)
#   BARE            set to 1 to profile bench/http's bare JDK server instead (bench/target/http/bare.jar)
#   WARMUP          warm-up seconds before the recorded run (default 20: on a busy 2-core machine
#                   the C2 compiler still works through its queue after 10)
#   PERF            set to 1 to record with perf (needs perf and perf_event access) instead of JFR
set -euo pipefail

path=${1:-/blog/hello-world}
seconds=${2:-10}
connections=${3:-50}
root=$(cd "$(dirname "$0")/.." && pwd)
java25=/usr/lib/jvm/temurin-25-jdk-amd64
home=${JAVA_HOME_RUN:-$java25}
jvm_opts=${JVM_OPTS:--XX:+UseSerialGC -Xmx512m}
warmup=${WARMUP:-20}
perf=${PERF:-0}
[ "$perf" = 1 ] && jvm_opts="$jvm_opts -XX:+PreserveFramePointer"
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
if [ "$perf" != 1 ]; then
  "$home/bin/jcmd" "$pid" JFR.start name=profile settings=profile "jdk.ExecutionSample#period=1ms" \
    "jdk.Compilation#threshold=0ms" > /dev/null
fi
half=$(( (warmup + 1) / 2 ))
wrk -t2 -c"$connections" -d"${half}s" "http://127.0.0.1:$port$path" > /dev/null
wrk -t2 -c"$connections" -d"${half}s" "http://127.0.0.1:$port$path" > /dev/null
if [ "$perf" != 1 ]; then
  # A dump closes the recording's current chunk, so that the one below (begin=-S, which keeps whole
  # chunks) holds the measured run only.
  "$home/bin/jcmd" "$pid" JFR.dump name=profile filename="$out/$name-warmup.jfr" > /dev/null
fi
if [ "$perf" = 1 ]; then
  command -v perf > /dev/null || { echo "error: perf is not installed" >&2; exit 1; }
  recording=$out/$name.perf.data
  perf record -q -F 999 -g -p "$pid" -o "$recording" -- sleep "$seconds" > /dev/null 2>&1 &
  recorder=$!
fi
wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "requests in|Requests/sec|99%"
if [ "$perf" = 1 ]; then
  wait "$recorder" || true
  "$home/bin/jcmd" "$pid" Compiler.perfmap > /dev/null
else
  "$home/bin/jcmd" "$pid" JFR.dump name=profile begin=-"${seconds}s" filename="$recording" > /dev/null
  "$home/bin/jcmd" "$pid" JFR.stop name=profile > /dev/null
fi
echo "load after: $(cat /proc/loadavg)"
kill "$pid"; wait "$pid" 2>/dev/null || true
trap - EXIT
if [ "$perf" = 1 ]; then
  echo "-- CPU samples by thread and where (kernel, JIT-compiled Java, the JVM)"
  perf report -i "$recording" --no-children --sort comm,dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -15
  echo "-- hottest symbols of the handler threads (virtual-thread carriers, or the pool on 17)"
  perf report -i "$recording" --no-children --sort comm,sym --stdio -g none 2>/dev/null | grep -v '^#' \
    | grep -E 'ForkJoinPool|next4j-http|pool-' | head -40
  echo "recording: $recording (perf report -i $recording; symbols in /tmp/perf-$pid.map)"
  exit 0
fi
for view in hot-methods allocation-by-site cpu-load-samples; do
  "$java25/bin/jfr" view --width 160 "$view" "$recording" | head -40
done
echo "compilations in the recorded window: $("$java25/bin/jfr" summary "$recording" | awk '$1 == "jdk.Compilation" {print $2}')"
echo "recording: $recording"
