#!/usr/bin/env bash
# Startup benchmark: launch -> first HTTP 200 of the runnable jar of a 100-page next4j site, against
# a bare com.sun.net.httpserver hello-world jar, alternating them round by round in one run
# (bench/StartupBench.java), on Java 25. Then the same two with JVM AOT caches: the site's made by
# `mvn next:build -Dnext.aot`, the hello-world's by one training run.
#
#   bench/startup.sh [rounds]          default 20 rounds
#
# bench/startup-floor.sh compares the generated server with a bare JDK server on the same routes
# instead, on Java 25 and 17, with the classes loaded and the RSS after 1,000 requests.
#
# Environment:
#   JAVA25        a JDK 25 home (default /usr/lib/jvm/temurin-25-jdk-amd64): runs the jars and the AOT training
#   MVN_ARGS      extra Maven arguments, e.g. "-o -Dmaven.repo.local=/root/.m2-build/repository"
#   SKIP_INSTALL  set to 1 when next4j is already installed in the local repository
#
# Installs nothing on the machine. It runs `mvn install` of next4j into the local Maven repository
# (unless SKIP_INSTALL=1), and writes everything else under bench/target/. Maven runs on the default
# JDK (17 here); the site's bytecode targets 17 and runs on 25. Timings on a busy machine are noisy:
# compare medians from one run, where both commands shared the same noise.
set -euo pipefail

rounds=${1:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/bench/target
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
java=$java25/bin/java
mvn_args=(-B -q ${MVN_ARGS:-})
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)

if [ ! -x "$java" ]; then
  echo "error: no JDK 25 at $java25; set JAVA25 to a JDK 25 home" >&2
  exit 1
fi
if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  echo "installing next4j $version into the local repository"
  mvn "${mvn_args[@]}" -f "$root" install -DskipTests -Dinvoker.skip
fi

echo "generating a 100-page site in bench/target/site100"
site=$work/site100
pages=$site/src/main/java/bench/pages
rm -rf "$site" && mkdir -p "$pages"
sed -e 's:<artifactId>hello-site</artifactId>:<artifactId>site100</artifactId>:' \
    -e "s:<next4j.version>.*</next4j.version>:<next4j.version>$version</next4j.version>:" \
    "$root/samples/hello-site/pom.xml" > "$site/pom.xml"

page() { # page <package> <class> <record> <kind: page|static> <text>
  local dir=$pages${1:+/$1} pkg=bench.pages${1:+.$1}
  mkdir -p "$dir"
  if [ "$4" = static ]; then
    cat > "$dir/$2.java" <<JAVA
package $pkg;

public final class $2 implements dev.next4j.runtime.StaticPage<bench.Routes.$3> {
  @Override
  public dev.next4j.runtime.Response render(bench.Routes.$3 params) {
    return dev.next4j.runtime.Response.html("<h1>$5</h1>");
  }
}
JAVA
  else
    cat > "$dir/$2.java" <<JAVA
package $pkg;

public final class $2 implements dev.next4j.runtime.Page<bench.Routes.$3> {
  @Override
  public dev.next4j.runtime.Response render(dev.next4j.runtime.Request request, bench.Routes.$3 params) {
    return dev.next4j.runtime.Response.html("<h1>$5 " + params + "</h1>");
  }
}
JAVA
  fi
}

page "" Index Index page "home"
for s in 0 1 2 3 4 5 6 7 8; do           # 9 sections of 11 pages: 1 + 99 = 100 pages
  page "section$s" Index "Section$s" page "section $s"
  page "section$s" '$id' "Section${s}Id" page "item"
  for p in 1 2 3 4 5 6 7 8 9; do
    kind=page; [ "$p" -le 4 ] && kind=static
    page "section$s" "Page$p" "Section${s}Page$p" "$kind" "page $s.$p"
  done
done
echo "  $(find "$pages" -name '*.java' | wc -l) pages"

echo "building it: mvn next:build -Dnext.aot, the AOT cache made with $java25"
mvn "${mvn_args[@]}" -f "$site" next:build -Dnext.aot -Dnext.jvm="$java25"

echo "building the hello-world jar and its AOT cache"
hello=$work/hello
rm -rf "$hello" && mkdir -p "$hello/classes"
"$java25/bin/javac" --release 17 -d "$hello/classes" "$root/bench/Hello.java"
"$java25/bin/jar" --create --file "$hello/hello.jar" --main-class Hello -C "$hello/classes" .
"$java" "$root/bench/StartupBench.java" once "$java -XX:AOTCacheOutput=$hello/hello.aot -jar $hello/hello.jar {port}" \
  > "$hello/training.log" 2>&1

echo "measuring: $rounds rounds, launch -> first HTTP 200 (ms), ratio to the bare hello-world"
"$java" -version 2>&1 | head -1
"$java" "$root/bench/StartupBench.java" "$rounds" \
  "hello=$java -jar $hello/hello.jar {port}" \
  "next4j=$java -jar $site/target/site100.jar --port {port}" \
  "hello-aot=$java -XX:AOTCache=$hello/hello.aot -jar $hello/hello.jar {port}" \
  "next4j-aot=sh $site/target/site100.sh --port {port}"
