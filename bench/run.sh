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

mvn -B -q -DskipTests package
rm -rf "$OUT" && mkdir -p "$OUT"
for i in $(seq 1 "$RUNS"); do
  rm -rf "$OUT/data-$i"
  launched=$(date +%s%3N)
  java -Xmx512m -XX:SharedArchiveFile=booking-api/target/app/booking.jsa \
    -jar booking-api/target/app/booking-api-0.1.0-SNAPSHOT.jar \
    --server.port="$PORT" --booking.data-dir="$OUT/data-$i" --booking.demo-data=false \
    --booking.owner.email=owner@bench.test --booking.owner.password=bench-owner-password \
    --booking.max-pending-per-member=1000000 >"$OUT/app-$i.log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT
  java bench/BookingBenchmark.java run "http://localhost:$PORT" "$launched" "$OUT/run-$i.json"
  kill "$app"; wait "$app" || true
done
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
java bench/BookingBenchmark.java summarize "$OUT"/run-*.json
