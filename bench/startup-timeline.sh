#!/usr/bin/env bash
# Where startup goes, next4j's generated server (bench/http/site) against the bare JDK server
# (bench/http/BareServer.java), on Java 25 and 17: per launch, a timeline from the JVM's start to the
# first HTTP 200 on GET /, the classes loaded, the JIT's compilations and the CPU of each thread up
# to that 200. Run bench/startup-floor.sh first: it builds the two jars this script launches.
#
#   bench/startup-timeline.sh [launches]     default 8 launches of each server per JDK
#
# Per launch one line, times in ms since the JVM started (-Xlog uptime):
#   main     the main class loaded (the launcher has opened the jar and is about to call main)
#   bind     sun.net.httpserver.ServerImpl loaded (HttpServer.create: the socket is bound next)
#   conn     sun.net.httpserver.HttpConnection loaded (the server accepted its first connection)
#   resp     sun.net.httpserver.FixedLengthOutputStream loaded (the first response's headers go out)
#   200      curl has the first 200 (the client polls every 5 ms from launch)
#   classes  loaded up to the 200, of which from the jar (parsed and verified, not from the JDK's CDS)
#   jit      compilations started up to the 200 (-Xlog:jit+compilation)
#   cpu      ms on a CPU up to the 200 (/proc/PID/task/*/schedstat): all threads; main = the thread
#            that ran main(); req = the thread that served the first request; jit = the compiler threads
# then the medians of each column. Wall times depend on the machine's load (printed with each line);
# CPU, classes and compilations much less.
#
# Environment: JAVA25, JAVA17, JVM_OPTS, ONLY as for bench/startup-floor.sh; SITE another jar of
# bench/http/site (e.g. one built with an earlier runtime) in place of its target/http-site.jar; LOGS=1 keeps each
# launch's class-load and JIT logs in bench/target/startup-timeline.
set -euo pipefail

launches=${1:-8}
root=$(cd "$(dirname "$0")/.." && pwd)
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
java17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64}
jvm_opts=${JVM_OPTS:--XX:+UseSerialGC -Xmx512m}
bare=$root/bench/target/startup-floor/bare.jar
site=${SITE:-$root/bench/http/site/target/http-site.jar}
work=$root/bench/target/startup-timeline
for jar in "$bare" "$site"; do
  [ -f "$jar" ] || { echo "error: $jar is missing; run bench/startup-floor.sh first" >&2; exit 1; }
done
rm -rf "$work" && mkdir -p "$work"

# ms: the uptime (ms) of the first class-load line naming class $2 in log $1, else "-".
ms() {
  local at
  at=$(grep -m1 -F "] $2 source" "$1" | sed -E 's/^(\[[0-9]+ms\])?\[([0-9]+)ns\].*/\2/' || true)
  [ -n "$at" ] && echo $((at / 1000000)) || echo -
}

# launch NAME JAVA_HOME JAR ARGS...: one launch; prints its line and appends its numbers to $work/NAME.tsv.
launch() {
  local name=$1 home=$2; shift 2
  local port pid code n=0 cl jit sent got start log_ms up_ms t200 line
  port=$((30000 + RANDOM % 20000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((30000 + RANDOM % 20000)); done
  cl=$work/$name.classes.log jit=$work/$name.jit.log
  sent=$(date +%s%3N)
  # shellcheck disable=SC2086
  "$home/bin/java" $jvm_opts "-Xlog:class+load=info:file=$cl:uptimenanos,timemillis" \
    "-Xlog:jit+compilation=debug:file=$jit:uptimenanos" -jar "${@/\{port\}/$port}" >"$work/$name.out" 2>&1 &
  pid=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/" 2>/dev/null || true)
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || { echo "$name: exited before answering; see $work/$name.out" >&2; return 1; }
    (( n++ < 12000 )) || { kill "$pid"; echo "$name: no 200 within 60 s" >&2; return 1; }
    sleep 0.005
  done
  got=$(date +%s%3N)
  # CPU per thread, in ns: all, the main() thread (the second "java" task), the first request's, the compilers.
  local all=0 main=0 req=0 comp=0 tid comm run first=1
  for task in /proc/"$pid"/task/*; do
    tid=${task##*/}; comm=$(cat "$task/comm" 2>/dev/null || true); run=$(cut -d' ' -f1 "$task/schedstat" 2>/dev/null || echo 0)
    all=$((all + run))
    case $comm in
      java) if [ "$tid" != "$pid" ] && [ "$first" = 1 ]; then main=$run; first=0; fi ;;
      C1*|C2*|"C1 CompilerThre"*|"C2 CompilerThre"*) comp=$((comp + run)) ;;
      ForkJoinPool-1-*|next4j-*|pool-1-thread-1) [ "$run" -gt "$req" ] && req=$run ;;
    esac
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  # The JVM's start on the wall clock: a line's timemillis minus its uptime.
  line=$(head -1 "$cl")
  log_ms=$(sed -E 's/^\[([0-9]+)ms\].*/\1/' <<<"$line")
  up_ms=$(( $(sed -E 's/^\[[0-9]+ms\]\[([0-9]+)ns\].*/\1/' <<<"$line") / 1000000 ))
  start=$((log_ms - up_ms))
  t200=$((got - start))
  # Counted up to the 200.
  local classes own comps
  classes=$(awk -v t="$t200" -F'[][]' '{ sub("ns", "", $4); if ($4 / 1e6 <= t) n++ } END { print n + 0 }' "$cl")
  own=$(awk -v t="$t200" -F'[][]' '{ sub("ns", "", $4); if ($4 / 1e6 <= t && / source: (file|jar):/) n++ } END { print n + 0 }' "$cl")
  comps=$(awk -v t="$t200" -F'[][]' '{ sub("ns", "", $2); if ($2 / 1e6 <= t) n++ } END { print n + 0 }' "$jit")
  local mainclass=BareServer
  [ "$name" = next4j ] && mainclass=bench.site.NextServer
  printf '%-8s launch %4d  main %4s  bind %4s  conn %4s  resp %4s  200 %4d | classes %4d (jar %3d)  jit %4d | cpu %4d  main %4d  req %4d  jit %4d | load %s\n' \
    "$name" $((start - sent)) "$(ms "$cl" "$mainclass")" "$(ms "$cl" sun.net.httpserver.ServerImpl)" \
    "$(ms "$cl" sun.net.httpserver.HttpConnection)" "$(ms "$cl" sun.net.httpserver.FixedLengthOutputStream)" "$t200" \
    "$classes" "$own" "$comps" $((all / 1000000)) $((main / 1000000)) $((req / 1000000)) $((comp / 1000000)) \
    "$(cut -d' ' -f1 /proc/loadavg)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(ms "$cl" "$mainclass")" "$(ms "$cl" sun.net.httpserver.ServerImpl)" \
    "$t200" "$classes" "$own" "$comps" $((all / 1000000)) $((main / 1000000)) $((req / 1000000)) $((comp / 1000000)) >>"$work/$name.tsv"
  if [ "${LOGS:-0}" = 1 ]; then
    mv "$cl" "$work/$name.$sent.classes.log"; mv "$jit" "$work/$name.$sent.jit.log"
  fi
}

# median of column $2 of file $1
median() {
  cut -f"$2" "$1" | grep -v '^-$' | sort -n | awk '{ v[NR] = $1 } END { print (NR ? v[int((NR + 1) / 2)] : "-") }'
}

for version in 25 17; do
  [ -n "${ONLY:-}" ] && [ "$ONLY" != "$version" ] && continue
  home=$java25; [ "$version" = 17 ] && home=$java17
  echo
  echo "== Java $version ($("$home/bin/java" -version 2>&1 | head -1)), $jvm_opts; load before: $(cat /proc/loadavg)"
  rm -f "$work"/*.tsv
  for ((i = 0; i < launches; i++)); do
    launch bare-jdk "$home" "$bare" "{port}"
    launch next4j "$home" "$site" --port "{port}"
  done
  for name in bare-jdk next4j; do
    printf '%-8s median: main %s  bind %s  200 %s | classes %s (jar %s)  jit %s | cpu %s  main %s  req %s  jit %s\n' "$name" \
      "$(median "$work/$name.tsv" 1)" "$(median "$work/$name.tsv" 2)" "$(median "$work/$name.tsv" 3)" \
      "$(median "$work/$name.tsv" 4)" "$(median "$work/$name.tsv" 5)" "$(median "$work/$name.tsv" 6)" \
      "$(median "$work/$name.tsv" 7)" "$(median "$work/$name.tsv" 8)" "$(median "$work/$name.tsv" 9)" \
      "$(median "$work/$name.tsv" 10)"
  done
  echo "load after: $(cat /proc/loadavg)"
done
