#!/usr/bin/env bash
# CPU time and bytes of one poll (no HTTP) with metrics off, an observer that does nothing (the runtime's
# own share), the meters on Micrometer's default clock (before), the meters as the management listener
# registers them (its clock ticks), and meters + presence, read from the polling thread's own CPU clock and
# allocation counter, so other processes on a shared machine do not count. Prints RESULT lines.
# Usage: runtime/metrics/bench/poll-cost.sh [rounds, default 9] [polls per round, default 200000]
# Needs JDK 17+ and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=classpath.sh
source bench/classpath.sh
java -Xms256m -Xmx256m -XX:+UseG1GC -Dorg.jboss.logging.provider=slf4j -cp "$CP" \
  io.appmessage.metrics.bench.PollCpuCost "${1:-9}" "${2:-200000}" 2>&1 | grep '^RESULT'
