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
# --help prints this. SKIP_BUILD=1 reuses the jars of the last build; SPRING_PEER_JAR=... a runnable jar
# for the http section's Spring MVC peer (else example/spring-mvc-peer runs from its class path).
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
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
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
  # many short alternating rounds: a paired ratio per round, then the median, moves far less with
  # the machine's other load than two long rounds did
  WRK_ROUNDS=6; WRK_SECONDS=3; WRK_WARMUP=6; SPRING_WARMUP=30
  SUSTAINED_SECONDS=10; SUSTAINED_WARMUP=3
  STARTUP_RUNS=5; COMPILE_RUNS=3; COMPILE_WARMUP=0
  MEMORY_SECONDS=20; MEMORY_DIAG_SECONDS=15
else
  JMH_OPTS="-f 2 -wi 5 -w 1s -i 5 -r 1s"
  WRK_ROUNDS=8; WRK_SECONDS=10; WRK_WARMUP=10; SPRING_WARMUP=60
  SUSTAINED_SECONDS=60; SUSTAINED_WARMUP=10
  STARTUP_RUNS=10; COMPILE_RUNS=10; COMPILE_WARMUP=1
  MEMORY_SECONDS=120; MEMORY_DIAG_SECONDS=30
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
# The Spring Boot MVC peer (a port of the PHP controller): SPRING_PEER_JAR when set (a runnable jar), else
# example/spring-mvc-peer run from its class path as sections/spring.sh runs it (built here when the http
# section runs); neither: its column says TODO.
SPRING_JAR="${SPRING_PEER_JAR:-}"; SPRING_CP=""; SPRING_NAME=""
PEER_DIR="$ROOT/example/spring-mvc-peer"
if [[ -z "$SPRING_JAR" && -d "$PEER_DIR" && "${REPORT_ONLY:-0}" != 1 ]] && want http; then
  log "building example/spring-mvc-peer and its class path (the Spring MVC peer of the http section)"
  if [[ "${SKIP_BUILD:-0}" == 1 && -f "$PEER_DIR/target/classpath.txt" ]] || (cd "$ROOT" && mvn -B -q -DskipTests \
      -pl example/spring-mvc-peer -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
      >"$WORK/spring-peer-build.log" 2>&1); then
    SPRING_CP="$PEER_DIR/target/classes:$(cat "$PEER_DIR/target/classpath.txt")"
  else
    tail -20 "$WORK/spring-peer-build.log" >&2; echo "the Spring MVC peer did not build: its column says TODO" >&2
  fi
fi
[[ -n "$SPRING_JAR$SPRING_CP" ]] && SPRING_NAME="Spring MVC peer"
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
  wait_app "$name"
}
# start_spring_peer: the Spring MVC peer, from SPRING_JAR or from its class path (SPRING_CP), like start_app
start_spring_peer() {
  APP_PORT=$(free_port)
  if [[ -n "$SPRING_JAR" ]]; then
    SERVER_PORT="$APP_PORT" java $JVM_FLAGS -jar "$SPRING_JAR" --server.port="$APP_PORT" --server.address=127.0.0.1 >"$WORK/spring.log" 2>&1 &
  else
    java $JVM_FLAGS -cp "$SPRING_CP" io.appmessage.example.peer.PeerApplication --server.port="$APP_PORT" \
      --server.address=127.0.0.1 >"$WORK/spring.log" 2>&1 &
  fi
  APP_PID=$!
  PIDS+=("$APP_PID")
  wait_app spring
}
# wait_app NAME: waits up to 90 s for a 200 on APP_PORT from APP_PID
wait_app() {
  local name="$1"
  for _ in $(seq 1 900); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT$POLL_PATH")" == 200 ]]; then return 0; fi
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/$name.log" >&2; echo "$name exited" >&2; return 1; }
    sleep 0.1
  done
  echo "$name did not answer within 90 s" >&2; return 1
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
  if [[ -n "$SPRING_NAME" ]]; then start_spring_peer; spring_pid=$APP_PID; spring_port=$APP_PORT; fi
  curl -s -H 'X-Access-Token: demo-alice' "http://127.0.0.1:$ten_port$POLL_PATH" >"$WORK/poll-answer-alice.json"
  curl -s "http://127.0.0.1:$ten_port$POLL_PATH" >"$WORK/poll-answer.json"
  curl -s "http://127.0.0.1:$app_port$POLL_PATH" >"$WORK/poll-answer-app.json"
  [[ -n "$spring_port" ]] && curl -s "http://127.0.0.1:$spring_port$POLL_PATH" >"$WORK/poll-answer-spring.json"
  BODY_FILE="$WORK/poll-answer.json" start_app bare "$BARE_JAR"; local bare_pid=$APP_PID bare_port=$APP_PORT
  BODY_FILE="$WORK/poll-answer.json" BARE_DISPATCH=worker start_app bare-worker "$BARE_JAR"; local worker_pid=$APP_PID worker_port=$APP_PORT
  cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; } # the process's user + system CPU
  local clk_tck; clk_tck=$(getconf CLK_TCK)
  wrk_run() { # wrk_run PORT SECONDS PID -> "rps p50ms p99ms errors cpu_us_per_request"
    local out rps p50 p99 errs before after requests
    before=$(cpu_ticks "$3")
    out=$(wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d"${2}s" --latency "http://127.0.0.1:$1$POLL_PATH")
    after=$(cpu_ticks "$3")
    rps=$(awk '/Requests\/sec:/ { print $2 }' <<<"$out")
    requests=$(awk '/requests in/ { print $1 }' <<<"$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
    errs=$(awk '/Non-2xx|Socket errors/ { s = s $0 "; " } END { print (s == "" ? "0" : s) }' <<<"$out")
    echo "$rps $p50 $p99 ${errs// /_} $(awk -v t=$((after - before)) -v hz="$clk_tck" -v n="${requests:-0}" 'BEGIN { if (n > 0) printf "%.2f", t * 1e6 / hz / n; else print "n/a" }')"
  }
  col() { cut -d' ' -f"$1" <<<"$2"; }
  cell() { echo "$(col 1 "$1") ($(col 2 "$1") / $(col 3 "$1"))"; }
  # name:port pairs; each compared pair runs back to back (bare then ten, worker then tenb, ten then spring),
  # and every other round runs in reverse order, so a change of the machine's load mid-round hits both
  # sides of a pair about alike
  local servers="bare:$bare_port ten:$ten_port worker:$worker_port tenb:$tenb_port app:$app_port"
  [[ -n "$spring_port" ]] && servers+=" spring:$spring_port"
  local -A pid_of=([bare]=$bare_pid [ten]=$ten_pid [worker]=$worker_pid [tenb]=$tenb_pid [app]=$app_pid [spring]=${spring_pid:-0})
  local reversed; reversed=$(tr ' ' '\n' <<<"$servers" | tac | tr '\n' ' ')
  local columns="bare worker ten tenb app"; [[ -n "$spring_port" ]] && columns+=" spring"
  local s name port
  # the JIT needs longer on Spring's much larger code path: its warm-up is SPRING_WARMUP
  for s in $servers; do
    wrk_run "${s#*:}" "$( [[ ${s%%:*} == spring ]] && echo "$SPRING_WARMUP" || echo "$WRK_WARMUP")" "${pid_of[${s%%:*}]}" >/dev/null
    : >"$WORK/wrk-${s%%:*}.txt"
  done
  : >"$WORK/wrk-pairs.txt"
  local rows="" r line errs order
  for r in $(seq 1 "$WRK_ROUNDS"); do
    order=$servers; (( r % 2 == 0 )) && order=$reversed
    declare -A got=()
    for s in $order; do
      name=${s%%:*}; port=${s#*:}
      got[$name]=$(wrk_run "$port" "$WRK_SECONDS" "${pid_of[$name]}"); echo "${got[$name]}" >>"$WORK/wrk-$name.txt"
    done
    line="| $r |"; errs=""
    for name in $columns; do line+=" $(cell "${got[$name]}") |"; errs+="$(col 4 "${got[$name]}") / "; done
    [[ -z "$spring_port" ]] && line+=" TODO |"
    rows+="$line ${errs% / } |"$'\n'
    # this round's paired ratios: 10 non-blocking / bare, 10 blocking / bare worker, 10 non-blocking / Spring
    # and the server CPU per poll, bare / ours (a capacity ratio the machine's other load moves less)
    echo "$(ratio "$(col 1 "${got[ten]}")" "$(col 1 "${got[bare]}")") $(ratio "$(col 1 "${got[tenb]}")" "$(col 1 "${got[worker]}")") $( [[ -n "$spring_port" ]] && ratio "$(col 1 "${got[ten]}")" "$(col 1 "${got[spring]}")" || echo n/a) $(ratio "$(col 5 "${got[bare]}")" "$(col 5 "${got[ten]}")") $(ratio "$(col 5 "${got[worker]}")" "$(col 5 "${got[tenb]}")") $( [[ -n "$spring_port" ]] && ratio "$(col 5 "${got[spring]}")" "$(col 5 "${got[ten]}")" || echo n/a)" >>"$WORK/wrk-pairs.txt"
    unset got
  done
  med() { cut -d' ' -f1 "$WORK/wrk-$1.txt" | median; }
  cpu_med() { cut -d' ' -f5 "$WORK/wrk-$1.txt" | grep -v n/a | median | awk '{ printf "%.1f", $1 }'; }
  pair_med() { cut -d' ' -f"$1" "$WORK/wrk-pairs.txt" | grep -v n/a | median | awk '{ printf "%.2f", $1 }'; }
  pair_range() { cut -d' ' -f"$1" "$WORK/wrk-pairs.txt" | grep -v n/a | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }'; }
  local bare_med worker_med ten_med tenb_med app_med spring_med=""
  bare_med=$(med bare); worker_med=$(med worker); ten_med=$(med ten); tenb_med=$(med tenb); app_med=$(med app)
  [[ -n "$spring_port" ]] && spring_med=$(med spring)
  # the targets take the median of the per-round paired ratios (steadier than a ratio of medians on a shared machine)
  local poll_vs_bare blocking_vs_worker poll_vs_spring=""
  poll_vs_bare=$(pair_med 1); blocking_vs_worker=$(pair_med 2)
  [[ -n "$spring_port" ]] && poll_vs_spring=$(pair_med 3)
  {
    echo "poll_vs_bare=$poll_vs_bare"
    echo "poll_cpu_vs_bare=$(pair_med 4)"
    echo "blocking_cpu_vs_worker=$(pair_med 5)"
    echo "blocking_vs_worker=$blocking_vs_worker"
    [[ -n "$spring_med" ]] && echo "poll_vs_spring=$poll_vs_spring"
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
    echo "\`wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${WRK_SECONDS}s --latency\` (anonymous polls), all servers up for the whole run, alternating, after a ${WRK_WARMUP}s warm-up each (the Spring peer ${SPRING_WARMUP}s); all started with \`java $JVM_FLAGS -jar ...\`."
    echo "Bare Undertow answers $TEN_NAME's own anonymous poll bytes ($(wc -c <"$WORK/poll-answer.json") B; alice's answer is $(wc -c <"$WORK/poll-answer-alice.json") B) with the runtime's Undertow settings,"
    echo "once from the I/O thread (the floor) and once after the hop to the worker pool (\`BARE_DISPATCH=worker\`)."
    echo "$TEN_NAME runs its ten \`@NonBlocking\` shop handlers twice: as declared (polls stay on the I/O thread: compared with bare I/O) and with \`SHOP_HANDLERS=blocking\` (the same handlers described as blocking, the default: every poll makes the worker hop, compared with bare worker)."
    if [[ -n "$SPRING_NAME" ]]; then
      echo "The Spring peer is $( [[ -n "$SPRING_JAR" ]] && echo "\`${SPRING_JAR#$ROOT/}\`" || echo "\`example/spring-mvc-peer\` (\`PeerApplication\`, run from its class path as \`sections/spring.sh\` runs it)"): a plain Spring Boot MVC port of the PHP controller (the demo shop's handlers as \`@EventListener\` methods on a per-poll event, the envelope a \`Map\` written by Jackson, Tomcat), with the same JVM flags. It runs the demo shop's handlers (\`test_msg\`, \`order_status\`, the wxapp plugin's two keys; an anonymous poll's answer is $(wc -c <"$WORK/poll-answer-spring.json") B), fewer than PollApp's ten, so the ratio to it is if anything low; it is warmed up for ${SPRING_WARMUP}s (its JIT needs far longer than ours: on a busy machine its req/s still climbs over the rounds, so its CPU per poll below is the steadier comparison)."
    else
      echo "**TODO: the Spring MVC peer** (a plain Spring Boot MVC port of the PHP controller, \`@EventListener\` methods on a per-poll event, Jackson envelope) was not built: \`example/spring-mvc-peer\` is missing or failed to build (\`target/run/spring-peer-build.log\`) and no \`SPRING_PEER_JAR\` was given, so its column says TODO and the \">= 4x Spring\" target is not run."
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
    echo "Each pair runs back to back in every round (bare then 10 non-blocking, bare worker then 10 blocking, 10 non-blocking then Spring; every other round in reverse order); the targets are the median of the $WRK_ROUNDS per-round ratios (their range in brackets):"
    echo "10 non-blocking / bare (I/O): **$poll_vs_bare** ($(pair_range 1)); 10 blocking / bare (worker): **$blocking_vs_worker** ($(pair_range 2)); 10 non-blocking / Spring: **$( [[ -n "$spring_port" ]] && echo "$poll_vs_spring** ($(pair_range 3))" || echo "TODO**")."
    echo "Server CPU per poll (the process's user + system time over the requests wrk counted), median µs: bare (I/O) $(cpu_med bare), 10 non-blocking $(cpu_med ten), bare (worker) $(cpu_med worker), 10 blocking $(cpu_med tenb)$( [[ -n "$spring_port" ]] && echo ", Spring peer $(cpu_med spring)"); bare's CPU per poll / ours, per round, median: non-blocking **$(pair_med 4)** ($(pair_range 4)), blocking **$(pair_med 5)** ($(pair_range 5))$( [[ -n "$spring_port" ]] && echo "; the Spring peer's / 10 non-blocking: **$(pair_med 6)** ($(pair_range 6))"). When the server is CPU-bound that is the share of bare's capacity a poll keeps; the machine's other load moves it less than req/s."
    echo "Ratios of the medians, for comparison: $(ratio "$ten_med" "$bare_med"), $(ratio "$tenb_med" "$worker_med"), $( [[ -n "$spring_med" ]] && ratio "$ten_med" "$spring_med" || echo TODO); the worker hop alone (bare worker / bare I/O): $(ratio "$worker_med" "$bare_med")."
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
  log "start-up: java -jar to first 200, $STARTUP_RUNS alternating rounds; AppCDS on JDK 17 (dynamic archive) and, when present, JDK 25 (auto archive)"
  # once NAME JAR JAVA [flags...]: runs the jar to its first 200 and stops it (an archive written at exit, a class log)
  once() {
    local name="$1" jar="$2" java_bin="$3"; shift 3
    local port; port=$(free_port)
    PORT="$port" HOST=127.0.0.1 APPMESSAGE_HOST=127.0.0.1 APPMESSAGE_DATA_DIR="$WORK/startup-data-$name" BODY_FILE="${BODY_FILE:-}" \
      "$java_bin" $JVM_FLAGS "$@" -jar "$jar" >"$WORK/startup-once-$name.log" 2>&1 &
    local pid=$!
    for _ in $(seq 1 900); do
      [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$POLL_PATH")" == 200 ]] && break
      sleep 0.1
    done
    kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  }
  # The variants, each "java [flags] -jar JAR"; every round starts each once, in turn (alternating, so the
  # machine's load changes hit all alike), then per variant: median, min, max over the rounds.
  local -A cmd=()
  cmd[bare]="java $JVM_FLAGS -jar $BARE_JAR"
  cmd[app]="java $JVM_FLAGS -jar $APP_JAR"
  cmd[ten]="java $JVM_FLAGS -jar $TEN_JAR"
  cmd[scan]="java $JVM_FLAGS -jar $SCANNING_JAR"
  # AppCDS on the default JDK: a dynamic archive written at the exit of one run, then used by every probe run
  once bare "$BARE_JAR" java "-XX:ArchiveClassesAtExit=$WORK/bare.jsa"
  once app "$APP_JAR" java "-XX:ArchiveClassesAtExit=$WORK/app.jsa"
  cmd[cds_bare]="java $JVM_FLAGS -XX:SharedArchiveFile=$WORK/bare.jsa -jar $BARE_JAR"
  cmd[cds_app]="java $JVM_FLAGS -XX:SharedArchiveFile=$WORK/app.jsa -jar $APP_JAR"
  local names="bare app ten scan cds_bare cds_app"
  # JDK 25, when installed: -XX:+AutoCreateSharedArchive writes the archive on the first run, uses it after
  local jdk25
  jdk25=$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* 2>/dev/null | head -1 || true)
  if [[ -n "$jdk25" && -x "$jdk25/bin/java" ]]; then
    rm -f "$WORK/bare25.jsa" "$WORK/app25.jsa"
    local auto="-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile"
    once bare25 "$BARE_JAR" "$jdk25/bin/java" -XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$WORK/bare25.jsa"
    once app25 "$APP_JAR" "$jdk25/bin/java" -XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$WORK/app25.jsa"
    cmd[j25_bare]="$jdk25/bin/java $JVM_FLAGS -jar $BARE_JAR"
    cmd[j25_app]="$jdk25/bin/java $JVM_FLAGS -jar $APP_JAR"
    cmd[j25_cds_bare]="$jdk25/bin/java $JVM_FLAGS $auto=$WORK/bare25.jsa -jar $BARE_JAR"
    cmd[j25_cds_app]="$jdk25/bin/java $JVM_FLAGS $auto=$WORK/app25.jsa -jar $APP_JAR"
    names+=" j25_bare j25_app j25_cds_bare j25_cds_app"
  fi
  local n r
  for n in $names; do : >"$WORK/startup-$n.txt"; done
  for r in $(seq 1 "$STARTUP_RUNS"); do
    for n in $names; do
      # shellcheck disable=SC2086
      jrun io.appmessage.benchmarks.startup.StartupProbe --runs 1 --path "$POLL_PATH" -- ${cmd[$n]} \
        | sed -n 's/^RESULT median_ms=\([0-9]*\).*/\1/p' >>"$WORK/startup-$n.txt"
    done
  done
  stats() { # NAME -> a RESULT-like line: median_ms= min_ms= max_ms=
    [[ -s "$WORK/startup-$1.txt" ]] || return 0
    echo "median_ms=$(median <"$WORK/startup-$1.txt") min_ms=$(sort -g "$WORK/startup-$1.txt" | head -1) max_ms=$(sort -g "$WORK/startup-$1.txt" | tail -1)"
  }
  local bare app ten scan cds_bare cds_app j25_bare="" j25_app="" j25_cds_bare="" j25_cds_app=""
  bare=$(stats bare); app=$(stats app); ten=$(stats ten); scan=$(stats scan); cds_bare=$(stats cds_bare); cds_app=$(stats cds_app)
  if [[ " $names " == *" j25_bare "* ]]; then
    j25_bare=$(stats j25_bare); j25_app=$(stats j25_app); j25_cds_bare=$(stats j25_cds_bare); j25_cds_app=$(stats j25_cds_app)
  fi
  echo "startup_vs_bare=$(ratio "$(field median_ms "$app")" "$(field median_ms "$bare")")" >>"$WORK/targets.env"
  # What the app loads beyond bare Undertow to its first 200: classes by origin (-Xlog:class+load, one run each)
  once classes-bare "$BARE_JAR" java "-Xlog:class+load:file=$WORK/classes-bare.txt"
  once classes-app "$APP_JAR" java "-Xlog:class+load:file=$WORK/classes-app.txt"
  classes() { # FILE -> "total jdk undertow+xnio jackson h2 appmessage logging other"
    awk '/class,load/ {
        c = $2; t++
        if (c ~ /^(java|javax|jdk|sun|com\.sun)\./) g["jdk"]++
        else if (c ~ /^(io\.undertow|org\.xnio|org\.jboss|org\.wildfly)\./) g["undertow"]++
        else if (c ~ /^(tools\.jackson|com\.fasterxml)\./) g["jackson"]++
        else if (c ~ /^org\.h2\./) g["h2"]++
        else if (c ~ /^io\.appmessage\.(runtime|spi|annotations)/) g["runtime"]++
        else if (c ~ /^io\.appmessage\./) g["app"]++
        else if (c ~ /^(org\.slf4j|ch\.qos)\./) g["logging"]++
        else g["other"]++
        if (c ~ /Lambda|LambdaForm|\$\$/) g["lambda"]++
      } END { printf "%d %d %d %d %d %d %d %d %d %d", t, g["jdk"], g["undertow"], g["jackson"], g["h2"], g["runtime"], g["app"], g["logging"], g["other"], g["lambda"] }' "$1"
  }
  local cb ca
  cb=$(classes "$WORK/classes-bare.txt" 2>/dev/null || echo ""); ca=$(classes "$WORK/classes-app.txt" 2>/dev/null || echo "")
  row() { echo "| $1 | $(field median_ms "$2") | $(field min_ms "$2") | $(field max_ms "$2") | $(ratio "$(field median_ms "$2")" "$(field median_ms "$3")") |"; }
  {
    echo "## 4. Start-up: \`java -jar\` to the first 200 (median of $STARTUP_RUNS alternating rounds)"
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
    if [[ -n "$cb" && -n "$ca" ]]; then
      echo "Classes loaded to the first 200 (\`-Xlog:class+load\`, one start each; JDK classes mostly come from the JDK's own CDS archive):"
      echo
      echo "| app | all | JDK | Undertow + XNIO + JBoss | Jackson | H2 | AppMessage runtime | the app's own | logging | other | of them lambda / hidden |"
      echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
      echo "| bare Undertow | $(tr ' ' '|' <<<"$cb" | sed 's/|/ | /g') |"
      echo "| $APP_NAME | $(tr ' ' '|' <<<"$ca" | sed 's/|/ | /g') |"
      echo
    fi
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
  log "memory: $APP_NAME with -Xmx64m at $MEMORY_RATE polls/s for $MEMORY_SECONDS s; then the same with -Xmx256m and at half the rate (${MEMORY_DIAG_SECONDS} s each)"
  # mem_run NAME HEAP RATE SECONDS -> "load-RESULT-line | gc-RESULT-line | alive | server CPU % of one core"
  mem_run() {
    local name="$1" heap="$2" rate="$3" seconds="$4" gclog="$WORK/gc-$1.log"
    rm -f "$gclog"
    JVM_FLAGS="$heap -XX:+UseG1GC" start_app "$name" "$APP_JAR" "-Xlog:gc:file=$gclog"
    local pid=$APP_PID port=$APP_PORT load gc alive before after
    before=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
    load=$(jrun io.appmessage.benchmarks.load.OpenLoopLoad --url "http://127.0.0.1:$port$POLL_PATH" --token demo-alice \
      --rate "$rate" --connections $LOAD_CONNECTIONS --threads $LOAD_THREADS --duration "$seconds" --warmup 2 | grep '^RESULT')
    after=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo "$before")
    kill -0 "$pid" 2>/dev/null && alive=yes || alive="NO (see $WORK/$name.log)"
    stop_app "$pid"
    gc=$(jrun io.appmessage.benchmarks.gc.GcPauses "$gclog")
    echo "$load|$gc|$alive|$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v s="$seconds" 'BEGIN { printf "%.0f", t * 100 / hz / (s + 2) }')"
  }
  mem_row() { # LABEL RATE "load|gc|alive|cpu"
    local load gc alive cpu errors
    IFS='|' read -r load gc alive cpu <<<"$3"
    errors=$(( $(field non2xx "$load") + $(field io_errors "$load") + $(field timeouts "$load") ))
    echo "| $1 | $2 | $(field achieved_rate "$load") | $(field p50_ms "$load") | $(field p99_ms "$load") | $(field max_ms "$load") | $errors | $(field pauses "$gc") | $(field max_pause_ms "$gc") | $(field total_pause_ms "$gc") | $cpu | $alive |"
  }
  local target big half
  target=$(mem_run memory -Xmx64m "$MEMORY_RATE" "$MEMORY_SECONDS")
  big=$(mem_run memory-256m -Xmx256m "$MEMORY_RATE" "$MEMORY_DIAG_SECONDS")
  half=$(mem_run memory-half -Xmx64m $(( MEMORY_RATE / 2 )) "$MEMORY_DIAG_SECONDS")
  local load gc _alive _cpu
  IFS='|' read -r load gc _alive _cpu <<<"$target"
  local errors=$(( $(field non2xx "$load") + $(field io_errors "$load") + $(field timeouts "$load") ))
  echo "memory_errors=$errors" >>"$WORK/targets.env"
  echo "memory_p99=$(field p99_ms "$load")" >>"$WORK/targets.env"
  echo "memory_max_pause=$(field max_pause_ms "$gc")" >>"$WORK/targets.env"
  {
    echo "## 6. Memory: $APP_NAME with \`-Xmx64m\`, $MEMORY_RATE polls/s for $MEMORY_SECONDS s (authenticated polls)"
    echo
    echo "\`OpenLoopLoad --token demo-alice --connections $LOAD_CONNECTIONS --threads $LOAD_THREADS --warmup 2\`, latency from each poll's intended send time; \`-Xlog:gc\` read by \`GcPauses\`."
    echo "The first row is the target; the two after it tell what a p99 comes from: the same load with four times the heap (if p99 falls, it was the heap),"
    echo "and the same heap at half the rate (if p99 falls, it was queueing: the server, beside the load generator on the same cores, short of capacity)."
    echo "Every poll waits for the example's async \`flash_sale\` handler, a simulated 20 ms inventory call, so p50 cannot be under about 20 ms. Server CPU: the app's user + system time over the run, in % of one core (the machine has $(nproc))."
    echo
    echo "| run | asked /s | achieved /s | p50 ms | p99 ms | max ms | errors | GC pauses | longest pause ms | total pause ms | server CPU % | alive after |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    mem_row "\`-Xmx64m\` (the target), $MEMORY_SECONDS s" "$MEMORY_RATE" "$target"
    mem_row "\`-Xmx256m\`, $MEMORY_DIAG_SECONDS s" "$MEMORY_RATE" "$big"
    mem_row "\`-Xmx64m\`, half the rate, $MEMORY_DIAG_SECONDS s" "$(( MEMORY_RATE / 2 ))" "$half"
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
  echo "Under \`example/benchmarks/target/run/\` after a run: \`jmh.csv\`, \`jmh.log\`, \`wrk-*.txt\` (\`wrk-pairs.txt\`: the per-round ratios), \`startup-*.txt\` and \`classes-*.txt\`, \`compile.csv\`, \`gc-memory*.log\`, the apps' logs."
} >"$RESULTS"
log "wrote $RESULTS"
