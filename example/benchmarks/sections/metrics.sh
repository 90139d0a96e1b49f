# Section 11: what metrics cost a poll. Sourced by run.sh in a subshell; prints its markdown.
# wrk poll throughput with metrics on against off (runtime/metrics/bench/overhead.sh: two server JVMs,
# alternating rounds, medians), then the CPU time and bytes of one poll without HTTP
# (runtime/metrics/bench/poll-cost.sh: the polling thread's own clocks, so machine load does not count).
if [[ $QUICK == 1 ]]; then MX_SECONDS=5; MX_ROUNDS=4; MX_COST_ROUNDS=5; MX_COST_POLLS=50000
else MX_SECONDS=10; MX_ROUNDS=8; MX_COST_ROUNDS=9; MX_COST_POLLS=200000; fi
echo "== metrics: wrk, $MX_ROUNDS rounds of ${MX_SECONDS}s per side" >&2
ONLY="on on-system-clock" "$ROOT/runtime/metrics/bench/overhead.sh" "$MX_SECONDS" "$MX_ROUNDS" >"$WORK/metrics-wrk.txt" 2>"$WORK/metrics-wrk.log" \
  || echo "RESULT failed=yes" >>"$WORK/metrics-wrk.txt"
echo "== metrics: CPU per poll" >&2
"$ROOT/runtime/metrics/bench/poll-cost.sh" "$MX_COST_ROUNDS" "$MX_COST_POLLS" >"$WORK/metrics-cost.txt" 2>"$WORK/metrics-cost.log" \
  || echo "RESULT failed=yes" >>"$WORK/metrics-cost.txt"
mx_wrk=$(grep '^RESULT mode=on ' "$WORK/metrics-wrk.txt" || true)
echo "## 12. Metrics overhead: poll throughput with metrics on against off"
echo
echo "Server JVMs of the same main (\`runtime/metrics/src/test/.../bench/OverheadServer\`: the metrics test app's four handlers, one user token), all started and warmed once: *off* (no observer), *on* (the meters in the management listener's Prometheus registry, local presence, the listener itself) and *on, default clock* (the same meters in a registry on Micrometer's default clock, as before the management registry's clock ticked)."
echo "\`wrk -t1 -c32\` for ${MX_SECONDS}s against off and one of the others in turn, the order flipping every round; the ratio is on/off per round, its median over $MX_ROUNDS rounds. Per-round lines: \`target/run/metrics-wrk.txt\`."
echo
if [[ -n "$mx_wrk" ]]; then
  echo "| setup | off req/s (median) | on req/s (median) | on/off (median) | on/off range | overhead |"
  echo "|---|---:|---:|---:|---:|---:|"
  for mode in on-system-clock on; do
    line=$(grep "^RESULT mode=$mode " "$WORK/metrics-wrk.txt" || true)
    [[ $mode == on ]] && name="**on** (as shipped)" || name="on, default clock (before)"
    [[ -n "$line" ]] && echo "| $name | $(field off_median "$line") | $(field on_median "$line") | $(field ratio_median "$line") | $(field ratio_min "$line")–$(field ratio_max "$line") | $(field overhead_pct "$line") % |"
  done
  echo
  echo "Target: overhead ≤ 5 %: $(verdict "$(field overhead_pct "$mx_wrk")" "<=" 5)."
  echo "metrics_overhead=$(field overhead_pct "$mx_wrk")" >>"$WORK/targets.env"
else
  echo "Not measured: see \`target/run/metrics-wrk.log\`."
fi
echo
echo "One poll without HTTP (the runtime's dispatcher on one thread), CPU time and bytes from that thread's own counters, medians over $MX_COST_ROUNDS alternating rounds of $MX_COST_POLLS polls:"
echo
echo "| setup | CPU ns per poll | bytes per poll | vs off |"
echo "|---|---:|---:|---:|"
for mode in off noop meters-system-clock meters on; do
  line=$(grep "^RESULT mode=$mode " "$WORK/metrics-cost.txt" || true)
  case $mode in off) name="off (no observer)";; noop) name="an observer that does nothing (the runtime's share)";;
    meters-system-clock) name="meters, registry on Micrometer's default clock (before)";;
    meters) name="meters, the management registry (its clock ticks every 10 ms)";; on) name="meters + presence";; esac
  [[ -n "$line" ]] && echo "| $name | $(field cpu_ns_per_poll "$line") | $(field bytes_per_poll "$line") | $(field vs_off "$line") |"
done
echo
