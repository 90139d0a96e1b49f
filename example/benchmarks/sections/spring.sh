# Section 9: the Spring Boot starter's poll throughput on Tomcat, against the standalone server and against a
# plain Spring MVC controller doing what the PHP controller did (the same handlers as @EventListener
# methods on a per-poll event, the envelope written by Jackson), in the same run, alternating rounds.
# Sourced by run.sh in a subshell (it prints its markdown); also runs alone:
#   QUICK=1 bash example/benchmarks/sections/spring.sh > /tmp/spring.md
# All three apps run the demo shop's handlers (test_msg, order_status, the wxapp plugin's two keys) from the
# same class path (example/spring-mvc-peer and its dependencies), anonymous polls, no outbox.
set -euo pipefail
: "${BENCH_DIR:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
: "${ROOT:=$(cd "$BENCH_DIR/../.." && pwd)}"
: "${WORK:=$BENCH_DIR/target/run}"
: "${QUICK:=1}"
: "${JVM_FLAGS:=-Xms256m -Xmx256m -XX:+UseG1GC}"
mkdir -p "$WORK"
if [[ $QUICK == 1 ]]; then SP_ROUNDS=2; SP_SECONDS=5; SP_WARMUP=10; else SP_ROUNDS=5; SP_SECONDS=15; SP_WARMUP=10; fi
SP_THREADS=2; SP_CONNECTIONS=64
SP_PATH=/api/message/index

sp_free_port() {
  local p
  while :; do
    p=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
SP_PIDS=()
sp_cleanup() { for pid in "${SP_PIDS[@]:-}"; do [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true; done; }
trap sp_cleanup EXIT
# sp_start NAME PORT command...: starts it, waits up to 90 s for a 200 on the poll path
sp_start() {
  local name="$1" port="$2"; shift 2
  "$@" >"$WORK/spring-$name.log" 2>&1 &
  SP_PIDS+=("$!")
  local pid=$!
  for _ in $(seq 1 900); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$SP_PATH")" == 200 ]] && return 0
    kill -0 "$pid" 2>/dev/null || { tail -20 "$WORK/spring-$name.log" >&2; echo "$name exited" >&2; return 1; }
    sleep 0.1
  done
  echo "$name did not answer within 90 s" >&2; return 1
}
sp_wrk() { # PORT SECONDS -> "rps p50ms p99ms errors"
  local out
  out=$(wrk -t$SP_THREADS -c$SP_CONNECTIONS -d"${2}s" --latency "http://127.0.0.1:$1$SP_PATH")
  awk '
    function ms(v) { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; return sprintf("%.3f", n) }
    /Requests\/sec:/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /Non-2xx|Socket errors/ { e = e $0 "; " }
    END { gsub(/ /, "_", e); print rps, p50, p99, (e == "" ? "0" : e) }' <<<"$out"
}
sp_median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
sp_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }

echo "== spring: building example/spring-mvc-peer and what it needs" >&2
[[ "${SKIP_BUILD:-0}" == 1 ]] || (cd "$ROOT" && mvn -B -q -DskipTests -pl example/spring-mvc-peer -am package \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >"$WORK/spring-build.log" 2>&1) \
  || { tail -30 "$WORK/spring-build.log" >&2; exit 1; }
SP_CP="$ROOT/example/spring-mvc-peer/target/classes:$(cat "$ROOT/example/spring-mvc-peer/target/classpath.txt")"

starter_port=$(sp_free_port); sp_start starter "$starter_port" java $JVM_FLAGS -cp "$SP_CP" \
  io.appmessage.example.starter.StarterShop --server.port="$starter_port" --server.address=127.0.0.1 \
  --appmessage.outbox.store=none
peer_port=$(sp_free_port); sp_start peer "$peer_port" java $JVM_FLAGS -cp "$SP_CP" \
  io.appmessage.example.peer.PeerApplication --server.port="$peer_port" --server.address=127.0.0.1
alone_port=$(sp_free_port); PORT="$alone_port" sp_start standalone "$alone_port" java $JVM_FLAGS -cp "$SP_CP" \
  io.appmessage.example.peer.StandaloneShop

for name in starter peer alone; do
  port_var="${name}_port"
  curl -s "http://127.0.0.1:${!port_var}$SP_PATH" >"$WORK/spring-answer-$name.json"
done
same="yes"
cmp -s "$WORK/spring-answer-starter.json" "$WORK/spring-answer-peer.json" || same="no"
cmp -s "$WORK/spring-answer-starter.json" "$WORK/spring-answer-alone.json" || same="no"

echo "== spring: warm-up ${SP_WARMUP}s each, then ${SP_ROUNDS} rounds of ${SP_SECONDS}s, alternating" >&2
for port in "$starter_port" "$peer_port" "$alone_port"; do sp_wrk "$port" "$SP_WARMUP" >/dev/null; done
: >"$WORK/spring-wrk-starter.txt"; : >"$WORK/spring-wrk-peer.txt"; : >"$WORK/spring-wrk-alone.txt"
for _ in $(seq 1 "$SP_ROUNDS"); do
  sp_wrk "$starter_port" "$SP_SECONDS" >>"$WORK/spring-wrk-starter.txt"
  sp_wrk "$peer_port" "$SP_SECONDS" >>"$WORK/spring-wrk-peer.txt"
  sp_wrk "$alone_port" "$SP_SECONDS" >>"$WORK/spring-wrk-alone.txt"
done
sp_col() { cut -d' ' -f"$1" "$WORK/spring-wrk-$2.txt" | sp_median; }
sp_errors() { cut -d' ' -f4 "$WORK/spring-wrk-$1.txt" | sort -u | paste -sd' ' -; }
s=$(sp_col 1 starter); p=$(sp_col 1 peer); a=$(sp_col 1 alone)
vs_peer=$(sp_ratio "$s" "$p")

echo "## 11. Spring Boot starter: poll throughput on Tomcat"
echo
echo "Three apps over the demo shop's handlers (the shop's \`test_msg\`, the user's \`order_status\` from an injected service, the wxapp plugin's two keys), each its own JVM (\`$JVM_FLAGS\`), one class path:"
echo "the starter (\`StarterShop\`: the demo shop's handler beans and authenticator, Spring Boot 3.5, Tomcat, no outbox; these synchronous handlers answer on Tomcat's request thread, Servlet async is only for async handlers and holds);"
echo "the plain Spring MVC peer \`example/spring-mvc-peer\` (\`@RestController\` publishing one \`PollEvent\` per poll to \`@EventListener\` handlers, envelope returned as a \`Map\` and written by Jackson, Tomcat);"
echo "and the same handler classes on the standalone server (\`StandaloneShop\`, Undertow)."
echo "wrk -t$SP_THREADS -c$SP_CONNECTIONS, anonymous GETs, warm-up ${SP_WARMUP}s each, then $SP_ROUNDS rounds of ${SP_SECONDS}s alternating; medians. Same bytes from all three: **$same**."
echo
echo "| app | req/s (median) | p50 ms | p99 ms | errors | vs plain MVC |"
echo "|---|---:|---:|---:|---|---:|"
echo "| starter (Spring MVC, Tomcat) | **$s** | $(sp_col 2 starter) | $(sp_col 3 starter) | $(sp_errors starter) | **$vs_peer** |"
echo "| plain Spring MVC controller + \`@EventListener\` + Jackson (Tomcat) | $p | $(sp_col 2 peer) | $(sp_col 3 peer) | $(sp_errors peer) | 1.00 |"
echo "| standalone server (Undertow) | $a | $(sp_col 2 alone) | $(sp_col 3 alone) | $(sp_errors alone) | $(sp_ratio "$a" "$p") |"
echo
echo "Starter / standalone: $(sp_ratio "$s" "$a"). Target: the starter ≥ 1.5× the plain controller: $(awk -v v="$vs_peer" 'BEGIN { if (v == "n/a") print "n/a"; else if (v + 0 >= 1.5) print "met"; else print "**missed**" }') ($vs_peer×)."
echo "Load generator, three servers and the build share the machine's $(nproc) cores: compare within this table, not across runs."
echo
[[ -n "${WORK:-}" && -f "${WORK}/targets.env" ]] && echo "starter_vs_mvc=$vs_peer" >>"$WORK/targets.env"
exit 0
