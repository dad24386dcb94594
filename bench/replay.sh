#!/usr/bin/env bash
# Replay throughput (docs/replay.md): builds the app, starts it as the README does (bench/app.sh:
# -Xmx512m) on a fresh data directory, fills the event store through the REST API (EVENTS events or more, 16 clients in
# parallel), then runs RUNS replays one after another and prints events/s of each and the median.
#   bench/replay.sh                    # 50,000 events, 3 runs
#   EVENTS=200000 RUNS=5 bench/replay.sh
#   SKIP_BUILD=1 bench/replay.sh       # reuse the last build (booking-api/target/app)
#   REUSE=1 bench/replay.sh            # replays only, on the store the last run filled
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${EVENTS:-50000}
RUNS=${RUNS:-3}
PORT=${PORT:-18081}
OUT=target/bench-replay
export AXONIQ_UPDATE_CHECKER_DISABLED=true
source bench/app.sh

if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -o -DskipTests package
fi
if [[ -z "${REUSE:-}" ]]; then
  rm -rf "$OUT" && mkdir -p "$OUT"
fi
start_app "$OUT/data" "$OUT/app.log"

if [[ -z "${REUSE:-}" ]]; then
  java bench/ReplayBenchmark.java fill "http://localhost:$PORT" "$EVENTS"
fi
java bench/ReplayBenchmark.java replay "http://localhost:$PORT" "$RUNS" | tee "$OUT/result.txt"
machine
stop_app
