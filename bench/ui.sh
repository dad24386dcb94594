#!/usr/bin/env bash
# The web UI, driven by Debian's Chromium through Playwright for Java (never a downloaded browser):
#   bench/ui.sh bench         # calendar page ready, instructor switch, page weight (docs/BENCHMARKS.md)
#   bench/ui.sh screenshots   # docs/screenshots/*.png (member and instructor, desktop and phone)
# Builds the jar, starts it on a fresh data directory with the demo studio, runs the Playwright
# program from the test classes against it, stops it. LOADS=15 SWITCHES=30 tune the benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:?usage: bench/ui.sh bench|screenshots}
PORT=${PORT:-18090}
OUT=target/bench-ui
export AXONIQ_UPDATE_CHECKER_DISABLED=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

mvn -B -q -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
rm -rf "$OUT" && mkdir -p "$OUT"
java -Xmx512m -jar booking-api/target/booking-api-0.1.0-SNAPSHOT.jar \
  --server.port="$PORT" --booking.data-dir="$OUT/data" --booking.demo-data=true >"$OUT/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do  # the demo studio is loaded once the application is up
  grep -q "Loaded the demo studio" "$OUT/app.log" && break
  kill -0 $app 2>/dev/null || { cat "$OUT/app.log"; exit 1; }
  sleep 1
done

CP="booking-api/target/test-classes:booking-api/target/classes:$(cat booking-api/target/test-classpath.txt)"
case "$MODE" in
  bench) java -cp "$CP" studio.booking.api.ui.UiBenchmark "http://localhost:$PORT" "${LOADS:-15}" "${SWITCHES:-30}"
         echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(chromium --version 2>/dev/null | head -1)" ;;
  screenshots) java -cp "$CP" studio.booking.api.ui.Screenshots "http://localhost:$PORT" docs/screenshots ;;
  *) echo "unknown mode $MODE" >&2; exit 2 ;;
esac
