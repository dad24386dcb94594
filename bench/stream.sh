#!/usr/bin/env bash
# The live stream's speed (docs/stream.md, docs/BENCHMARKS.md): builds the jar, then RUNS times starts
# it on a fresh data directory with -Xmx512m and runs bench/StreamBenchmark.java against it:
#   phase 1: 111 streams (100 members, 10 instructors, the owner), 1,000 booking requests and 200
#            confirmations by HTTP; latency from each command's HTTP response to its event on another
#            user's stream (p50/p99);
#   phase 2: streams added up to 1,000; one availability change must reach all of them; the app's heap
#            after a full GC (jcmd) must stay within -Xmx512m.
#   bench/stream.sh                          # 3 runs
#   RUNS=1 COMMANDS=200 bench/stream.sh      # a quick check
#   MVN_FLAGS=-o bench/stream.sh             # offline build
# Knobs (environment): RUNS, PORT, COMMANDS, PRODUCERS, MEMBERS, INSTRUCTORS, STREAMS_MAX.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
PORT=${PORT:-18090}
OUT=target/bench-stream
export AXONIQ_UPDATE_CHECKER_DISABLED=true

mvn -B -q ${MVN_FLAGS:-} -DskipTests package
rm -rf "$OUT" && mkdir -p "$OUT"
for i in $(seq 1 "$RUNS"); do
  java -Xmx512m -jar booking-api/target/booking-api-0.1.0-SNAPSHOT.jar \
    --server.port="$PORT" --booking.data-dir="$OUT/data-$i" --booking.demo-data=false \
    --booking.owner.email=owner@bench.test --booking.owner.password=bench-owner-password \
    --booking.max-pending-per-member=1000000 >"$OUT/app-$i.log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT
  java bench/StreamBenchmark.java run "http://localhost:$PORT" "$app" "$OUT/run-$i.json"
  if grep -q "OutOfMemoryError" "$OUT/app-$i.log"; then echo "run $i: the app ran out of memory"; fi
  kill "$app"; wait "$app" || true
done
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
java bench/StreamBenchmark.java summarize "$OUT"/run-*.json
