#!/usr/bin/env bash
# AppMessage benchmarks: builds what it needs, runs every section, writes
# example/benchmarks/RESULTS.md.
#
#   example/benchmarks/run.sh            full run (figures for RESULTS.md; ~30 min on 2 cores)
#   example/benchmarks/run.sh --quick    the same, shorter (under 10 min on 2 cores)
#   example/benchmarks/run.sh --quick --only jmh,http   some sections only (debugging)
#   example/benchmarks/run.sh --report-only  rewrite RESULTS.md from the last run (e.g. after editing ANALYSIS.md)
#   SOAK_MINUTES=30 example/benchmarks/run.sh --only soak   the soak (opt-in, never in the default or --quick
#                                        sections; sections/soak.sh --minutes N runs it on its own)
#
# Sections: jmh (dispatch + JSON), http (wrk + sustained rate), startup, compile, memory, and the
# seams for outbox and longpoll: sections/outbox.sh and sections/longpoll.sh,
# sourced when present (see README.md, "Adding a section").
# Needs: JDK 17+, Maven, wrk, hyperfine, curl (apt-get install -y wrk hyperfine curl).
# Every server binds 127.0.0.1 on a free port; every load run is bounded in time.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
TARGET="$BENCH_DIR/target"
WORK="$TARGET/run"
QUICK=0
ONLY="jmh,http,startup,compile,memory,outbox,longpoll,topics,spring,metrics"
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --only=*) ONLY="${arg#--only=}" ;;
    --report-only) REPORT_ONLY=1; ONLY="none" ;;
    --only) ONLY_NEXT=1 ;;
    *) if [[ "${ONLY_NEXT:-0}" == 1 ]]; then ONLY="$arg"; ONLY_NEXT=0; else echo "usage: $0 [--quick] [--only sections]" >&2; exit 2; fi ;;
  esac
done
COMMAND="example/benchmarks/run.sh $*"

# ---- settings: quick vs full -----------------------------------------------------------------
if [[ $QUICK == 1 ]]; then
  JMH_OPTS="-f 1 -wi 2 -w 1s -i 3 -r 1s"
  WRK_ROUNDS=2; WRK_SECONDS=5; WRK_WARMUP=3
  SUSTAINED_SECONDS=10; SUSTAINED_WARMUP=3
  STARTUP_RUNS=10; COMPILE_RUNS=3; COMPILE_WARMUP=0
  MEMORY_SECONDS=20
else
  JMH_OPTS="-f 2 -wi 5 -w 1s -i 5 -r 1s"
  WRK_ROUNDS=5; WRK_SECONDS=15; WRK_WARMUP=10
  SUSTAINED_SECONDS=60; SUSTAINED_WARMUP=10
  STARTUP_RUNS=10; COMPILE_RUNS=10; COMPILE_WARMUP=1
  MEMORY_SECONDS=120
fi
WRK_THREADS=2; WRK_CONNECTIONS=64
SUSTAINED_RATE=20000; MEMORY_RATE=10000; LOAD_CONNECTIONS=512; LOAD_THREADS=${LOAD_THREADS:-1}
COMPILE_METHODS=1000
POLL_PATH=/api/message/index
# The same JVM flags for every app compared (override with JVM_FLAGS=...).
JVM_FLAGS="${JVM_FLAGS:--Xms256m -Xmx256m -XX:+UseG1GC}"

want() { [[ ",$ONLY," == *",$1,"* ]]; }
log() { printf '\n== %s\n' "$*" >&2; }
mkdir -p "$WORK"
SECTIONS="$WORK/sections"
# --report-only rewrites RESULTS.md from the last run's sections (after editing ANALYSIS.md, say)
[[ "${REPORT_ONLY:-0}" == 1 ]] || rm -rf "$SECTIONS"
mkdir -p "$SECTIONS"
PIDS=()
cleanup() { for pid in "${PIDS[@]:-}"; do [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# ---- build -----------------------------------------------------------------------------------
MODULES="example/benchmarks"
[[ -d "$ROOT/example/app" ]] && MODULES="example/app,$MODULES"
[[ -d "$ROOT/processor" ]] && MODULES="processor,$MODULES"
log "building $MODULES (-Pbench, tests skipped)"
[[ "${SKIP_BUILD:-0}" == 1 || "${REPORT_ONLY:-0}" == 1 ]] || (cd "$ROOT" && mvn -B -q -Pbench -DskipTests -pl "$MODULES" -am package)
BENCH_JAR="$TARGET/benchmarks.jar"
BARE_JAR="$TARGET/bare-undertow.jar"
SCANNING_JAR="$TARGET/scanning-app.jar"
EXAMPLE_JAR="$(ls "$ROOT"/example/app/target/appmessage-example*.jar 2>/dev/null | grep -v -e sources -e original | head -1 || true)"
POLL_APP_JAR="$TARGET/poll-app.jar"
# The apps measured: the example app as shipped (five handlers, one of them an async call
# that simulates a 20 ms inventory service) and PollApp, the runtime with ten plain handlers (the
# issue-5 "poll endpoint with 10 handlers"). Without the example app, PollApp stands for both.
TEN_JAR="$POLL_APP_JAR"; TEN_NAME="PollApp (runtime, 10 handlers)"
if [[ -n "$EXAMPLE_JAR" ]]; then APP_JAR="$EXAMPLE_JAR"; APP_NAME="example app";
else APP_JAR="$POLL_APP_JAR"; APP_NAME="$TEN_NAME (example app not built)"; fi
# The Spring Boot MVC peer (a port of the PHP controller), when its module is built: SPRING_PEER_JAR, else the
# first runnable jar under example/benchmarks-spring/target/; none: its column says TODO.
SPRING_JAR="${SPRING_PEER_JAR:-$(ls "$ROOT"/example/benchmarks-spring/target/*.jar 2>/dev/null | grep -v -e sources -e original -e plain | head -1 || true)}"
SPRING_NAME=""; [[ -n "$SPRING_JAR" ]] && SPRING_NAME="Spring MVC peer"
jrun() { java -cp "$BENCH_JAR" "$@"; }

# ---- helpers ---------------------------------------------------------------------------------
free_port() {
  local p
  while :; do
    p=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
# start_app NAME JAR [extra JVM flags...]: starts on a free port, waits for a 200, sets APP_PORT / APP_PID.
start_app() {
  local name="$1" jar="$2"; shift 2
  APP_PORT=$(free_port)
  HOST=127.0.0.1 APPMESSAGE_HOST=127.0.0.1 PORT="$APP_PORT" SERVER_PORT="$APP_PORT" BODY_FILE="${BODY_FILE:-}" \
    BARE_DISPATCH="${BARE_DISPATCH:-}" SHOP_HANDLERS="${SHOP_HANDLERS:-}" \
    java $JVM_FLAGS "$@" -jar "$jar" >"$WORK/$name.log" 2>&1 &
  APP_PID=$!
  PIDS+=("$APP_PID")
  for _ in $(seq 1 600); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT$POLL_PATH")" == 200 ]]; then return 0; fi
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/$name.log" >&2; echo "$name exited" >&2; return 1; }
    sleep 0.1
  done
  echo "$name did not answer within 60 s" >&2; return 1
}
stop_app() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
# field NAME LINE: the value of NAME=... in a RESULT line
field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" <<<" $2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }
# wrk latency "1.23ms" / "850.00us" / "1.02s" -> ms
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { if (v == "n/a") print "n/a"; else if ((op == "<=" && v + 0 <= t + 0) || (op == ">=" && v + 0 >= t + 0)) print "met"; else print "**missed**" }'; }

# ---- 1+2. JMH --------------------------------------------------------------------------------
section_jmh() {
  log "JMH: dispatch (1/10/100 handlers) and envelope JSON, -prof gc ($JMH_OPTS)"
  # JMH_REUSE=1 re-reads the last run's jmh.csv (when only the report changed)
  if [[ "${JMH_REUSE:-0}" != 1 || ! -f "$WORK/jmh.csv" ]]; then
    java -jar "$BENCH_JAR" "DispatchBenchmark|EnvelopeBenchmark|RuntimePollBenchmark" $JMH_OPTS -prof gc \
      -rf csv -rff "$WORK/jmh.csv" >"$WORK/jmh.log" 2>&1 || { tail -30 "$WORK/jmh.log" >&2; return 1; }
  fi
  # "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: handlers","Param: user"
  jmh() { # jmh BENCH_SUFFIX [HANDLERS] -> score
    awk -F, -v b="\"$1\"" -v h="${2:-}" '{ sub(/\r$/, "") } $1 == b { hit = (h == ""); for (i = 8; i <= NF; i++) if ($i == h || $i == "\"" h "\"") hit = 1; if (hit) { print $5; exit } }' "$WORK/jmh.csv" \
      | awk '{ printf "%.1f", $1 }'
  }
  local out="$SECTIONS/10-jmh.md" n v
  {
    echo "## 1. Dispatch of one poll (JMH, ns/op and B/op)"
    echo
    echo "Same handlers, same array-backed collector; only the dispatch differs. B/op is \`gc.alloc.rate.norm\`."
    echo
    echo "| handlers | direct (floor) | generated HandlerRegister | Guava EventBus | reflective (cached Method.invoke) | generated / direct | EventBus / generated |"
    echo "|---:|---:|---:|---:|---:|---:|---:|"
    for n in 1 10 100; do
      local d g e r
      d=$(jmh "io.appmessage.benchmarks.dispatch.DispatchBenchmark.direct" $n)
      g=$(jmh "io.appmessage.benchmarks.dispatch.DispatchBenchmark.generated" $n)
      e=$(jmh "io.appmessage.benchmarks.dispatch.DispatchBenchmark.eventBus" $n)
      r=$(jmh "io.appmessage.benchmarks.dispatch.DispatchBenchmark.reflective" $n)
      printf '| %s | %s ns, %s B | %s ns, %s B | %s ns, %s B | %s ns, %s B | %s | %s |\n' "$n" \
        "$d" "$(jmh "io.appmessage.benchmarks.dispatch.DispatchBenchmark.direct:gc.alloc.rate.norm" $n)" \
        "$g" "$(jmh "io.appmessage.benchmarks.dispatch.DispatchBenchmark.generated:gc.alloc.rate.norm" $n)" \
        "$e" "$(jmh "io.appmessage.benchmarks.dispatch.DispatchBenchmark.eventBus:gc.alloc.rate.norm" $n)" \
        "$r" "$(jmh "io.appmessage.benchmarks.dispatch.DispatchBenchmark.reflective:gc.alloc.rate.norm" $n)" \
        "$(ratio "$g" "$d")" "$(ratio "$e" "$g")"
      if [[ $n == 10 ]]; then
        echo "gen_vs_direct_10=$(ratio "$g" "$d")" >>"$WORK/targets.env"
        echo "eventbus_vs_gen_10=$(ratio "$e" "$g")" >>"$WORK/targets.env"
        echo "gen_alloc_10=$(jmh "io.appmessage.benchmarks.dispatch.DispatchBenchmark.generated:gc.alloc.rate.norm" $n)" >>"$WORK/targets.env"
      fi
    done
    echo
    echo "## 2. Writing a typical envelope (JMH)"
    echo
    echo "The example's keys (\`test_msg\`, \`buy_data\` map, \`order_status\` record, plugin keys, small values), identical bytes from both."
    echo
    local rt st j
    rt=$(jmh "io.appmessage.benchmarks.json.EnvelopeBenchmark.runtime")
    st=$(jmh "io.appmessage.benchmarks.json.EnvelopeBenchmark.streaming")
    j=$(jmh "io.appmessage.benchmarks.json.EnvelopeBenchmark.jacksonDatabind")
    echo "| writer | ns/op | B/op |"
    echo "|---|---:|---:|"
    echo "| runtime \`EnvelopeWriter\` (jackson-core streaming + generated record writer) | $rt | $(jmh "io.appmessage.benchmarks.json.EnvelopeBenchmark.runtime:gc.alloc.rate.norm") |"
    echo "| this module's minimal streaming writer (same approach, for reference) | $st | $(jmh "io.appmessage.benchmarks.json.EnvelopeBenchmark.streaming:gc.alloc.rate.norm") |"
    echo "| jackson-databind 3.3.0 (reflection) | $j | $(jmh "io.appmessage.benchmarks.json.EnvelopeBenchmark.jacksonDatabind:gc.alloc.rate.norm") |"
    echo
    echo "databind time / runtime time: **$(ratio "$j" "$rt")x**."
    echo
    echo "### 2b. One whole poll through the runtime, no HTTP (JMH, \`RuntimePollBenchmark\`)"
    echo
    echo "\`AppMessageDispatcher.poll\`: identity, the ten shop handlers of the generated registry, the envelope bytes. B/op includes the request view, the handlers' own results and the response bytes."
    echo
    echo "| poll | ns/op | B/op |"
    echo "|---|---:|---:|"
    local u
    for u in anonymous alice; do
      echo "| $u | $(jmh "io.appmessage.benchmarks.poll.RuntimePollBenchmark.poll" $u) | $(jmh "io.appmessage.benchmarks.poll.RuntimePollBenchmark.poll:gc.alloc.rate.norm" $u) |"
    done
    echo "runtime_poll_alloc=$(jmh "io.appmessage.benchmarks.poll.RuntimePollBenchmark.poll:gc.alloc.rate.norm" alice)" >>"$WORK/targets.env"
    echo
  } >"$out"
}

# ---- 3. HTTP: wrk rounds and the sustained rate ----------------------------------------------
section_http() {
  log "HTTP: $TEN_NAME (non-blocking and blocking), ${SPRING_NAME:-no Spring peer} and $APP_NAME vs bare Undertow (I/O thread, worker thread), wrk ${WRK_ROUNDS}x${WRK_SECONDS}s alternating; sustained $SUSTAINED_RATE/s"
  start_app ten "$TEN_JAR"; local ten_pid=$APP_PID ten_port=$APP_PORT
  SHOP_HANDLERS=blocking start_app ten-blocking "$TEN_JAR"; local tenb_pid=$APP_PID tenb_port=$APP_PORT
  start_app target "$APP_JAR"; local app_pid=$APP_PID app_port=$APP_PORT
  local spring_pid="" spring_port=""
  if [[ -n "$SPRING_JAR" ]]; then start_app spring "$SPRING_JAR"; spring_pid=$APP_PID; spring_port=$APP_PORT; fi
  curl -s -H 'X-Access-Token: demo-alice' "http://127.0.0.1:$ten_port$POLL_PATH" >"$WORK/poll-answer-alice.json"
  curl -s "http://127.0.0.1:$ten_port$POLL_PATH" >"$WORK/poll-answer.json"
  curl -s "http://127.0.0.1:$app_port$POLL_PATH" >"$WORK/poll-answer-app.json"
  BODY_FILE="$WORK/poll-answer.json" start_app bare "$BARE_JAR"; local bare_pid=$APP_PID bare_port=$APP_PORT
  BODY_FILE="$WORK/poll-answer.json" BARE_DISPATCH=worker start_app bare-worker "$BARE_JAR"; local worker_pid=$APP_PID worker_port=$APP_PORT
  wrk_run() { # wrk_run PORT SECONDS -> "rps p50ms p99ms errors"
    local out rps p50 p99 errs
    out=$(wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d"${2}s" --latency "http://127.0.0.1:$1$POLL_PATH")
    rps=$(awk '/Requests\/sec:/ { print $2 }' <<<"$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
    errs=$(awk '/Non-2xx|Socket errors/ { s = s $0 "; " } END { print (s == "" ? "0" : s) }' <<<"$out")
    echo "$rps $p50 $p99 ${errs// /_}"
  }
  col() { cut -d' ' -f"$1" <<<"$2"; }
  cell() { echo "$(col 1 "$1") ($(col 2 "$1") / $(col 3 "$1"))"; }
  # name:port pairs, measured in this order in every round
  local servers="bare:$bare_port worker:$worker_port ten:$ten_port tenb:$tenb_port app:$app_port"
  [[ -n "$spring_port" ]] && servers+=" spring:$spring_port"
  local s name port
  for s in $servers; do wrk_run "${s#*:}" "$WRK_WARMUP" >/dev/null; : >"$WORK/wrk-${s%%:*}.txt"; done
  local rows="" r line errs
  for r in $(seq 1 "$WRK_ROUNDS"); do
    line="| $r |"; errs=""
    for s in $servers; do
      name=${s%%:*}; port=${s#*:}
      local m; m=$(wrk_run "$port" "$WRK_SECONDS"); echo "$m" >>"$WORK/wrk-$name.txt"
      line+=" $(cell "$m") |"; errs+="$(col 4 "$m") / "
    done
    [[ -z "$spring_port" ]] && line+=" TODO |"
    rows+="$line ${errs% / } |"$'\n'
  done
  med() { cut -d' ' -f1 "$WORK/wrk-$1.txt" | median; }
  local bare_med worker_med ten_med tenb_med app_med spring_med=""
  bare_med=$(med bare); worker_med=$(med worker); ten_med=$(med ten); tenb_med=$(med tenb); app_med=$(med app)
  [[ -n "$spring_port" ]] && spring_med=$(med spring)
  {
    echo "poll_vs_bare=$(ratio "$ten_med" "$bare_med")"
    echo "blocking_vs_worker=$(ratio "$tenb_med" "$worker_med")"
    [[ -n "$spring_med" ]] && echo "poll_vs_spring=$(ratio "$ten_med" "$spring_med")"
  } >>"$WORK/targets.env"

  sustained() { jrun io.appmessage.benchmarks.load.OpenLoopLoad --url "http://127.0.0.1:$1$POLL_PATH" \
    --rate $SUSTAINED_RATE --connections $LOAD_CONNECTIONS --threads $LOAD_THREADS \
    --duration $SUSTAINED_SECONDS --warmup $SUSTAINED_WARMUP | grep '^RESULT'; }
  local s_bare s_ten s_tenb s_app
  s_bare=$(sustained "$bare_port"); s_ten=$(sustained "$ten_port"); s_tenb=$(sustained "$tenb_port"); s_app=$(sustained "$app_port")
  local sustained_errors=$(( $(field non2xx "$s_ten") + $(field io_errors "$s_ten") + $(field timeouts "$s_ten") ))
  # a p99 over the few polls answered when most timed out is no latency figure: n/a then
  local sustained_p99; sustained_p99=$(awk -v a="$(field achieved_rate "$s_ten")" -v r=$SUSTAINED_RATE -v p="$(field p99_ms "$s_ten")" \
    'BEGIN { if (a + 0 >= 0.99 * r) print p; else print "n/a" }')
  { echo "sustained_p99=$sustained_p99"; echo "sustained_errors=$sustained_errors"; } >>"$WORK/targets.env"
  local started_line; started_line=$(grep -m1 -i "handler" "$WORK/target.log" || true)
  stop_app "$app_pid"; stop_app "$ten_pid"; stop_app "$tenb_pid"; stop_app "$bare_pid"; stop_app "$worker_pid"
  [[ -n "$spring_pid" ]] && stop_app "$spring_pid"
  sustained_row() { # name RESULT-line
    echo "| $1 | $(field achieved_rate "$2") | $(field p50_ms "$2") | $(field p99_ms "$2") | $(field p999_ms "$2") | $(field max_ms "$2") | $(( $(field non2xx "$2") + $(field io_errors "$2") + $(field timeouts "$2") )) |"
  }
  {
    echo "## 3. Poll throughput on loopback: AppMessage vs bare Undertow and Spring MVC"
    echo
    echo "\`wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${WRK_SECONDS}s --latency\` (anonymous polls), all servers up for the whole run, alternating, after a ${WRK_WARMUP}s warm-up each; all started with \`java $JVM_FLAGS -jar ...\`."
    echo "Bare Undertow answers $TEN_NAME's own anonymous poll bytes ($(wc -c <"$WORK/poll-answer.json") B; alice's answer is $(wc -c <"$WORK/poll-answer-alice.json") B) with the runtime's Undertow settings,"
    echo "once from the I/O thread (the floor) and once after the hop to the worker pool (\`BARE_DISPATCH=worker\`)."
    echo "$TEN_NAME runs its ten \`@NonBlocking\` shop handlers twice: as declared (polls stay on the I/O thread: compared with bare I/O) and with \`SHOP_HANDLERS=blocking\` (the same handlers described as blocking, the default: every poll makes the worker hop, compared with bare worker)."
    if [[ -n "$SPRING_JAR" ]]; then
      echo "The Spring peer is \`${SPRING_JAR#$ROOT/}\`: a plain Spring Boot MVC port of the PHP controller (the same handlers as \`@EventListener\` methods on a per-poll event, a Jackson envelope)."
    else
      echo "**TODO: the Spring MVC peer** (a plain Spring Boot MVC port of the PHP controller, \`@EventListener\` methods on a per-poll event, Jackson envelope) was not built in this tree: no jar under \`example/benchmarks-spring/target/\` (or \`SPRING_PEER_JAR\`), so its column says TODO and the \">= 4x Spring\" target is not run."
    fi
    echo "The $APP_NAME runs as shipped ($(wc -c <"$WORK/poll-answer-app.json") B answers); if it is the example app, its async \`flash_sale\` handler simulates a 20 ms inventory call on every poll, so with $WRK_CONNECTIONS connections it cannot exceed about $WRK_CONNECTIONS / 20 ms = $(( WRK_CONNECTIONS * 50 )) polls/s: its row shows that the wait holds no thread, not the poll path's cost."
    [[ -n "$started_line" ]] && echo "Its start-up line: \`$started_line\`."
    echo
    echo "Each cell: req/s (p50 / p99 ms)."
    echo
    echo "| round | bare (I/O) | bare (worker) | 10 non-blocking | 10 blocking | $APP_NAME | Spring MVC peer | errors (in column order) |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---|"
    printf '%s' "$rows"
    echo
    echo "Median req/s: bare (I/O) $bare_med, bare (worker) $worker_med, 10 non-blocking $ten_med, 10 blocking $tenb_med, $APP_NAME $app_med, Spring peer ${spring_med:-TODO}."
    echo "10 non-blocking / bare (I/O): **$(ratio "$ten_med" "$bare_med")**; 10 blocking / bare (worker): **$(ratio "$tenb_med" "$worker_med")**; 10 non-blocking / Spring: **$( [[ -n "$spring_med" ]] && ratio "$ten_med" "$spring_med" || echo TODO)**; the worker hop alone (bare worker / bare I/O): $(ratio "$worker_med" "$bare_med")."
    echo
    echo "### Sustained $SUSTAINED_RATE polls/s (open loop, latency from the intended send time)"
    echo
    echo "\`OpenLoopLoad --rate $SUSTAINED_RATE --connections $LOAD_CONNECTIONS --threads $LOAD_THREADS --duration $SUSTAINED_SECONDS --warmup $SUSTAINED_WARMUP\` (Debian has no wrk2); the generator shares the 2 cores with the server."
    echo
    echo "| server | achieved /s | p50 ms | p99 ms | p99.9 ms | max ms | errors |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    sustained_row "bare Undertow (I/O)" "$s_bare"
    sustained_row "$TEN_NAME, non-blocking" "$s_ten"
    sustained_row "$TEN_NAME, blocking" "$s_tenb"
    sustained_row "$APP_NAME" "$s_app"
    echo
  } >"$SECTIONS/30-http.md"
}

# ---- 4. start-up -----------------------------------------------------------------------------
section_startup() {
  log "start-up: java -jar to first 200, $STARTUP_RUNS runs each; AppCDS on JDK 17 (dynamic archive) and, when present, JDK 25 (auto archive)"
  probe() { # probe JAR [java and flags...]
    local jar="$1"; shift
    local java_cmd=("${@:-java}")
    jrun io.appmessage.benchmarks.startup.StartupProbe --runs "$STARTUP_RUNS" --path "$POLL_PATH" -- "${java_cmd[@]}" $JVM_FLAGS -jar "$jar" | grep '^RESULT'
  }
  # archive NAME JAR JAVA FLAG: runs the jar once to its first 200 with FLAG (which writes the archive at exit), then stops it
  archive() {
    local port; port=$(free_port)
    PORT="$port" HOST=127.0.0.1 APPMESSAGE_HOST=127.0.0.1 APPMESSAGE_DATA_DIR="$WORK/cds-data-$1" BODY_FILE="${BODY_FILE:-}" \
      "$3" $JVM_FLAGS "$4" -jar "$2" >"$WORK/cds-$1.log" 2>&1 &
    local pid=$!
    for _ in $(seq 1 600); do
      [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$POLL_PATH")" == 200 ]] && break
      sleep 0.1
    done
    kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  }
  local bare app ten scan
  bare=$(probe "$BARE_JAR"); app=$(probe "$APP_JAR"); ten=$(probe "$TEN_JAR"); scan=$(probe "$SCANNING_JAR")
  echo "startup_vs_bare=$(ratio "$(field median_ms "$app")" "$(field median_ms "$bare")")" >>"$WORK/targets.env"
  # AppCDS on the default JDK: a dynamic archive written at the exit of one run, then used by every probe run
  local cds_bare cds_app
  archive bare "$BARE_JAR" java "-XX:ArchiveClassesAtExit=$WORK/bare.jsa"
  archive app "$APP_JAR" java "-XX:ArchiveClassesAtExit=$WORK/app.jsa"
  cds_bare=$(probe "$BARE_JAR" java "-XX:SharedArchiveFile=$WORK/bare.jsa")
  cds_app=$(probe "$APP_JAR" java "-XX:SharedArchiveFile=$WORK/app.jsa")
  # JDK 25, when installed: -XX:+AutoCreateSharedArchive writes the archive on the first run, uses it after
  local jdk25 j25_bare="" j25_app="" j25_cds_bare="" j25_cds_app=""
  jdk25=$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* 2>/dev/null | head -1 || true)
  if [[ -n "$jdk25" && -x "$jdk25/bin/java" ]]; then
    j25_bare=$(probe "$BARE_JAR" "$jdk25/bin/java"); j25_app=$(probe "$APP_JAR" "$jdk25/bin/java")
    rm -f "$WORK/bare25.jsa" "$WORK/app25.jsa"
    j25_cds_bare=$(probe "$BARE_JAR" "$jdk25/bin/java" -XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$WORK/bare25.jsa")
    j25_cds_app=$(probe "$APP_JAR" "$jdk25/bin/java" -XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$WORK/app25.jsa")
  fi
  row() { echo "| $1 | $(field median_ms "$2") | $(field min_ms "$2") | $(field max_ms "$2") | $(ratio "$(field median_ms "$2")" "$(field median_ms "$3")") |"; }
  {
    echo "## 4. Start-up: \`java -jar\` to the first 200 (median of $STARTUP_RUNS)"
    echo
    echo "Every app with the same flags (\`$JVM_FLAGS\`); \"vs bare\" divides by bare Undertow on the same JDK with the same class-data sharing."
    echo
    echo "| app | median ms | min ms | max ms | vs bare |"
    echo "|---|---:|---:|---:|---:|"
    row "bare Undertow" "$bare" "$bare"
    row "$APP_NAME" "$app" "$bare"
    row "$TEN_NAME" "$ten" "$bare"
    row "ClassGraph scanning + reflection (same 10 handlers)" "$scan" "$bare"
    row "bare Undertow, AppCDS (JDK 17 dynamic archive, \`-XX:SharedArchiveFile\`)" "$cds_bare" "$cds_bare"
    row "$APP_NAME, AppCDS (JDK 17 dynamic archive)" "$cds_app" "$cds_bare"
    if [[ -n "$j25_bare" ]]; then
      row "bare Undertow, JDK 25 ($(basename "$jdk25"))" "$j25_bare" "$j25_bare"
      row "$APP_NAME, JDK 25" "$j25_app" "$j25_bare"
      row "bare Undertow, JDK 25, \`-XX:+AutoCreateSharedArchive\`" "$j25_cds_bare" "$j25_cds_bare"
      row "$APP_NAME, JDK 25, \`-XX:+AutoCreateSharedArchive\`" "$j25_cds_app" "$j25_cds_bare"
    fi
    echo
    echo "$APP_NAME with AppCDS vs bare Undertow without: $(ratio "$(field median_ms "$cds_app")" "$(field median_ms "$bare")")."
    echo
  } >"$SECTIONS/40-startup.md"
}

# ---- 5. compile time -------------------------------------------------------------------------
section_compile() {
  log "compile time: javac on $COMPILE_METHODS handler methods, with and without the processor"
  local src="$WORK/compile-src" annotations processor_cp
  rm -rf "$src"; java "$BENCH_DIR/scripts/HandlerSources.java" compile "$src" "$COMPILE_METHODS"
  find "$src" -name '*.java' >"$WORK/compile-sources.txt"
  annotations=$(ls "$ROOT"/annotations/target/appmessage-annotations-*.jar | grep -v -e sources -e javadoc | head -1)
  local out="$SECTIONS/50-compile.md"
  if [[ ! -d "$ROOT/processor" ]]; then
    printf '## 5. Compile time\n\nNot measured: the processor module is not on this branch yet.\n\n' >"$out"; return 0
  fi
  (cd "$ROOT" && mvn -B -q -pl processor dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$WORK/processor.cp" >/dev/null)
  processor_cp="$(ls "$ROOT"/processor/target/appmessage-processor-*.jar | grep -v -e sources -e javadoc | head -1):$(cat "$WORK/processor.cp")"
  # The generated sources once, so that compiling them by hand separates the processor's own work
  # from the cost of compiling what it writes.
  rm -rf "$WORK/gen" "$WORK/c0"; mkdir -p "$WORK/gen" "$WORK/c0"
  javac -d "$WORK/c0" -s "$WORK/gen" -cp "$annotations" -processorpath "$processor_cp" "@$WORK/compile-sources.txt"
  find "$WORK/gen" -name '*.java' >"$WORK/generated-sources.txt"
  # A processor that claims every type ("*", as ours does) and writes one empty class: the rounds javac
  # runs for any processor that generates a source (each re-enters every source type), with no work of
  # its own. What ours costs beyond it is the processor's own reading, checking and writing.
  local noop="$WORK/noop-processor"
  rm -rf "$noop"; mkdir -p "$noop/src/noop" "$noop/classes/META-INF/services"
  cat >"$noop/src/noop/WritesOneClass.java" <<'JAVA'
package noop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

public final class WritesOneClass extends AbstractProcessor {
    private boolean written;

    @Override public Set<String> getSupportedAnnotationTypes() { return Set.of("*"); }

    @Override public SourceVersion getSupportedSourceVersion() { return SourceVersion.latestSupported(); }

    @Override public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!written && !round.processingOver()) {
            written = true;
            try (Writer writer = processingEnv.getFiler().createSourceFile("noop.Generated").openWriter()) {
                writer.write("package noop; final class Generated {}\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }
}
JAVA
  javac -d "$noop/classes" "$noop/src/noop/WritesOneClass.java"
  echo noop.WritesOneClass >"$noop/classes/META-INF/services/javax.annotation.processing.Processor"
  hyperfine --style basic --warmup "$COMPILE_WARMUP" --runs "$COMPILE_RUNS" --export-csv "$WORK/compile.csv" \
    -n "javac -proc:none" "rm -rf $WORK/c1 && javac -d $WORK/c1 -cp $annotations -proc:none @$WORK/compile-sources.txt" \
    -n "javac + processor" "rm -rf $WORK/c2 && javac -d $WORK/c2 -cp $annotations -processorpath $processor_cp @$WORK/compile-sources.txt" \
    -n "javac -proc:none + generated sources" "rm -rf $WORK/c3 && javac -d $WORK/c3 -cp $annotations -proc:none @$WORK/compile-sources.txt @$WORK/generated-sources.txt" \
    -n "javac + a processor that writes one empty class" "rm -rf $WORK/c4 && javac -d $WORK/c4 -cp $annotations -processorpath $noop/classes @$WORK/compile-sources.txt" \
    >"$WORK/compile.log" 2>&1 || { tail -20 "$WORK/compile.log" >&2; return 1; }
  local without with handwritten noop_ms # csv: command,mean,stddev,median,user,system,min,max (seconds)
  without=$(awk -F, 'NR == 2 { printf "%.0f", $4 * 1000 }' "$WORK/compile.csv")
  with=$(awk -F, 'NR == 3 { printf "%.0f", $4 * 1000 }' "$WORK/compile.csv")
  handwritten=$(awk -F, 'NR == 4 { printf "%.0f", $4 * 1000 }' "$WORK/compile.csv")
  noop_ms=$(awk -F, 'NR == 5 { printf "%.0f", $4 * 1000 }' "$WORK/compile.csv")
  compile_cpu() { awk -F, -v row="$1" 'NR == row { printf "%.2f", $5 + $6 }' "$WORK/compile.csv"; } # mean user + sys, s
  local overhead; overhead=$(awk -v a="$with" -v b="$without" 'BEGIN { printf "%.1f", (a / b - 1) * 100 }')
  echo "processor_overhead=$overhead" >>"$WORK/targets.env"
  local writers=$(( $(wc -l <"$WORK/generated-sources.txt") - 1 ))
  {
    echo "## 5. Compile time: javac on $COMPILE_METHODS handler methods (median of $COMPILE_RUNS, hyperfine)"
    echo
    echo "$(wc -l <"$WORK/compile-sources.txt") classes of 10 mixed handlers (void, keyed String/Map values, a record result; one record per class), written by \`scripts/HandlerSources.java\`."
    echo "The processor writes $(wc -l <"$WORK/generated-sources.txt") source(s): the HandlerRegister ($(cat "$WORK"/gen/*/*/HandlerRegister.java 2>/dev/null | wc -l) lines, the records' JSON writers inside it) and $writers separate writer class(es) (package-private records of other packages only)."
    echo "On a busy machine compare the CPU column (user + sys, steadier than wall time)."
    echo
    echo "| javac | median ms | vs -proc:none | mean CPU s | CPU vs -proc:none |"
    echo "|---|---:|---:|---:|---:|"
    echo "| \`-proc:none\` | $without | 1.00 | $(compile_cpu 2) | 1.00 |"
    echo "| \`-processorpath appmessage-processor\` | $with | $(ratio "$with" "$without") | $(compile_cpu 3) | $(ratio "$(compile_cpu 3)" "$(compile_cpu 2)") |"
    echo "| \`-proc:none\` with the generated sources added by hand | $handwritten | $(ratio "$handwritten" "$without") | $(compile_cpu 4) | $(ratio "$(compile_cpu 4)" "$(compile_cpu 2)") |"
    echo "| a processor that only writes one empty class (javac's rounds alone) | $noop_ms | $(ratio "$noop_ms" "$without") | $(compile_cpu 5) | $(ratio "$(compile_cpu 5)" "$(compile_cpu 2)") |"
    echo
    echo "Processor overhead: **$overhead%**. Of the extra time, compiling the generated code accounts for $(awk -v h="$handwritten" -v b="$without" 'BEGIN { printf "%.0f", h - b }') ms, and the rest, $(awk -v a="$with" -v h="$handwritten" 'BEGIN { printf "%.0f", a - h }') ms, is the processor's own work (reading, validating, writing) plus javac's extra rounds, which alone cost $(awk -v n="$noop_ms" -v b="$without" 'BEGIN { printf "%.0f", n - b }') ms for a processor that does nothing but write one class."
    echo
  } >"$out"
}

# ---- 6. memory -------------------------------------------------------------------------------
section_memory() {
  log "memory: $APP_NAME with -Xmx64m at $MEMORY_RATE polls/s for $MEMORY_SECONDS s"
  local gclog="$WORK/gc-memory.log"
  rm -f "$gclog"
  JVM_FLAGS="-Xmx64m -XX:+UseG1GC" start_app memory "$APP_JAR" "-Xlog:gc:file=$gclog"
  local pid=$APP_PID port=$APP_PORT load gc alive
  load=$(jrun io.appmessage.benchmarks.load.OpenLoopLoad --url "http://127.0.0.1:$port$POLL_PATH" --token demo-alice \
    --rate $MEMORY_RATE --connections $LOAD_CONNECTIONS --threads $LOAD_THREADS --duration "$MEMORY_SECONDS" --warmup 2 | grep '^RESULT')
  kill -0 "$pid" 2>/dev/null && alive=yes || alive="NO (see $WORK/memory.log)"
  stop_app "$pid"
  gc=$(jrun io.appmessage.benchmarks.gc.GcPauses "$gclog")
  local errors=$(( $(field non2xx "$load") + $(field io_errors "$load") + $(field timeouts "$load") ))
  echo "memory_errors=$errors" >>"$WORK/targets.env"
  echo "memory_p99=$(field p99_ms "$load")" >>"$WORK/targets.env"
  echo "memory_max_pause=$(field max_pause_ms "$gc")" >>"$WORK/targets.env"
  {
    echo "## 6. Memory: $APP_NAME with \`-Xmx64m\`, $MEMORY_RATE polls/s for $MEMORY_SECONDS s (authenticated polls)"
    echo
    echo "| achieved /s | p99 ms | errors | GC pauses | longest pause ms | total pause ms | alive after |"
    echo "|---:|---:|---:|---:|---:|---:|---|"
    echo "| $(field achieved_rate "$load") | $(field p99_ms "$load") | $errors | $(field pauses "$gc") | $(field max_pause_ms "$gc") | $(field total_pause_ms "$gc") | $alive |"
    echo
  } >"$out_memory"
}

# ---- seams for later issues ------------------------------------------------------------------
# A section script gets BENCH_DIR ROOT WORK QUICK JVM_FLAGS BENCH_JAR APP_JAR and the helpers above
# (start_app, stop_app, jrun, field, ratio, median), and prints its markdown on stdout.
section_script() { # NAME ORDER TITLE ISSUE
  local file="$BENCH_DIR/sections/$1.sh" out="$SECTIONS/$2-$1.md"
  if [[ -f "$file" ]]; then
    log "section $1 ($4)"
    # shellcheck source=/dev/null
    (source "$file") >"$out"
  else
    printf '## %s\n\nNot measured yet (%s): `sections/%s.sh` does not exist.\n\n' "$3" "$4" "$1" >"$out"
  fi
}

RUN_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')"
if [[ "${REPORT_ONLY:-0}" == 1 ]]; then
  # shellcheck source=/dev/null
  source "$WORK/run.env"   # the command, mode and date of the run being reported
else
  : >"$WORK/targets.env"
  printf 'COMMAND=%q\nQUICK=%q\nRUN_DATE=%q\nSTART_LOAD=%q\n' "$COMMAND" "$QUICK" "$RUN_DATE" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$WORK/run.env"
fi
out_memory="$SECTIONS/60-memory.md"
want jmh && section_jmh
want http && section_http
want startup && section_startup
want compile && section_compile
want memory && section_memory
want outbox && section_script outbox 70 "7. Outbox: send and delivery throughput" "issue 6"
want longpoll && section_script longpoll 80 "8. Long-poll freshness" "issue 7"
want soak && section_script soak 90 "9. Soak" "issue 16"   # opt-in: --only soak
want topics && section_script topics 95 "10. Topic fan-out" "topics"
want spring && section_script spring 97 "11. Spring Boot starter: poll throughput" "the Spring Boot starter"
want metrics && section_script metrics 98 "12. Metrics overhead" "metrics"

# ---- RESULTS.md ------------------------------------------------------------------------------
# shellcheck source=/dev/null
source "$WORK/targets.env"
target_row() { # label value op threshold unit
  local v="${2:-}"; [[ -z "$v" ]] && { echo "| $1 | not run | | |"; return; }
  echo "| $1 | $v$5 | $3 $4$5 | $(verdict "$v" "$3" "$4") |"
}
RESULTS="$BENCH_DIR/RESULTS.md"
{
  echo "# AppMessage benchmark results"
  echo
  echo "Written by \`$COMMAND\` on $RUN_DATE ($( [[ $QUICK == 1 ]] && echo 'quick mode: short runs, indicative only' || echo 'full run')). How to read it: README.md."
  echo
  echo "## Machine"
  echo
  echo "- CPU: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "- Memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "- JDK: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "- OS: $(uname -sr); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Apps measured: $APP_NAME (\`${APP_JAR#$ROOT/}\`) and $TEN_NAME (\`${TEN_JAR#$ROOT/}\`); JVM flags for every app: \`$JVM_FLAGS\`"
  echo
  echo "## Targets (issues 5, 7 and 15)"
  echo
  echo "| target | measured | goal | verdict |"
  echo "|---|---:|---:|---|"
  target_row "generated dispatch vs direct calls, 10 handlers" "${gen_vs_direct_10:-}" "<=" 1.2 "x"
  target_row "EventBus time / generated time, 10 handlers" "${eventbus_vs_gen_10:-}" ">=" 10 "x"
  target_row "poll throughput, 10 non-blocking handlers, vs bare Undertow from the I/O thread (median req/s)" "${poll_vs_bare:-}" ">=" 0.9 "x"
  target_row "poll throughput, 10 blocking handlers, vs bare Undertow after the same worker hop" "${blocking_vs_worker:-}" ">=" 0.95 "x"
  if [[ -n "${poll_vs_spring:-}" ]]; then target_row "poll throughput, 10 non-blocking handlers, vs the Spring MVC peer" "$poll_vs_spring" ">=" 4 "x"
  else echo "| poll throughput vs the Spring MVC peer | TODO: peer not built | >= 4x | not run |"; fi
  target_row "sustained $SUSTAINED_RATE polls/s, 10 non-blocking handlers: p99" "${sustained_p99:-}" "<=" 5 " ms"
  target_row "sustained $SUSTAINED_RATE polls/s, 10 non-blocking handlers: errors" "${sustained_errors:-}" "<=" 0 ""
  target_row "start-up vs bare Undertow (median)" "${startup_vs_bare:-}" "<=" 1.2 "x"
  target_row "processor's share of compile time" "${processor_overhead:-}" "<=" 15 "%"
  target_row "bytes allocated per generated dispatch, 10 handlers" "${gen_alloc_10:-}" "<=" 0 " B"
  echo "| bytes allocated per whole runtime poll (alice, 10 handlers, §2b) | ${runtime_poll_alloc:-not run} B | request objects + response bytes | judge by §2b |"
  target_row "errors at $MEMORY_RATE polls/s with -Xmx64m" "${memory_errors:-}" "<=" 0 ""
  target_row "p99 at $MEMORY_RATE polls/s with -Xmx64m (example app, §6)" "${memory_p99:-}" "<=" 50 " ms"
  target_row "long-poll freshness median, 10,000 clients (issue 7, §8)" "${longpoll_p50_10k:-}" "<=" 50 " ms"
  target_row "long-poll freshness p99, 10,000 clients (issue 7, §8)" "${longpoll_p99_10k:-}" "<=" 100 " ms"
  target_row "topic fan-out freshness p99, 10,000 subscribers (§9)" "${topics_p99_10k:-}" "<=" 250 " ms"
  echo
  echo "Longest GC pause under that load: ${memory_max_pause:-not run} ms."
  if awk -v l="${START_LOAD:-0}" -v n="$(nproc)" 'BEGIN { exit !(l + 0 > n) }'; then
    echo
    echo "**The machine was busy with other work** (load average ${START_LOAD} when the run began, $(nproc) cores): throughput, latency and start-up figures, and the verdicts on them, are the scheduler's, not the server's; see the analysis below."
  fi
  echo
  cat "$SECTIONS"/*.md
  [[ -f "$BENCH_DIR/ANALYSIS.md" ]] && { cat "$BENCH_DIR/ANALYSIS.md"; echo; }
  echo "## Raw output"
  echo
  echo "Under \`example/benchmarks/target/run/\` after a run: \`jmh.csv\`, \`jmh.log\`, \`wrk-*.txt\`, \`compile.csv\`, \`gc-memory.log\`, the apps' logs."
} >"$RESULTS"
log "wrote $RESULTS"
