#!/usr/bin/env bash
# Reproduces docs/BENCHMARKS.md: builds the application, then RUNS times starts it as the README
# does (plus -Xmx512m) on a fresh data directory (the first start, database creation included,
# is timed), loads it through the public REST API and records one JSON line per run; prints the
# medians.
#   bench/run.sh            # 3 runs
#   RUNS=5 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
PORT=${PORT:-18080}
OUT=target/bench
export AXONIQ_UPDATE_CHECKER_DISABLED=true
source bench/app.sh

mvn -B -q -DskipTests package
rm -rf "$OUT" && mkdir -p "$OUT"
for i in $(seq 1 "$RUNS"); do
  rm -rf "$OUT/data-$i"
  launched=$(date +%s%3N)
  start_app "$OUT/data-$i" "$OUT/app-$i.log"
  BENCH_APP_PID=$app java bench/BookingBenchmark.java run "http://localhost:$PORT" "$launched" "$OUT/run-$i.json"
  stop_app
done
echo
machine
java bench/BookingBenchmark.java summarize "$OUT"/run-*.json
