#!/usr/bin/env bash
# Replay throughput (docs/replay.md): builds the jar, starts it on a fresh data directory with
# -Xmx512m, fills the event store through the REST API (EVENTS events or more, 16 clients in
# parallel), then runs RUNS replays one after another and prints events/s of each and the median.
#   bench/replay.sh                    # 50,000 events, 3 runs
#   EVENTS=200000 RUNS=5 bench/replay.sh
#   SKIP_BUILD=1 bench/replay.sh       # reuse booking-api/target/*.jar
#   REUSE=1 bench/replay.sh            # replays only, on the store the last run filled
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${EVENTS:-50000}
RUNS=${RUNS:-3}
PORT=${PORT:-18081}
OUT=target/bench-replay
export AXONIQ_UPDATE_CHECKER_DISABLED=true

if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -o -DskipTests package
fi
if [[ -z "${REUSE:-}" ]]; then
  rm -rf "$OUT" && mkdir -p "$OUT"
fi
java -Xmx512m -jar booking-api/target/booking-api-0.1.0-SNAPSHOT.jar \
  --server.port="$PORT" --booking.data-dir="$OUT/data" --booking.demo-data=false \
  --booking.owner.email=owner@bench.test --booking.owner.password=bench-owner-password \
  --booking.max-pending-per-member=1000000 >"$OUT/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT

if [[ -z "${REUSE:-}" ]]; then
  java bench/ReplayBenchmark.java fill "http://localhost:$PORT" "$EVENTS"
fi
java bench/ReplayBenchmark.java replay "http://localhost:$PORT" "$RUNS" | tee "$OUT/result.txt"
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
kill "$app"; wait "$app" || true
