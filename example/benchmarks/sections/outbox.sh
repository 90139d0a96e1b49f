# Section 7: send and delivery throughput of the targeted-message outbox, both stores.
# Sourced by run.sh in a subshell (BENCH_DIR WORK QUICK jrun field ... set); prints its markdown.
# One JVM per store (io.appmessage.benchmarks.delivery.OutboxThroughput); Redis is a private
# redis-server on a free loopback port in a temp directory, started and killed by that JVM.
if [[ $QUICK == 1 ]]; then
  OB_SEND_SECONDS=2; OB_LIVE_SECONDS=3; OB_READERS=100; OB_BACKLOG=50
else
  OB_SEND_SECONDS=10; OB_LIVE_SECONDS=15; OB_READERS=200; OB_BACKLOG=100
fi
OB_STORES="embedded"
if command -v redis-server >/dev/null; then OB_STORES="embedded redis redis-aof"; fi
: >"$WORK/outbox.txt"
for store in $OB_STORES; do
  echo "== outbox: $store" >&2
  jrun io.appmessage.benchmarks.delivery.OutboxThroughput --store "$store" --seconds "$OB_SEND_SECONDS" \
    --threads 1,16,64 --readers "$OB_READERS" --backlog "$OB_BACKLOG" --live-seconds "$OB_LIVE_SECONDS" --live-senders 16 \
    2>"$WORK/outbox-$store.log" | grep '^RESULT' >>"$WORK/outbox.txt" \
    || echo "RESULT kind=failed store=$store (see target/run/outbox-$store.log)" >>"$WORK/outbox.txt"
done
ob_store_name() {
  case "$1" in
    embedded) echo "embedded (H2 MVStore, fsync per group commit)" ;;
    redis) echo "Redis, no persistence (\`--save \"\" --appendonly no\`)" ;;
    redis-aof) echo "Redis, AOF \`--appendfsync always\`" ;;
  esac
}
echo "## 7. Outbox: send and delivery throughput"
echo
echo "\`OutboxThroughput\`, one JVM per store (the JVM's default flags; \`JVM_FLAGS\` is for the apps compared in §3–6), senders, server and clients on this machine: the embedded store in a temp directory;"
echo "Redis as a private \`redis-server\` ($(redis-server --version 2>/dev/null | awk '{ print $3 }' || echo 'not installed')) on a free loopback port in a temp directory, once without persistence"
echo "(\`--save \"\" --appendonly no\`: the fastest Redis can be, loses everything on a crash) and once with \`--appendonly yes --appendfsync always\`"
echo "(every write fsynced before Redis answers: the durability the embedded store gives). Every send returns only once stored (durably where the store is)."
[[ "$OB_STORES" == embedded ]] && echo "**redis-server is not installed: Redis rows not measured** (\`apt-get install -y redis-server\`)."
echo
echo "### Send: N threads calling \`outbox.sendJson\` back to back for ${OB_SEND_SECONDS}s, to 1,000 random users"
echo
echo "| store | threads | sends/s | p50 ms | p99 ms | max ms | failures |"
echo "|---|---:|---:|---:|---:|---:|---:|"
while read -r line; do
  [[ "$(field kind "$line")" == send ]] || continue
  echo "| $(ob_store_name "$(field store "$line")") | $(field threads "$line") | $(field sends_per_s "$line") | $(field p50_ms "$line") | $(field p99_ms "$line") | $(field max_ms "$line") | $(field failures "$line") |"
done <"$WORK/outbox.txt"
echo
echo "### Delivery: clients long-polling a real \`AppMessageServer\` over loopback HTTP with their cursors"
echo
echo "$OB_READERS clients (\`PollingClients\`: raw NIO, one keep-alive connection per user, \`wait=25\`, cursor sent back, repeats dropped by id) poll PollApp's server (ten handlers, the store under test, batch size 100)."
echo "**Backlog**: $OB_BACKLOG messages per user are sent before any client polls; msgs/s is from the clients' start to the last message in."
echo "**Live**: 16 threads send to random clients' users for ${OB_LIVE_SECONDS}s while they poll; end-to-end latency is from the send call (before the durable write) to the client holding the message, read from the send time each message carries."
echo
echo "| store | backlog msgs/s | live sends/s | live delivered msgs/s | delivered / sent | e2e p50 ms | e2e p99 ms | e2e max ms | duplicates / gaps / errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
for store in $OB_STORES; do
  drain=$(grep "kind=drain store=$store " "$WORK/outbox.txt" || true)
  live=$(grep "kind=live store=$store " "$WORK/outbox.txt" || true)
  if [[ -z "$live" ]]; then echo "| $(ob_store_name "$store") | failed: see \`target/run/outbox-$store.log\` | | | | | | | |"; continue; fi
  echo "| $(ob_store_name "$store") | $(field msgs_per_s "$drain") ($(field delivered "$drain")/$(field backlog "$drain")) | $(field sends_per_s "$live") | $(field msgs_per_s "$live") | $(field delivered "$live") / $(field sent "$live") | $(field e2e_p50_ms "$live") | $(field e2e_p99_ms "$live") | $(field e2e_max_ms "$live") | $(field duplicates "$live") / $(field gaps "$live") / $(field errors "$live") |"
done
echo
echo "Live: senders, server and clients share the machine's cores, and a message to a waiting client wakes its held poll, which costs a whole answer (handlers, store read, HTTP) and a new poll; so live sends/s sit well below the send-only rows of the same store: the figure is the delivery capacity of this machine, not the store's. delivered/s follows sends/s (the clients keep up). The latency is under full send load, so it includes queueing behind the senders; section 8 measures freshness at a modest rate. The backlog row is how fast the server hands stored messages out (batches of up to 100)."
echo
