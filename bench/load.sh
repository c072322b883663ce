#!/usr/bin/env bash
# Load test of the generated server (issue 13): bench/http's site jar under
#   1. wrk -t2 -cN -d10s, N keep-alive clients (default 100), on /blog/hello-world;
#   2. the same with 1,000 keep-alive clients (ulimit -n permitting);
#   3. 2,000 parallel POSTs of 1 MiB each (bench/http/PostFlood.java) to a route that reads the
#      body (/api/upload) and to a path with no route, the server on a small heap (-Xmx64m): it must
#      stay up, and its peak heap and RSS are printed.
# For each wrk run: req/s, p99, socket errors and non-2xx answers, and the load average.
#
#   bench/load.sh [N]
#
# Environment: JAVA (default /usr/lib/jvm/temurin-25-jdk-amd64/bin/java, the server's JVM; the
# POST client always runs on Java 25), MVN_ARGS, SKIP_BUILD=1 to reuse bench/http/site/target.
set -euo pipefail

clients=${1:-100}
root=$(cd "$(dirname "$0")/.." && pwd)
java25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
java=${JAVA:-$java25}
site=$root/bench/http/site/target/http-site.jar
work=$root/bench/target/load
mkdir -p "$work"
failed=0

command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q ${MVN_ARGS:-} -f "$root/bench/http/site" clean package
fi

start() { # start <port> <jvm flags...>: starts the site, waits for it, sets $pid
  local port=$1; shift
  "$java" "$@" -jar "$site" --port "$port" > "$work/server-$port.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0
    sleep 0.1
  done
  echo "error: the site did not start on port $port; see $work/server-$port.log" >&2
  exit 1
}

stop() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

run_wrk() { # run_wrk <port> <connections>
  local out
  out=$(wrk -t2 -c"$2" -d10s --latency "http://127.0.0.1:$1/blog/hello-world")
  local rate p99 errors non2xx
  rate=$(sed -n 's/^Requests\/sec: *//p' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(sed -n 's/^ *Socket errors: //p' <<<"$out")
  non2xx=$(sed -n 's/^ *Non-2xx or 3xx responses: //p' <<<"$out")
  printf '%5d clients: %10s req/s  p99 %8s  socket errors: %s  non-2xx: %s  load %s\n' "$2" "$rate" "$p99" \
    "${errors:-none}" "${non2xx:-0}" "$(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -n "$errors" ] || [ -n "$non2xx" ]; then
    failed=1
  fi
}

echo "== $("$java" -version 2>&1 | head -1); ulimit -n $(ulimit -n)"
start 39601 -XX:+UseSerialGC -Xmx512m
wrk -t2 -c"$clients" -d5s "http://127.0.0.1:39601/blog/hello-world" > /dev/null   # warm-up
run_wrk 39601 "$clients"
if [ "$(ulimit -n)" -ge 2100 ]; then
  run_wrk 39601 1000
else
  echo "skipped 1,000 clients: ulimit -n is $(ulimit -n)"
fi
stop

echo "== 2,000 parallel 1 MiB POSTs, server on -Xmx64m"
start 39602 -XX:+UseSerialGC -Xmx64m -Xlog:gc:file="$work/gc.log"
"$java25" "$root/bench/http/PostFlood.java" 39602 /api/upload 2000 1048576
"$java25" "$root/bench/http/PostFlood.java" 39602 /no-such-route 2000 1048576
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:39602/")
hwm=$(awk '/VmHWM/ {print $2 / 1024 " MiB"}' "/proc/$pid/status")
stop
peak=$(sed -n 's/.*Pause.* \([0-9]*\)M->[0-9]*M(\([0-9]*\)M).*/\1 \2/p' "$work/gc.log" | sort -n | tail -1)
echo "after the POSTs: GET / answers $status; peak heap before a GC ${peak% *} MiB of ${peak#* } MiB; peak RSS $hwm"
if grep -q OutOfMemoryError "$work/server-39602.log"; then
  echo "error: the server ran out of memory; see $work/server-39602.log" >&2
  failed=1
fi
[ "$status" = 200 ] || failed=1
exit $failed
