# Section 8: long-poll freshness, send -> client receipt, 5 s polling against long-poll, at 1,000
# and 10,000 connected clients. Sourced by run.sh in a subshell; prints its markdown.
# Each row: one FreshnessBenchmark JVM (AppMessageServer + embedded outbox + the sending driver)
# and its child JVM of NIO clients (FreshnessClients). Two processes because each side of 10,000
# connections needs 10,000 descriptors and the limit here is 20,000 per process (ulimit -n).
if [[ $QUICK == 1 ]]; then LP_WINDOW=12; else LP_WINDOW=60; fi
LP_RATE=50
LP_CLIENTS="1000 10000"
LP_NOFILE=$(ulimit -n)
if [[ "$LP_NOFILE" != unlimited && "$LP_NOFILE" -lt 11000 ]]; then
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  LP_NOFILE=$(ulimit -n)
fi
if [[ "$LP_NOFILE" != unlimited && "$LP_NOFILE" -lt 11000 ]]; then
  echo "== longpoll: ulimit -n is $LP_NOFILE: 10,000 clients skipped" >&2
  LP_CLIENTS="1000"
fi
: >"$WORK/longpoll.txt"
for clients in $LP_CLIENTS; do
  for mode in interval longpoll; do
    echo "== longpoll: $clients clients, $mode" >&2
    jrun io.appmessage.benchmarks.delivery.FreshnessBenchmark --clients "$clients" --mode "$mode" --window "$LP_WINDOW" \
      --rate "$LP_RATE" --period-ms 5000 --wait 25 2>"$WORK/longpoll-$mode-$clients.log" | grep '^RESULT' >>"$WORK/longpoll.txt" \
      || echo "RESULT mode=$mode clients=$clients failed=yes" >>"$WORK/longpoll.txt"
  done
done
lp_row() { # mode clients
  local line; line=$(grep "mode=$1 clients=$2 " "$WORK/longpoll.txt" || true)
  local name; [[ $1 == interval ]] && name="poll every 5 s" || name="long-poll (\`wait=25\`)"
  if [[ -z "$line" || "$(field failed "$line")" == yes ]]; then
    echo "| $2 | $name | failed: see \`target/run/longpoll-$1-$2.log\` | | | | | | |"; return
  fi
  echo "| $2 | $name | **$(field freshness_p50_ms "$line")** | **$(field freshness_p99_ms "$line")** | $(field freshness_max_ms "$line") | $(field received "$line") / $(field sent "$line") | $(field send_p50_ms "$line") / $(field send_p99_ms "$line") | $(field held_min "$line")–$(field held_max "$line") | $(field errors "$line") / $(field duplicates "$line") / $(field gaps "$line") |"
}
echo "## 8. Long-poll freshness: send → client receipt "
echo
echo "One JVM runs PollApp's \`AppMessageServer\` (ten handlers, embedded outbox in a temp directory, long-poll on, cap 25 s) and a driver that sends $LP_RATE targeted messages/s to random users for ${LP_WINDOW}s;"
echo "a child JVM (\`FreshnessClients\`, raw NIO, one keep-alive connection per user) simulates the connected clients, sends its cursor, drops repeats by id, and on each answer reads the send time every message carries."
echo "Freshness = receipt time − the time just before \`outbox.sendJson\` (so it includes the durable send, whose own latency is shown). Same machine, same wall clock for both JVMs; the two processes (and the 2 cores) are shared by server, clients and driver."
echo "Poll every 5 s: each client at its own random phase. Long-poll: the next poll leaves as soon as an answer is in; the first hold of each client lasts a random 1–25 s so that holds do not all expire together (the steady state)."
echo "Open files: \`ulimit -n\` = $LP_NOFILE per process; each JVM holds one side of the connections."
echo
echo "| clients | mode | freshness p50 ms | freshness p99 ms | max ms | received / sent | send p50 / p99 ms | held polls (min–max) | errors / dup / gaps |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---|"
for clients in 1000 10000; do lp_row interval "$clients"; lp_row longpoll "$clients"; done
echo
lp10=$(grep "mode=longpoll clients=10000 " "$WORK/longpoll.txt" || true)
if [[ -n "$lp10" && "$(field failed "$lp10")" != yes ]]; then
  echo "Targets at 10,000 clients: long-poll median < 50 ms: $(verdict "$(field freshness_p50_ms "$lp10")" "<=" 50) ($(field freshness_p50_ms "$lp10") ms); p99 < 100 ms: $(verdict "$(field freshness_p99_ms "$lp10")" "<=" 100) ($(field freshness_p99_ms "$lp10") ms)."
  echo "longpoll_p50_10k=$(field freshness_p50_ms "$lp10")" >>"$WORK/targets.env"
  echo "longpoll_p99_10k=$(field freshness_p99_ms "$lp10")" >>"$WORK/targets.env"
else
  echo "Targets at 10,000 clients (long-poll median < 50 ms, p99 < 100 ms): not measured in this run."
fi
echo
