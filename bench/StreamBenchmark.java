import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live-stream benchmark for docs/BENCHMARKS.md, run by bench/stream.sh against the real jar. Only the
 * JDK (a single-file program) and only the public API.
 *
 * <pre>
 *   java bench/StreamBenchmark.java run BASE_URL APP_PID OUT_FILE
 *   java bench/StreamBenchmark.java summarize FILE...
 * </pre>
 *
 * Phase 1, latency: members and staff hold streams; members request lessons and instructors confirm
 * some, by HTTP. Latency is from the command's HTTP response (as the client that sent it gets it) to the
 * event on ANOTHER user's stream: a request's `booking` on its instructor's stream, a confirmation's
 * `booking` on the member's stream. Negative values (the event came before the response) count as 0.
 * Phase 2, scale: streams are added up to STREAMS_MAX, one availability change must reach every one of
 * them, and the app's heap (jcmd GC.heap_info, after a full GC) must stay within its -Xmx.
 */
public class StreamBenchmark {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final String OWNER_EMAIL = "owner@bench.test";
    static final String OWNER_PASSWORD = "bench-owner-password";
    static final int INSTRUCTORS = env("INSTRUCTORS", 10);
    static final int MEMBERS = env("MEMBERS", 100);
    static final int COMMANDS = env("COMMANDS", 1000);
    /** Booking requests sent (at RATE, unmeasured) before the measured ones: the JIT compiles the path first. */
    static final int WARMUP = env("WARMUP", 300);
    static final int PRODUCERS = env("PRODUCERS", 8);
    /** Booking requests per second across all producers; 0: each producer sends as soon as it has its answer. */
    static final int RATE = env("RATE", 0);
    static final int CONFIRM_EVERY = 5;
    static final int STREAMS_MAX = env("STREAMS_MAX", 1000);
    static final Duration WAIT = Duration.ofSeconds(30);

    /** First arrival (nanoTime) of a booking on a viewer's stream: "viewerId|bookingId|status", and "…|*" whatever its status. */
    static final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    static final AtomicLong eventsReceived = new AtomicLong();
    static final AtomicInteger streamsEnded = new AtomicInteger();

    static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "run" -> run(args[1], args[2], Path.of(args[3]));
            case "summarize" -> summarize(Arrays.copyOfRange(args, 1, args.length));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void run(String base, String appPid, Path out) throws Exception {
        awaitReady(base);
        Map<String, Object> result = new LinkedHashMap<>();
        Client owner = Client.signIn(base, OWNER_EMAIL, OWNER_PASSWORD);
        List<Client> instructors = new ArrayList<>();
        for (int i = 0; i < INSTRUCTORS; i++) {
            owner.createMember("instructor" + i + "@bench.test", "Instructor " + i, "instructor");
            Client instructor = Client.signIn(base, "instructor" + i + "@bench.test", "bench-instructor-password");
            instructors.add(instructor);
            for (int day = 0; day < 7; day++) {
                owner.post("/api/availability", String.format("{\"instructor_id\":\"%s\",\"day_of_week\":%d,"
                        + "\"start_time\":\"06:00\",\"end_time\":\"22:00\",\"slot_duration_minutes\":15}",
                        instructor.id, day), 201);
            }
        }
        List<Client> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            owner.createMember("member" + i + "@bench.test", "Member " + i, "member_full");
            members.add(Client.signIn(base, "member" + i + "@bench.test", "bench-member-password"));
        }
        List<Client> everyone = new ArrayList<>(members);
        everyone.addAll(instructors);
        everyone.add(owner);

        List<Stream> streams = new CopyOnWriteArrayList<>();
        for (Client client : everyone) {
            streams.add(client.openStream());
        }
        awaitConnected(streams);
        result.put("phase1_streams", streams.size());
        if (WARMUP > 0) {
            latencyPhase(members, instructors, WARMUP);
        }
        result.put("phase1_warmup_requests", WARMUP);
        result.putAll(latencyPhase(members, instructors, COMMANDS));
        result.put("phase1_sse_events_received", eventsReceived.get());

        // phase 2: up to STREAMS_MAX open streams (several per user, as several tabs)
        long started = System.nanoTime();
        for (int i = 0; streams.size() < STREAMS_MAX; i++) {
            streams.add(everyone.get(i % everyone.size()).openStream());
        }
        awaitConnected(streams);
        result.put("phase2_streams", streams.size());
        result.put("phase2_open_s", seconds(System.nanoTime() - started));
        result.putAll(fanOutPhase(owner, instructors.get(0), streams));
        result.put("phase2_heap_used_after_gc_mb", heapUsedAfterGcMb(appPid));
        result.put("phase2_streams_ended_by_server", streamsEnded.get());
        result.put("heap_max", "-Xmx512m");
        for (Stream stream : streams) {
            stream.close();
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, toJson(result));
        System.out.println(toJson(result));
        System.exit(0); // the HTTP clients' threads would keep the JVM alive a while
    }

    static void awaitReady(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling interval of a readiness probe
        }
        throw new IllegalStateException("not ready in 300 s");
    }

    static void awaitConnected(List<Stream> streams) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (streams.stream().anyMatch(s -> !s.connected)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("streams not connected in " + WAIT);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** {@code commands} booking requests by PRODUCERS concurrent members; every CONFIRM_EVERY-th is confirmed. */
    static Map<String, Object> latencyPhase(List<Client> members, List<Client> instructors, int commands)
            throws Exception {
        // expected arrival key -> the command's response time
        Map<String, Long> responded = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        AtomicLong storedEvents = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS);
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            done.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                LocalDate today = LocalDate.now(ZONE);
                for (int n = next.getAndIncrement(); n < commands; n = next.getAndIncrement()) {
                    if (RATE > 0) { // the n-th request is due n/RATE seconds after the start (an arrival rate, not a pause)
                        LockSupport.parkNanos(started + n * 1_000_000_000L / RATE - System.nanoTime());
                    }
                    Client member = members.get(random.nextInt(members.size()));
                    Client instructor = instructors.get(random.nextInt(instructors.size()));
                    ZonedDateTime start = ZonedDateTime.of(today.plusDays(2 + random.nextInt(300)),
                            LocalTime.of(6, 0).plusMinutes(15L * random.nextInt(64)), ZONE);
                    HttpResponse<String> r = member.send("POST", "/api/bookings", String.format(
                            "{\"instructor_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}",
                            instructor.id, start.toInstant(), start.plusMinutes(15).toInstant()));
                    long at = System.nanoTime();
                    if (r.statusCode() != 201) {
                        failures.incrementAndGet();
                        continue;
                    }
                    storedEvents.incrementAndGet();
                    String booking = Client.field(r.body(), "booking_id");
                    // its first `booking` on the instructor's stream, whatever status it shows by then
                    responded.put(instructor.id + "|" + booking + "|*", at);
                    if (n % CONFIRM_EVERY == 0) {
                        HttpResponse<String> c = instructor.send("POST", "/api/bookings/" + booking + "/confirm", "{}");
                        long confirmedAt = System.nanoTime();
                        if (c.statusCode() == 200) {
                            storedEvents.addAndGet(2); // SlotReserved (availability) and BookingConfirmed
                            responded.put(member.id + "|" + booking + "|confirmed", confirmedAt);
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double produceSeconds = (System.nanoTime() - started) / 1e9;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!arrivals.keySet().containsAll(responded.keySet()) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        List<Long> latencies = new ArrayList<>();
        long missing = 0;
        long early = 0;
        for (Map.Entry<String, Long> e : responded.entrySet()) {
            Long arrived = arrivals.get(e.getKey());
            if (arrived == null) {
                missing++;
            } else {
                long latency = arrived - e.getValue();
                early += latency < 0 ? 1 : 0;
                latencies.add(Math.max(0, latency));
            }
        }
        Collections.sort(latencies);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("phase1_rate_requests_per_second", RATE); // 0: as fast as the producers go
        r.put("phase1_stored_events", storedEvents.get());
        r.put("phase1_stored_events_per_second", Math.round(storedEvents.get() / produceSeconds));
        r.put("phase1_measured_events", latencies.size());
        r.put("phase1_latency_p50_ms", millis(percentile(latencies, 50)));
        r.put("phase1_latency_p99_ms", millis(percentile(latencies, 99)));
        r.put("phase1_latency_max_ms", millis(percentile(latencies, 100)));
        r.put("phase1_before_response", early);
        r.put("phase1_missing_events", missing);
        r.put("phase1_command_failures", failures.get());
        return r;
    }

    /** One availability change: every open stream must receive it. */
    static Map<String, Object> fanOutPhase(Client owner, Client instructor, List<Stream> streams) throws Exception {
        HttpResponse<String> r = owner.send("POST", "/api/availability/overrides", String.format(
                "{\"instructor_id\":\"%s\",\"override_date\":\"%s\",\"is_available\":false,\"reason\":\"bench\"}",
                instructor.id, LocalDate.now(ZONE).plusDays(400)));
        long at = System.nanoTime();
        if (r.statusCode() != 201) {
            throw new IllegalStateException("override: " + r.statusCode() + " " + r.body());
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && streams.stream().anyMatch(s -> s.availabilityAt(instructor.id) == null)) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        List<Long> latencies = new ArrayList<>();
        for (Stream s : streams) {
            Long arrived = s.availabilityAt(instructor.id);
            if (arrived != null) {
                latencies.add(Math.max(0, arrived - at));
            }
        }
        Collections.sort(latencies);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase2_streams_reached", latencies.size());
        m.put("phase2_fanout_p50_ms", millis(percentile(latencies, 50)));
        m.put("phase2_fanout_p99_ms", millis(percentile(latencies, 99)));
        m.put("phase2_fanout_max_ms", millis(percentile(latencies, 100)));
        return m;
    }

    /** The application's heap after a full GC, from jcmd (same machine). */
    static double heapUsedAfterGcMb(String pid) throws Exception {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Math.round(Long.parseLong(m.group(1)) / 102.4) / 10.0;
    }

    static String jcmd(String pid, String command) throws Exception {
        Process p = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return text;
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    static double seconds(long nanos) {
        return Math.round(nanos / 10_000_000.0) / 100.0;
    }

    static void summarize(String[] files) throws IOException {
        Map<String, List<Double>> values = new TreeMap<>();
        for (String f : files) {
            Matcher m = Pattern.compile("\"([a-z0-9_]+)\":([0-9.]+)").matcher(Files.readString(Path.of(f)));
            while (m.find()) {
                values.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Double.parseDouble(m.group(2)));
            }
        }
        System.out.println("| metric | median | runs |");
        System.out.println("|---|---|---|");
        values.forEach((k, v) -> {
            List<Double> s = new ArrayList<>(v);
            Collections.sort(s);
            double median = s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
            System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", k, fmt(median), s.stream().map(StreamBenchmark::fmt).toList());
        });
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    static String toJson(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof String ? "\"" + v + "\"" : v));
        return sb.append('}').toString();
    }

    /** One open GET /api/stream, parsed as it arrives (no thread of its own: the HTTP client's callbacks). */
    static final class Stream implements Flow.Subscriber<String> {
        final String viewer;
        volatile boolean connected;
        volatile Flow.Subscription subscription;
        final Map<String, Long> availability = new ConcurrentHashMap<>();
        String event = "message";
        String data;

        Stream(String viewer) {
            this.viewer = viewer;
        }

        Long availabilityAt(String instructorId) {
            return availability.get(instructorId);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long at = System.nanoTime();
            if (line.startsWith("id:")) {
                connected = true; // the first frame of every stream carries an id
            } else if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data = line.substring(5).trim();
            } else if (line.isEmpty() && data != null) {
                eventsReceived.incrementAndGet();
                if (event.equals("booking")) {
                    String booking = viewer + "|" + Client.field(data, "id") + "|";
                    arrivals.putIfAbsent(booking + "*", at);
                    arrivals.putIfAbsent(booking + Client.field(data, "status"), at);
                } else if (event.equals("availability")) {
                    availability.putIfAbsent(Client.field(data, "instructor_id"), at);
                }
                event = "message";
                data = null;
            }
        }

        @Override
        public void onError(Throwable failure) {
            streamsEnded.incrementAndGet();
        }

        @Override
        public void onComplete() {
            streamsEnded.incrementAndGet();
        }

        void close() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    /** One signed-in user: session cookie plus the CSRF token echoed as API.md says. */
    static final class Client {
        final String base;
        final HttpClient http;
        final CookieManager cookies = new CookieManager();
        String id;

        Client(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1).build();
        }

        static Client signIn(String base, String email, String password) throws Exception {
            Client c = new Client(base);
            HttpResponse<String> r = c.send("POST", "/api/auth/login",
                    String.format("{\"email\":\"%s\",\"password\":\"%s\"}", email, password));
            if (r.statusCode() != 204) {
                throw new IllegalStateException("sign-in of " + email + ": " + r.statusCode() + " " + r.body());
            }
            c.id = field(c.send("GET", "/api/me", null).body(), "id");
            return c;
        }

        Stream openStream() {
            Stream stream = new Stream(id);
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/stream"))
                            .header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(stream));
            return stream;
        }

        String createMember(String email, String name, String role) throws Exception {
            String password = role.equals("instructor") ? "bench-instructor-password" : "bench-member-password";
            return field(post("/api/members", String.format(
                    "{\"email\":\"%s\",\"display_name\":\"%s\",\"role\":\"%s\",\"password\":\"%s\"}",
                    email, name, role, password), 201), "id");
        }

        String csrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }

        HttpResponse<String> send(String method, String path, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf());
            b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        String post(String path, String body, int expected) throws Exception {
            HttpResponse<String> r = send("POST", path, body);
            if (r.statusCode() != expected) {
                throw new IllegalStateException("POST " + path + ": " + r.statusCode() + " " + r.body());
            }
            return r.body();
        }

        static String field(String json, String name) {
            Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
            if (!m.find()) {
                throw new IllegalStateException("no " + name + " in " + json);
            }
            return m.group(1);
        }
    }
}
