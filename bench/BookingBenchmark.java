import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for docs/BENCHMARKS.md, run by bench/run.sh against the real jar. Uses only the
 * JDK (launched as a single-file program) and only the public REST API.
 *
 * <pre>
 *   java bench/BookingBenchmark.java run BASE_URL LAUNCH_EPOCH_MILLIS OUT_FILE
 *   java bench/BookingBenchmark.java summarize FILE...
 * </pre>
 */
public class BookingBenchmark {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final String OWNER_EMAIL = "owner@bench.test";
    static final String OWNER_PASSWORD = "bench-owner-password";
    static final int CLIENTS = 16;
    static final int INSTRUCTORS = 16;
    // BENCH_WARMUP_S / BENCH_MEASURE_S override the phases of the request benchmark; 15 s of warm-up, since
    // after 5 s the JIT is still compiling the request path (docs/BENCHMARKS.md, session 7)
    static final Duration WARMUP = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_WARMUP_S", "15")));
    static final Duration MEASURE = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_MEASURE_S", "20")));
    // BENCH_APP_PID (bench/run.sh sets it): CPU per request of the application, PostgreSQL and this generator
    static final long APP_PID = Long.parseLong(System.getenv().getOrDefault("BENCH_APP_PID", "0"));
    static final int HISTORY_BOOKINGS = 10_000;
    static final int SLOT_QUERIES = 2_000;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "run" -> run(args[1], Long.parseLong(args[2]), Path.of(args[3]));
            case "summarize" -> summarize(Arrays.copyOfRange(args, 1, args.length));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void run(String base, long launchedAtMillis, Path out) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("start_to_ready_ms", awaitReady(base, launchedAtMillis));

        Client owner = Client.signIn(base, OWNER_EMAIL, OWNER_PASSWORD);
        List<String> instructors = new ArrayList<>();
        for (int i = 0; i < INSTRUCTORS; i++) {
            String id = owner.createMember("instructor" + i + "@bench.test", "Instructor " + i, "instructor");
            instructors.add(id);
            for (int day = 0; day < 7; day++) {
                // every day 06:00-22:00 in 15-minute slots: 64 slots a day, a year ahead
                owner.post("/api/availability", String.format(
                        "{\"instructor_id\":\"%s\",\"day_of_week\":%d,\"start_time\":\"06:00\",\"end_time\":\"22:00\","
                                + "\"slot_duration_minutes\":15}", id, day), 201);
            }
        }
        List<Client> members = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            owner.createMember("member" + i + "@bench.test", "Member " + i, "member_full");
            members.add(Client.signIn(base, "member" + i + "@bench.test", "bench-member-password"));
        }

        // BENCH_PHASES=requests (or slots) runs one phase, e.g. under a profiler
        String phases = System.getenv().getOrDefault("BENCH_PHASES", "requests,slots");
        if (phases.contains("requests")) {
            result.putAll(requestBenchmark(members, instructors));
        }
        if (phases.contains("slots")) {
            result.putAll(slotsBenchmark(owner, members.get(0), instructors.get(0)));
        }
        result.put("heap_max", "-Xmx512m");
        Files.createDirectories(out.getParent());
        Files.writeString(out, toJson(result));
        System.out.println(toJson(result));
    }

    static long awaitReady(String base, long launchedAtMillis) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return System.currentTimeMillis() - launchedAtMillis;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(20); // polling interval of a readiness probe
        }
        throw new IllegalStateException("not ready in 120 s");
    }

    /** POST /api/bookings by 16 concurrent members, random slots of 16 instructors. */
    static Map<String, Object> requestBenchmark(List<Client> members, List<String> instructors) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long warmupEnd = System.nanoTime() + WARMUP.toNanos();
        long end = warmupEnd + MEASURE.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CpuMeter cpu = new CpuMeter(APP_PID);
        ScheduledExecutorService meter = Executors.newSingleThreadScheduledExecutor();
        meter.schedule(cpu::start, WARMUP.toMillis(), TimeUnit.MILLISECONDS);
        meter.schedule(cpu::stop, WARMUP.toMillis() + MEASURE.toMillis(), TimeUnit.MILLISECONDS);
        for (Client member : members) {
            pool.submit(() -> {
                Connection connection = member.connect();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                LocalDate today = LocalDate.now(ZONE);
                while (System.nanoTime() < end) {
                    String instructor = instructors.get(random.nextInt(instructors.size()));
                    ZonedDateTime start = ZonedDateTime.of(today.plusDays(2 + random.nextInt(300)),
                            LocalTime.of(6, 0).plusMinutes(15L * random.nextInt(64)), ZONE);
                    String body = String.format("{\"instructor_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}",
                            instructor, start.toInstant(), start.plusMinutes(15).toInstant());
                    long t0 = System.nanoTime();
                    int status = connection.send("POST", "/api/bookings", body);
                    long t1 = System.nanoTime();
                    if (t0 >= warmupEnd) {
                        latencies.add(t1 - t0);
                        if (status != 201 && status != 200) {
                            failures.incrementAndGet();
                        }
                    }
                }
                connection.close();
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("requests_per_second", Math.round(sorted.size() / (double) MEASURE.toSeconds()));
        r.put("requests_p50_ms", millis(percentile(sorted, 50)));
        r.put("requests_p99_ms", millis(percentile(sorted, 99)));
        r.put("requests_non_2xx", failures.get());
        meter.shutdown();
        meter.awaitTermination(1, TimeUnit.MINUTES);
        r.putAll(cpu.perRequest(sorted.size()));
        return r;
    }

    /** GET /api/slots for one instructor-month after 10,000 bookings in that instructor's history. */
    static Map<String, Object> slotsBenchmark(Client owner, Client member, String instructor) throws Exception {
        // 10,000 confirmed lessons, 5 weeks ahead and on: 64 slots a day
        LocalDate first = LocalDate.now(ZONE).plusDays(35);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int offset = t;
            done.add(pool.submit(() -> {
                for (int i = offset; i < HISTORY_BOOKINGS; i += 8) {
                    ZonedDateTime start = ZonedDateTime.of(first.plusDays(i / 64),
                            LocalTime.of(6, 0).plusMinutes(15L * (i % 64)), ZONE);
                    String id = owner.postForId("/api/bookings", String.format(
                            "{\"instructor_id\":\"%s\",\"member_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}",
                            instructor, member.id, start.toInstant(), start.plusMinutes(15).toInstant()),
                            "booking_id");
                    owner.post("/api/bookings/" + id + "/confirm", "{}", 200);
                }
                return null;
            }));
        }
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        YearMonth month = YearMonth.from(first.plusDays(60));
        String path = "/api/slots/" + instructor + "?start=" + month.atDay(1) + "&end=" + month.atEndOfMonth();
        Connection connection = member.connect();
        for (int i = 0; i < 200; i++) {
            connection.expect(200, "GET", path, null);
        }
        List<Long> sorted = new ArrayList<>();
        for (int i = 0; i < SLOT_QUERIES; i++) {
            long t0 = System.nanoTime();
            connection.expect(200, "GET", path, null);
            sorted.add(System.nanoTime() - t0);
        }
        connection.close();
        Collections.sort(sorted);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("slots_month_p50_ms", millis(percentile(sorted, 50)));
        r.put("slots_month_p99_ms", millis(percentile(sorted, 99)));
        return r;
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
            System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", k, fmt(median), s.stream().map(BookingBenchmark::fmt).toList());
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
            HttpResponse<String> r = c.http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            String.format("{\"email\":\"%s\",\"password\":\"%s\"}", email, password)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 204) {
                throw new IllegalStateException("sign-in of " + email + ": " + r.statusCode() + " " + r.body());
            }
            c.id = field(c.get("/api/me"), "id");
            return c;
        }

        String createMember(String email, String name, String role) throws Exception {
            String password = role.equals("instructor") ? "bench-instructor-password" : "bench-member-password";
            return postForId("/api/members", String.format(
                    "{\"email\":\"%s\",\"display_name\":\"%s\",\"role\":\"%s\",\"password\":\"%s\"}",
                    email, name, role, password), "id");
        }

        /** A lean connection carrying this client's session cookie and CSRF token. */
        Connection connect() throws IOException {
            return new Connection(URI.create(base), cookies.getCookieStore().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue()).collect(java.util.stream.Collectors.joining("; ")), csrf());
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

        String get(String path) throws Exception {
            HttpResponse<String> r = send("GET", path, null);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
            }
            return r.body();
        }

        String post(String path, String body, int expected) throws Exception {
            HttpResponse<String> r = send("POST", path, body);
            if (r.statusCode() != expected) {
                throw new IllegalStateException("POST " + path + ": " + r.statusCode() + " " + r.body());
            }
            return r.body();
        }

        String postForId(String path, String body, String field) throws Exception {
            HttpResponse<String> r = send("POST", path, body);
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + ": " + r.statusCode() + " " + r.body());
            }
            return field(r.body(), field);
        }

        static String field(String json, String name) {
            Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
            if (!m.find()) {
                throw new IllegalStateException("no " + name + " in " + json);
            }
            return m.group(1);
        }
    }

    /**
     * The measured phases' HTTP/1.1 client: one keep-alive socket per simulated client, blocking
     * reads and writes. It sends what a browser would (session cookie, CSRF header, JSON) and reads
     * every response to its end. The JDK's HttpClient, used for the set-up, hands each request
     * between several threads and cost about as much CPU per request as Postgres does, on the same
     * two CPUs as the app (docs/BENCHMARKS.md).
     */
    static final class Connection implements AutoCloseable {
        private final URI base;
        private final String cookies;
        private final String csrf;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(URI base, String cookies, String csrf) throws IOException {
            this.base = base;
            this.cookies = cookies;
            this.csrf = csrf;
            open();
        }

        private void open() throws IOException {
            socket = new Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        void expect(int expected, String method, String path, String body) throws IOException {
            int status = send(method, path, body);
            if (status != expected) {
                throw new IllegalStateException(method + " " + path + ": " + status);
            }
        }

        /** Sends one request and reads its whole response; answers the status. */
        int send(String method, String path, String body) throws IOException {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nCookie: " + cookies + "\r\nX-XSRF-TOKEN: " + csrf
                    + (body == null ? "" : "\r\nContent-Type: application/json\r\nContent-Length: " + content.length)
                    + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (chunked) {
                for (long chunk = Long.parseLong(line().split(";")[0].trim(), 16); chunk > 0;
                     chunk = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(chunk);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else {
                skip(length);
            }
            if (close) { // Tomcat ends a keep-alive connection after 100 requests
                socket.close();
                open();
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * CPU time (user + system, from /proc) of the application, of every PostgreSQL process and of
     * this generator over the measured phase, per request: unlike requests per second, it hardly
     * moves with what the shared host does, so two versions can be compared run by run.
     */
    static final class CpuMeter {
        private static final int TICKS_PER_SECOND = 100; // USER_HZ on Linux

        private final long appPid;
        private long[] first;
        private long[] last;

        CpuMeter(long appPid) {
            this.appPid = appPid;
        }

        void start() {
            first = sample();
        }

        void stop() {
            last = sample();
        }

        Map<String, Object> perRequest(int requests) {
            Map<String, Object> r = new LinkedHashMap<>();
            if (appPid == 0 || first == null || last == null || requests == 0) {
                return r;
            }
            String[] names = {"cpu_ms_per_request_app", "cpu_ms_per_request_postgres", "cpu_ms_per_request_generator"};
            for (int i = 0; i < names.length; i++) {
                r.put(names[i], Math.round((last[i] - first[i]) * 1000.0 / TICKS_PER_SECOND / requests * 100) / 100.0);
            }
            return r;
        }

        private long[] sample() {
            long postgres = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path dir : processes.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))
                        .toList()) {
                    String stat = stat(dir);
                    if (stat != null && stat.contains("(postgres)")) {
                        postgres += ticks(stat);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            String app = stat(Path.of("/proc", Long.toString(appPid)));
            String self = stat(Path.of("/proc", Long.toString(ProcessHandle.current().pid())));
            return new long[] {app == null ? 0 : ticks(app), postgres, self == null ? 0 : ticks(self)};
        }

        private static String stat(Path dir) {
            try {
                return Files.readString(dir.resolve("stat"));
            } catch (IOException gone) {
                return null;
            }
        }

        /** utime + stime: fields 14 and 15, counted after the command name in parentheses. */
        private static long ticks(String stat) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }
    }
}
