#!/usr/bin/env bash
# Poll throughput with metrics on (meters + presence + management listener) against metrics off, in one
# run: wrk against the same server main, alternating off/on rounds so drift of a shared machine hits both.
# Usage: runtime/metrics/bench/overhead.sh [seconds per round, default 10] [rounds, default 3]
# Needs: wrk, a built repository (mvn -B -q install -DskipTests). Prints each round and the median ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_ROUND=${1:-10}
ROUNDS=${2:-3}
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
JAVA_OPTS=(-Xmx256m -Dorg.jboss.logging.provider=slf4j -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)

rate() { # mode -> requests/s
  local log; log=$(mktemp)
  java "${JAVA_OPTS[@]}" -cp "$CP" io.appmessage.metrics.bench.OverheadServer "$1" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do grep -q '^ready' "$log" && break; sleep 0.1; done
  local port path; read -r _ port path < <(grep '^ready' "$log")
  wrk -t1 -c32 -d3s -H "X-Access-Token: user-1" "http://127.0.0.1:$port$path" >/dev/null   # warm-up
  wrk -t1 -c32 -d"${SECONDS_PER_ROUND}"s -H "X-Access-Token: user-1" "http://127.0.0.1:$port$path" \
    | awk '/Requests\/sec/ {print $2}'
  kill "$pid"; wait "$pid" 2>/dev/null || true; rm -f "$log"
}

if [[ "${ONLY:-}" != "" ]]; then   # ONLY="meters presence": one round of each part alone, to see what costs
  for mode in off $ONLY; do echo "$mode $(rate "$mode") req/s"; done
  exit 0
fi
ratios=()
for round in $(seq "$ROUNDS"); do
  off=$(rate off); on=$(rate on)
  ratio=$(awk -v on="$on" -v off="$off" 'BEGIN {printf "%.3f", on / off}')
  ratios+=("$ratio")
  echo "round $round: off $off req/s, on $on req/s, on/off $ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median on/off: $median (overhead $(awk -v m="$median" 'BEGIN {printf "%.1f", (1 - m) * 100}') %; target <= 5 %)"
