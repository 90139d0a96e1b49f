# Section 9: topic fan-out. One publish to a topic that 10,000 clients long-poll on one node (time from the
# publish's acknowledgement until each subscriber has read its answer), and publishes/s sustained with 1,000
# subscribers at a fixed (paced) rate. Sourced by run.sh in a subshell; prints its markdown. Each row: one TopicFanOutBenchmark JVM
# (AppMessageServer + embedded outbox + the publisher) and its child JVM of NIO subscribers (TopicSubscribers).
# Rerun one row alone: java -cp target/benchmarks.jar io.appmessage.benchmarks.topics.TopicFanOutBenchmark \
#   --mode freshness --subscribers 10000 --warmup 3 --publishes 10
if [[ $QUICK == 1 ]]; then TF_PUBLISHES=5; TF_WINDOW=5; TF_STEP=4; else TF_PUBLISHES=10; TF_WINDOW=20; TF_STEP=10; fi
TF_RATES=10,25,50,100,200,400,600,800,1000,1500,2000
TF_MAX_P99=250
TF_WARMUP=3
TF_SUBSCRIBERS=10000
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt 11000 ]]; then
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fi
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt 11000 ]]; then
  echo "== topics: ulimit -n is $(ulimit -n): 1,000 subscribers instead of 10,000" >&2
  TF_SUBSCRIBERS=1000
fi
: >"$WORK/topics.txt"
echo "== topics: freshness, $TF_SUBSCRIBERS subscribers" >&2
jrun io.appmessage.benchmarks.topics.TopicFanOutBenchmark --mode freshness --subscribers "$TF_SUBSCRIBERS" \
  --warmup "$TF_WARMUP" --publishes "$TF_PUBLISHES" --interval-ms 1000 2>"$WORK/topics-freshness.log" | grep '^RESULT' >>"$WORK/topics.txt" \
  || echo "RESULT mode=freshness failed=yes" >>"$WORK/topics.txt"
echo "== topics: throughput, 1000 subscribers" >&2
jrun io.appmessage.benchmarks.topics.TopicFanOutBenchmark --mode throughput --subscribers 1000 --threads 4 \
  --window "$TF_WINDOW" 2>"$WORK/topics-throughput.log" | grep '^RESULT' >>"$WORK/topics.txt" \
  || echo "RESULT mode=throughput failed=yes" >>"$WORK/topics.txt"
echo "== topics: paced, 1000 subscribers, rates $TF_RATES" >&2
jrun io.appmessage.benchmarks.topics.TopicFanOutBenchmark --mode paced --subscribers 1000 --threads 4 \
  --window "$TF_STEP" --rates "$TF_RATES" --max-p99-ms "$TF_MAX_P99" 2>"$WORK/topics-paced.log" | grep '^RESULT' >>"$WORK/topics.txt" \
  || echo "RESULT mode=paced failed=yes" >>"$WORK/topics.txt"
tf_row() { # mode
  local line; line=$(grep "mode=$1 " "$WORK/topics.txt" || true)
  if [[ -z "$line" || "$(field failed "$line")" == yes ]]; then
    echo "| $1 | failed: see \`target/run/topics-$1.log\` | | | | | | | |"; return
  fi
  local rate; rate=$(field publishes_per_s "$line"); [[ -z "$rate" ]] && rate="1 per s"
  [[ "$1" == paced ]] && rate="$(field paced_sustained_per_s "$line") sustained"
  local received; received=$(field measured "$line"); [[ "$1" != freshness ]] && received=$(field messages "$line")
  local server="–"; [[ -n "$(field server_cpu_ms_per_publish "$line")" ]] && server="$(field server_answered_p99_ms "$line") / $(field server_cpu_ms_per_publish "$line") / $(field server_gc_ms "$line")"
  echo "| $1 | $(field subscribers "$line") | $rate | **$(field freshness_p50_ms "$line")** | **$(field freshness_p99_ms "$line")** | $server | $(field client_us_per_answer "$line") | $received / $(field expected "$line") | $(field errors "$line") / $(field duplicates "$line") / $(field gaps "$line") |"
}
echo "## 10. Topic fan-out"
echo
echo "One JVM runs PollApp's \`AppMessageServer\` (embedded outbox in a temp directory, long-poll on, topics \`bench:*\` public) and the publisher;"
echo "a child JVM (\`TopicSubscribers\`, raw NIO on one thread, one keep-alive connection per subscriber) long-polls \`topics=bench:1&wait=25\` with its cursor and drops repeats by id."
echo "Freshness mode: $TF_WARMUP warm-up publishes, then $TF_PUBLISHES measured, at least 1 s apart, each once every subscriber holds a poll again; freshness = the time a subscriber read the last byte of its answer − the time \`outbox.publishJson\` returned (its acknowledgement), percentiles over every subscriber of every measured publish."
echo "Server: when the last long-poll answer of a publish was handed to the transport (p99, ms after the publish began), the server JVM's CPU per publish (ms, until every subscriber holds its next poll) and its GC pauses per publish (ms). Client: the subscriber JVM's CPU per answer (µs), its own cost, which shares the machine with the server."
echo "Throughput mode: 4 publisher threads back to back for ${TF_WINDOW}s (offered overload: the rate the publishers managed, not one every subscriber kept up with); freshness there runs from each publish's start."
echo "Paced mode: fixed rates ($TF_RATES publishes/s), ${TF_STEP}s each, up to 4 publishes at once, each stamped with its due time (open loop: a publisher that falls behind counts its delay); a rate is sustained when the publishers kept 95% of it, every subscriber got every message once in order (no gap, no \`recovered:false\`, all caught up within 15 s) and freshness p99 (answer read − due time) ≤ ${TF_MAX_P99} ms. The row shows the highest sustained rate and that step's figures; every step: \`target/run/topics-paced.log\`."
echo
echo "| mode | subscribers | publishes/s | freshness p50 ms | freshness p99 ms | server: answered p99 / CPU / GC ms | client µs per answer | received / expected | errors / dup / gaps |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
tf_row freshness
tf_row throughput
tf_row paced
echo
tf=$(grep "mode=freshness " "$WORK/topics.txt" || true)
if [[ -n "$tf" && "$(field failed "$tf")" != yes ]]; then
  echo "Target at $TF_SUBSCRIBERS subscribers: p99 < 250 ms: $(verdict "$(field freshness_p99_ms "$tf")" "<=" 250) ($(field freshness_p99_ms "$tf") ms)."
  echo "topics_p99_10k=$(field freshness_p99_ms "$tf")" >>"$WORK/targets.env"
fi
tp=$(grep "mode=paced " "$WORK/topics.txt" || true)
if [[ -n "$tp" && "$(field failed "$tp")" != yes ]]; then
  echo "Sustained with 1,000 subscribers: $(field paced_sustained_per_s "$tp") publishes/s (steps rate:sustained:achieved:p99: \`$(field paced_steps "$tp")\`)."
  echo "topics_paced_per_s=$(field paced_sustained_per_s "$tp")" >>"$WORK/targets.env"
fi
echo
