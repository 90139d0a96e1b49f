#!/usr/bin/env bash
# What the metrics cost per poll, in JMH: time and bytes allocated for one whole poll without HTTP, with
# metrics off, meters only, and meters + presence; and the observer's events of one poll alone.
# Usage: runtime/metrics/bench/observer-cost.sh [extra JMH options, e.g. -wi 2 -i 3]
# Needs JDK 17+ and Maven. Prints JMH's table (ns/op, gc.alloc.rate.norm B/op).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=classpath.sh
source bench/classpath.sh
java -cp "$CP" -Dorg.jboss.logging.provider=slf4j org.openjdk.jmh.Main ObserverCostBenchmark -prof gc \
  -jvmArgsAppend "-Xmx256m -Dorg.jboss.logging.provider=slf4j" "$@" 2>&1 \
  | grep -E '^(Benchmark|ObserverCostBenchmark)' | grep -v -E 'gc\.(alloc\.rate |count|time|churn)'
