#!/usr/bin/env bash
# The live stream's speed (docs/stream.md, docs/BENCHMARKS.md): builds the app, then RUNS times starts
# it as the README does (bench/app.sh: -Xmx512m) on a fresh data directory and runs
# bench/StreamBenchmark.java against it:
#   phase 1: 111 streams (100 members, 10 instructors, the owner), 1,000 booking requests and 200
#            confirmations by HTTP; latency from each command's HTTP response to its event on another
#            user's stream (p50/p99);
#   phase 2: streams added up to 1,000; one availability change must reach all of them; the app's heap
#            after a full GC (jcmd) must stay within -Xmx512m.
#   bench/stream.sh                          # 3 runs
#   RUNS=1 COMMANDS=200 bench/stream.sh      # a quick check
#   MVN_FLAGS=-o bench/stream.sh             # offline build
# Knobs (environment): RUNS, PORT, COMMANDS, PRODUCERS, RATE (booking requests per second; 0, the
# default: as fast as the producers go), MEMBERS, INSTRUCTORS, STREAMS_MAX.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
PORT=${PORT:-18090}
OUT=target/bench-stream
export AXONIQ_UPDATE_CHECKER_DISABLED=true
source bench/app.sh

mvn -B -q ${MVN_FLAGS:-} -DskipTests package
rm -rf "$OUT" && mkdir -p "$OUT"
for i in $(seq 1 "$RUNS"); do
  start_app "$OUT/data-$i" "$OUT/app-$i.log"
  java bench/StreamBenchmark.java run "http://localhost:$PORT" "$app" "$OUT/run-$i.json"
  if grep -q "OutOfMemoryError" "$OUT/app-$i.log"; then echo "run $i: the app ran out of memory"; fi
  stop_app
done
echo
machine
java bench/StreamBenchmark.java summarize "$OUT"/run-*.json
