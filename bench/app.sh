# Sourced by bench/run.sh, stream.sh and replay.sh: the application started as the README's run
# command starts it, plus -Xmx512m and what a benchmark needs (no demo studio, an owner to sign in
# as, no cap on pending requests per member). Needs PORT; APP_JAVA_OPTS adds JVM options (e.g. a
# "-Xshare:off -XX:StartFlightRecording=filename=app.jfr" to profile the run: Java 17 crashes with a
# recording and the class-data archive together).

# start_app <data-dir> <log>: starts it in the background; $app is its pid, killed on exit.
start_app() {
  # shellcheck disable=SC2086 # APP_JAVA_OPTS is a list of options
  java -Xmx512m -XX:SharedArchiveFile=booking-api/target/app/booking.jsa ${APP_JAVA_OPTS:-} \
    -jar booking-api/target/app/booking-api-0.1.0-SNAPSHOT.jar \
    --server.port="$PORT" --booking.data-dir="$1" --booking.demo-data=false \
    --booking.owner.email=owner@bench.test --booking.owner.password=bench-owner-password \
    --booking.max-pending-per-member=1000000 >"$2" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT
}

stop_app() {
  kill "$app"; wait "$app" || true
}

machine() {
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
}
