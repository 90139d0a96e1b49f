# Section 9: the soak. N minutes (default 30) of 5,000 clients (half polling every 5 s, half long-polling,
# two devices per user) plus a steady stream of sends, on the embedded store, then on Redis; records the
# server JVM's heap after GC, open files and threads over time, errors, and checks every acknowledged
# message reached each device of its user exactly once. Opt-in (long): not in run.sh's default sections.
#
#   example/benchmarks/run.sh --only soak             from run.sh (SOAK_MINUTES=30 by default)
#   example/benchmarks/sections/soak.sh --minutes 3   on its own: builds the jar if missing, prints markdown
#   example/benchmarks/sections/soak.sh --parallel    both stores at once (SOAK_PARALLEL=1): half the wall time,
#                                                     twice the load on the machine (each store's clients and server);
#                                                     the second store starts SOAK_STAGGER (45) s after the first
#
# Sourced by run.sh in a subshell (BENCH_DIR, WORK, BENCH_JAR, field set); prints its markdown on stdout.
if [[ -z "${BENCH_JAR:-}" ]]; then # run on its own
  set -euo pipefail
  BENCH_DIR="$(cd "$(dirname "$0")/.." && pwd)"
  ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
  WORK="$BENCH_DIR/target/run"
  BENCH_JAR="$BENCH_DIR/target/benchmarks.jar"
  mkdir -p "$WORK"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --minutes) SOAK_MINUTES="$2"; shift 2 ;;
      --minutes=*) SOAK_MINUTES="${1#--minutes=}"; shift ;;
      --stores) SOAK_STORES="${2//,/ }"; shift 2 ;;
      --parallel) SOAK_PARALLEL=1; shift ;;
      *) echo "usage: $0 [--minutes N] [--stores 'embedded redis'] [--parallel]" >&2; exit 2 ;;
    esac
  done
  [[ -f "$BENCH_JAR" && "${SKIP_BUILD:-0}" == 1 ]] || (cd "$ROOT" && mvn -B -q -Pbench -DskipTests \
      -pl processor,example/benchmarks -am package >&2)
  field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" <<<" $2"; }
fi
SOAK_MINUTES="${SOAK_MINUTES:-30}"
SOAK_CLIENTS="${SOAK_CLIENTS:-5000}"
SOAK_RATE="${SOAK_RATE:-20}"
SOAK_STORES="${SOAK_STORES:-embedded redis}"
SOAK_PARALLEL="${SOAK_PARALLEL:-0}"
SOAK_SAMPLE=$(awk -v m="$SOAK_MINUTES" 'BEGIN { print (m >= 10 ? 60 : 30) }')  # minutes may be 0.5
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt $(( SOAK_CLIENTS + 2000 )) ]]; then
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fi
: >"$WORK/soak.txt"
soak_store() { # store: one SoakBenchmark JVM, its RESULT line into soak-<store>.txt
  echo "== soak: $1, $SOAK_MINUTES min, $SOAK_CLIENTS clients, $SOAK_RATE sends/s" >&2
  java -Xms512m -Xmx512m -XX:+UseG1GC -cp "$BENCH_JAR" io.appmessage.benchmarks.soak.SoakBenchmark \
    --store "$1" --minutes "$SOAK_MINUTES" --clients "$SOAK_CLIENTS" --rate "$SOAK_RATE" \
    --sample-seconds "$SOAK_SAMPLE" 2>"$WORK/soak-$1.log" | grep '^RESULT' >"$WORK/soak-$1.txt" \
    || echo "RESULT store=$1 failed=yes" >"$WORK/soak-$1.txt"
}
started=0
for store in $SOAK_STORES; do
  if [[ "$SOAK_PARALLEL" == 1 ]]; then
    # staggered: two JVM pairs warming up at once on a small box can time out a store's first connection
    (( started++ )) && sleep "${SOAK_STAGGER:-45}"
    soak_store "$store" &
  else
    soak_store "$store"
  fi
done
wait
for store in $SOAK_STORES; do cat "$WORK/soak-$store.txt" >>"$WORK/soak.txt"; done
soak_row() { # store
  local line; line=$(grep "store=$1 " "$WORK/soak.txt" || true)
  if [[ -z "$line" || "$(field failed "$line")" == yes ]]; then
    echo "| $1 | failed: see \`target/run/soak-$1.log\` | | | | | |"; return
  fi
  echo "| $1 | $(field minutes "$line") | $(field heap_first_mb "$line") → $(field heap_last_mb "$line") (max $(field heap_max_mb "$line")) | $(field files_first "$line") → $(field files_last "$line") (max $(field files_max "$line")) | $(field threads_first "$line") → $(field threads_last "$line") (max $(field threads_max "$line")) | $(field send_failures "$line") / $(field send_retries "$line") / $(field client_errors "$line") | $(field sent "$line") sent ($(field achieved_rate "$line")/s), $(field received "$line") / $(field expected "$line") received, dup $(( $(field interval_duplicates "$line") + $(field longpoll_duplicates "$line") )), gaps $(( $(field interval_gaps "$line") + $(field longpoll_gaps "$line") )): **$(field delivered_once "$line")** |"
}
if [[ "$SOAK_PARALLEL" == 1 ]]; then SOAK_ORDER="the stores at once (one server JVM and one client JVM each)"; else SOAK_ORDER="embedded store then Redis"; fi
echo "## 9. Soak: $SOAK_CLIENTS clients for $SOAK_MINUTES minutes, $SOAK_ORDER"
echo
echo "One JVM (\`-Xmx512m\`, G1) runs PollApp's \`AppMessageServer\` (ten handlers, long-poll on, cap 25 s) with the store and sends up to $SOAK_RATE targeted messages/s to random users (fewer when the store is slower: the rate column shows what it achieved);"
echo "a child JVM (\`SoakClients\`, raw NIO) holds $SOAK_CLIENTS keep-alive connections: $(( SOAK_CLIENTS / 2 )) users with two devices each, one polling every 5 s, one long-polling (\`wait=25\`), each with its own cursor."
echo "Every ${SOAK_SAMPLE} s the server JVM records its heap after a full GC (\`System.gc()\`, then the heap in use), its open files (\`/proc/self/fd\`, the clients' sockets included) and its threads. Redis: a private \`redis-server\` (no persistence) on loopback."
echo "Each send goes out as an app should: under its own idempotency key, retried with that key (up to 8 attempts, pauses doubling from 100 ms to 2 s) while the store does not answer in time or is unavailable; a retried send is stored once. A send given up after its last attempt may have been stored."
echo "Delivered once: every acknowledged send reached both devices of its user, no repeat by id, no id skipped (and nothing beyond the acknowledged but what a given-up send may have stored)."
echo
echo "| store | minutes | heap after GC, MB (first → last) | open files | threads | sends given up / retries / client errors | delivery |"
echo "|---|---:|---:|---:|---:|---:|---|"
for store in $SOAK_STORES; do soak_row "$store"; done
echo
echo "Samples (minute, heap MB, open files, threads, held polls): in \`target/run/soak-<store>.log\`."
echo
