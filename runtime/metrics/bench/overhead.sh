#!/usr/bin/env bash
# Poll throughput with metrics on (meters + presence + management listener) against metrics off, in one
# run: two server JVMs (same main, same handlers) started once and warmed, then wrk against each in turn,
# the order flipping every round (off/on, on/off, ...) so drift of a shared machine hits both.
# Usage: runtime/metrics/bench/overhead.sh [seconds per round, default 10] [rounds, default 6]
#   ONLY="meters presence" runtime/metrics/bench/overhead.sh 8 4   each part alone against off
# Needs: wrk, JDK 17+, Maven. Prints each round, then RESULT lines.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_ROUND=${1:-10}
ROUNDS=${2:-6}
MODES=(off ${ONLY:-on})
# shellcheck source=classpath.sh
source bench/classpath.sh
JAVA_OPTS=(-Xms256m -Xmx256m -XX:+UseG1GC -Dorg.jboss.logging.provider=slf4j)

declare -A PORT PATHS PID LOGS
cleanup() { for mode in "${MODES[@]}"; do [[ -n "${PID[$mode]:-}" ]] && kill "${PID[$mode]}" 2>/dev/null || true; done; }
trap cleanup EXIT
for mode in "${MODES[@]}"; do
  LOGS[$mode]=$(mktemp)
  java "${JAVA_OPTS[@]}" -cp "$CP" io.appmessage.metrics.bench.OverheadServer "$mode" >"${LOGS[$mode]}" 2>&1 &
  PID[$mode]=$!
  for _ in $(seq 900); do grep -q '^ready' "${LOGS[$mode]}" && break; sleep 0.1; done   # 90 s on a busy box
  read -r _ port path < <(grep '^ready' "${LOGS[$mode]}") || { echo "server $mode did not start:" >&2; cat "${LOGS[$mode]}" >&2; exit 1; }
  PORT[$mode]=$port; PATHS[$mode]=$path
done

rate() { # mode seconds -> requests/s
  wrk -t1 -c32 -d"$2"s -H "X-Access-Token: user-1" "http://127.0.0.1:${PORT[$1]}${PATHS[$1]}" \
    | awk '/Requests\/sec/ {print $2}'
}
for _ in $(seq "${WARMUP_ROUNDS:-3}"); do   # warm-up, interleaved: JIT and pools of every server
  for mode in "${MODES[@]}"; do echo "warm-up $mode $(rate "$mode" 5) req/s"; done
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2] + a[NR/2+1]) / 2}'; }
for mode in "${MODES[@]:1}"; do
  ratios=(); offs=(); ons=()
  for round in $(seq "$ROUNDS"); do
    if (( round % 2 )); then off=$(rate off "$SECONDS_PER_ROUND"); on=$(rate "$mode" "$SECONDS_PER_ROUND")
    else on=$(rate "$mode" "$SECONDS_PER_ROUND"); off=$(rate off "$SECONDS_PER_ROUND"); fi
    ratio=$(awk -v on="$on" -v off="$off" 'BEGIN {printf "%.3f", on / off}')
    ratios+=("$ratio"); offs+=("$off"); ons+=("$on")
    echo "round $round: off $off req/s, $mode $on req/s, $mode/off $ratio"
  done
  m=$(printf '%s\n' "${ratios[@]}" | median)
  lo=$(printf '%s\n' "${ratios[@]}" | sort -n | head -1); hi=$(printf '%s\n' "${ratios[@]}" | sort -n | tail -1)
  echo "RESULT mode=$mode rounds=$ROUNDS seconds=$SECONDS_PER_ROUND off_median=$(printf '%s\n' "${offs[@]}" | median)" \
    "on_median=$(printf '%s\n' "${ons[@]}" | median) ratio_median=$m ratio_min=$lo ratio_max=$hi" \
    "overhead_pct=$(awk -v m="$m" 'BEGIN {printf "%.1f", (1 - m) * 100}')"
done
