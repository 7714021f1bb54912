#!/usr/bin/env bash
# Console start time: `./serverless --help` and `./serverless status dev` (petstore, against a moto
# server on a free port, where the stage is not deployed), median (and min) of RUNS runs each, wall and CPU time.
# Modes: "jar" = the exec jar as is (SERVERLESS_CONSOLE_CDS=false), "cds" = the launcher's unpacked jar
# with its class-data sharing archive (first run excluded: it builds the archive, timed apart).
# BEFORE_JAR=path/to/an/older/serverless-console-exec.jar adds the same two rows for that jar.
# Prints numbers; it asserts nothing. Needs the console jar built and moto (python3 -m moto.server).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${RUNS:-5}"
jar="${CONSOLE_JAR:-$root/serverless-spring-shell/target/serverless-console-exec.jar}"
[[ -f "$jar" ]] || { echo "build the console first: mvn -pl serverless-spring-shell -am package -DskipTests" >&2; exit 1; }
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m moto.server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
moto=$!
cache="$(mktemp -d)"
trap 'kill $moto 2>/dev/null; rm -rf "$cache"' EXIT
for _ in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$port/moto-api/data.json" && break; sleep 1; done
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 SERVERLESS_CONSOLE_CACHE="$cache"

# prints "wall cpu" in ms of one run of the launcher with the given jar and arguments
one() {
  local jar="$1" cds="$2"; shift 2
  SERVERLESS_CONSOLE_JAR="$jar" SERVERLESS_CONSOLE_CDS="$cds" /usr/bin/time -o "$cache/time" -f '%e %U %S' \
    "$root/serverless" "$@" >/dev/null 2>&1 || true
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$cache/time"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

row() {
  local label="$1" jar="$2" cds="$3"; shift 3
  local walls=() cpus=() w c
  for _ in $(seq "$runs"); do
    read -r w c < <(one "$jar" "$cds" "$@")
    walls+=("$w"); cpus+=("$c")
  done
  printf '%-34s %8s ms wall (min %s) %8s ms cpu\n' "$label" "$(printf '%s\n' "${walls[@]}" | median)" \
    "$(printf '%s\n' "${walls[@]}" | sort -n | head -1)" "$(printf '%s\n' "${cpus[@]}" | median)"
}

measure() {
  local name="$1" jar="$2"
  row "$name jar   --help" "$jar" false --help
  row "$name jar   status dev" "$jar" false status dev --project "$root/samples/petstore" --endpoint-url "http://127.0.0.1:$port"
  read -r w c < <(one "$jar" true --help)
  printf '%-34s %8s ms wall %8s ms cpu\n' "$name cds   first run (builds archive)" "$w" "$c"
  row "$name cds   --help" "$jar" true --help
  # help runs and the other commands have an archive each: the first status writes its own
  read -r w c < <(one "$jar" true status dev --project "$root/samples/petstore" --endpoint-url "http://127.0.0.1:$port")
  printf '%-34s %8s ms wall %8s ms cpu\n' "$name cds   first status (builds archive)" "$w" "$c"
  row "$name cds   status dev" "$jar" true status dev --project "$root/samples/petstore" --endpoint-url "http://127.0.0.1:$port"
}

echo "console start, median of $runs; $(java -version 2>&1 | head -1); load:$(uptime | sed 's/.*load average//')"
if [[ -n "${BEFORE_JAR:-}" ]]; then measure before "$BEFORE_JAR"; fi
measure now "$jar"
echo "load after:$(uptime | sed 's/.*load average//')"
