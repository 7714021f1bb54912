#!/usr/bin/env bash
# Deploy timings of the petstore sample against the local cloud: package, first deploy, no-op
# re-deploy (the plan finds nothing to change), code update, rollback. Prints one line per step
# (median of the repeated ones), the sizes of the function zip and its dependency layer, and what the
# update after a one-line controller change uploads (bytes the local cloud received) and how long it
# takes. Not a test: numbers depend on the machine.
#
#   bench/deploy/run.sh [RUNS]        (default 5 runs of the repeated steps)
#
# It uses a private local cloud (a free port, state in a temporary folder), so it does not touch
# ~/.serverless-spring or a local cloud already running.
set -euo pipefail

runs="${1:-5}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export SERVERLESS_LOCAL_HOME="$work/local" SERVERLESS_LOCAL_PORT="$port"
console() { "$root/serverless" "$@"; }
cleanup() { console local stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

ms() { date +%s%3N; }
time_of() { local start end; start=$(ms); "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; end=$(ms); echo $((end - start)); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

project="$root/samples/petstore"
common=(--project "$project" --yes)

console help >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }   # builds the console once, outside the measurements
console local start >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }
# The local stage imports a parameter and a secret; its before-package hook seeds them only when a
# deploy packages (here deploys take --package), so seed them once the same way.
(cd "$project" && AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_REGION=us-east-1 SERVERLESS_STAGE=local \
  sh scripts/seed-local-config.sh) >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }

package_ms=$(time_of console package local --project "$project" -o "$work/petstore.zip")
first_ms=$(time_of console deploy local "${common[@]}" --package "$work/petstore.zip")
noop=()
for _ in $(seq "$runs"); do noop+=("$(time_of console deploy local "${common[@]}" --package "$work/petstore.zip")"); done
grep -q "nothing to change" "$work/last.log" || { echo "the re-deploy was not a no-op:"; cat "$work/last.log"; exit 1; }

# A one-line controller change, packaged again (the file is restored at once, and on any exit).
controller="$project/src/main/java/io/serverlessspring/samples/petstore/web/PetController.java"
cp "$controller" "$work/PetController.java.orig"
trap 'cp "$work/PetController.java.orig" "$controller"; cleanup' EXIT
sed -i '0,/^\t@GetMapping$/s//\t@GetMapping(produces = "application\/json")/' "$controller"
console package local --project "$project" -o "$work/changed.zip" >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }
cp "$work/PetController.java.orig" "$controller"
cmp -s "$work/petstore-dependencies.zip" "$work/changed-dependencies.zip" || { echo "the dependency layer changed with a code-only change"; exit 1; }
received() { curl -s "http://127.0.0.1:$port/_local/health" | python3 -c 'import json,sys; r=json.load(sys.stdin)["bytesReceived"]; print(sum(r.values()))'; }
before=$(received)
update_ms=$(time_of console update local "${common[@]}" --package "$work/changed.zip")
uploaded=$(( $(received) - before ))
grep -q "publish dependency layer" "$work/last.log" && { echo "the update published a layer:"; cat "$work/last.log"; exit 1; }
rollback=()
for _ in $(seq "$runs"); do
  rollback+=("$(time_of console rollback local --project "$project")")
  console rollback local --project "$project" --to "$(console status local --project "$project" --json | python3 -c 'import json,sys; print(max(int(v) for v in json.load(sys.stdin)["versions"]))')" >/dev/null
done
console undeploy local "${common[@]}" --remove-logs >/dev/null

size=$(stat -c %s "$work/petstore.zip")
layer=$(stat -c %s "$work/petstore-dependencies.zip")
echo "petstore function zip $size bytes, dependency layer $layer bytes ($(unzip -l "$work/petstore-dependencies.zip" | grep -c '\.jar$') jars)"
echo "update after a one-line controller change: $uploaded bytes uploaded, $update_ms ms (upload, publish, alias; console start included)"
echo "deploy timings, petstore ($((size / 1024)) KB zip + $((layer / 1048576)) MB layer) on the local cloud, $(nproc) cores, load average $(cut -d" " -f1 /proc/loadavg); each includes the console's JVM start"
printf '%-44s %8s ms\n' "package (Maven build + manifest + zip)" "$package_ms"
printf '%-44s %8s ms\n' "first deploy (creates 15 resources)" "$first_ms"
printf '%-44s %8s ms   (median of %s)\n' "no-op re-deploy (plan only, 0 writes)" "$(median "${noop[@]}")" "$runs"
printf '%-44s %8s ms\n' "update with new code (upload, publish, alias)" "$update_ms"
printf '%-44s %8s ms   (median of %s)\n' "rollback (alias move)" "$(median "${rollback[@]}")" "$runs"
