#!/usr/bin/env bash
# Deploy timings of the petstore sample against the local cloud: package, first deploy, no-op
# re-deploy (the plan finds nothing to change), code update, rollback. Prints one line per step
# (median of the repeated ones). Not a test: numbers depend on the machine.
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

package_ms=$(time_of console package local --project "$project" -o "$work/petstore.zip")
first_ms=$(time_of console deploy local "${common[@]}" --package "$work/petstore.zip")
noop=()
for _ in $(seq "$runs"); do noop+=("$(time_of console deploy local "${common[@]}" --package "$work/petstore.zip")"); done
grep -q "nothing to change" "$work/last.log" || { echo "the re-deploy was not a no-op:"; cat "$work/last.log"; exit 1; }

python3 - "$work/petstore.zip" "$work/changed.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        dst.writestr(item, src.read(item.filename))
    dst.writestr("static/bench.txt", "changed")
PY
update_ms=$(time_of console update local "${common[@]}" --package "$work/changed.zip")
rollback=()
for _ in $(seq "$runs"); do
  rollback+=("$(time_of console rollback local --project "$project")")
  console rollback local --project "$project" --to "$(console status local --project "$project" --json | python3 -c 'import json,sys; print(max(int(v) for v in json.load(sys.stdin)["versions"]))')" >/dev/null
done
console undeploy local "${common[@]}" --remove-logs >/dev/null

size=$(stat -c %s "$work/petstore.zip")
echo "deploy timings, petstore ($((size / 1048576)) MB zip) on the local cloud, $(nproc) cores, load average $(cut -d" " -f1 /proc/loadavg); each includes the console's JVM start"
printf '%-44s %8s ms\n' "package (Maven build + manifest + zip)" "$package_ms"
printf '%-44s %8s ms\n' "first deploy (creates 15 resources)" "$first_ms"
printf '%-44s %8s ms   (median of %s)\n' "no-op re-deploy (plan only, 0 writes)" "$(median "${noop[@]}")" "$runs"
printf '%-44s %8s ms\n' "update with new code (upload, publish, alias)" "$update_ms"
printf '%-44s %8s ms   (median of %s)\n' "rollback (alias move)" "$(median "${rollback[@]}")" "$runs"
