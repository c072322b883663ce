#!/usr/bin/env bash
# Dev mode's reload benchmark: edit -> first fresh response over 20 edits on a 100-page site,
# through a real `mvn next:run`. Prints every sample, the median and the p90 (target: median <= 150 ms), and the CPU time the next:run JVM spent per edit.
#
#   bench/reload.sh                      # installs next4j into ~/.m2/repository first
#   SKIP_INSTALL=1 bench/reload.sh       # uses what is installed
#   MAVEN_REPO_LOCAL=/path bench/reload.sh --edits 40 --keep
#
# Needs only a JDK and Maven; installs nothing else. Timings taken while other builds run are noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  mvn -B -q install -DskipTests -Dinvoker.skip -Dmaven.repo.local="$repo"
fi
exec java bench/ReloadBench.java --repo "$repo" "$@"
