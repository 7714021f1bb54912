#!/usr/bin/env bash
# Issue 12's "Measure", in one run on the petstore sample: cold start side by side, (a) the raw
# aws-serverless-java-container handler on the plain zip vs. (b) our package as deploy ships it
# (console package: Spring AOT, slim class path, the dependency layer's jars on the class path),
# both with Lambda's flags and on-demand init (no SnapStart: a local JVM has no snapshot), plus lazy
# initialisation and an AppCDS archive as candidates; the function zip and layer sizes; the warm
# per-event overhead against raw; then bench/deploy/run.sh for the bytes and wall time of `update`
# after a one-line controller change (DEPLOY=0 skips it). Prints numbers and the load; not a test.
#
#   bench/cold-start/run.sh [RUNS]        (default 9 cold runs of each variant)
set -euo pipefail

runs="${1:-9}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "load at start: $(uptime)"

# The plain zip (petstore's assembly: classes + lib/*.jar, no Tomcat) unpacked to bench/target/lambda-task,
# and the probes; built in the reactor so the starter is this checkout's.
(cd "$root" && mvn -q -B -Pbench -pl bench -am package -Dmaven.test.skip=true) >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
# The package as deploy ships it.
"$root/serverless" package dev --project "$root/samples/petstore" -o "$work/petstore.zip" >"$work/package.log" 2>&1 \
  || { cat "$work/package.log"; exit 1; }
mkdir -p "$work/shipped/task" "$work/shipped/opt"
unzip -q "$work/petstore.zip" -d "$work/shipped/task"
unzip -q "$work/petstore-dependencies.zip" -d "$work/shipped/opt"

java -Dbench.count-classes="${COUNT_CLASSES:-true}" -cp "$root/bench/target/classes" io.serverlessspring.bench.ColdStartBenchmark \
  "$root/bench/target/lambda-task" "$root/bench/target/classes" "$runs" "$work/shipped"

size=$(stat -c %s "$work/petstore.zip")
layer=$(stat -c %s "$work/petstore-dependencies.zip")
jars=$(unzip -l "$work/petstore-dependencies.zip" | grep -c '\.jar$')
echo "function zip $size bytes; dependency layer $layer bytes, $jars jars ($(du -sk "$work/shipped/opt" | cut -f1) KB unzipped)"

# Warm: both handlers in one JVM, interleaved batches (robust on a shared machine).
cp_warm="$root/bench/target/classes:$root/bench/target/lambda-task:$(find "$root/bench/target/lambda-task/lib" -name '*.jar' | sort | paste -sd:)"
java -Dlogging.level.root=WARN -Dbench.batches="${WARM_BATCHES:-20}" -cp "$cp_warm" io.serverlessspring.bench.WarmEventInterleaved

if [[ "${DEPLOY:-1}" != "0" ]]; then
  "$root/bench/deploy/run.sh" 1
fi
echo "load at end: $(uptime)"
