import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replay benchmark (docs/replay.md, docs/BENCHMARKS.md), run by bench/replay.sh against the real
 * jar. JDK only (a single-file program), public REST API only.
 *
 * <pre>
 *   java bench/ReplayBenchmark.java fill BASE_URL EVENTS    # at least EVENTS events, in parallel
 *   java bench/ReplayBenchmark.java replay BASE_URL RUNS    # RUNS replays one after another; events/s and median
 * </pre>
 * A replay is timed from its {@code 202} to the first progress with {@code running: false} (polled
 * every 50 ms): shadow set-up, rebuild, swap and clean-up included.
 */
public class ReplayBenchmark {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final String OWNER_EMAIL = "owner@bench.test";
    static final String OWNER_PASSWORD = "bench-owner-password";
    static final int CLIENTS = 16;
    /** 06:00–22:00 in 15-minute slots. */
    static final int SLOTS_PER_DAY = 64;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "fill" -> fill(args[1], Long.parseLong(args[2]));
            case "replay" -> replay(args[1], Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /**
     * One instructor and one member per client; each member requests its instructor's slots day
     * after day and every other request is confirmed by the owner: 1 event per request, 2 per
     * confirmation (the booking's and the ledger's), so about 2 events a slot.
     */
    static void fill(String base, long events) throws Exception {
        awaitReady(base);
        Client owner = Client.signIn(base, OWNER_EMAIL, OWNER_PASSWORD);
        long slotsPerClient = (events / 2) / CLIENTS + 1;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicLong written = new AtomicLong();
        long started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                String instructor = owner.createMember("replay-i" + client + "-" + run + "@bench.test",
                        "Instructor " + client, "instructor");
                for (int day = 0; day < 7; day++) {
                    owner.post("/api/availability", String.format("{\"instructor_id\":\"%s\",\"day_of_week\":%d,"
                            + "\"start_time\":\"06:00\",\"end_time\":\"22:00\",\"slot_duration_minutes\":15}",
                            instructor, day), 201);
                }
                String memberEmail = "replay-m" + client + "-" + run + "@bench.test";
                owner.createMember(memberEmail, "Member " + client, "member_full");
                Client member = Client.signIn(base, memberEmail, Client.MEMBER_PASSWORD);
                Client confirmer = Client.signIn(base, OWNER_EMAIL, OWNER_PASSWORD);
                LocalDate date = LocalDate.now(ZONE).plusDays(1);
                for (long i = 0; i < slotsPerClient; i++) {
                    if (i > 0 && i % SLOTS_PER_DAY == 0) {
                        date = date.plusDays(1);
                    }
                    Instant start = ZonedDateTime.of(date, LocalTime.of(6, 0), ZONE).toInstant()
                            .plus(Duration.ofMinutes(15 * (i % SLOTS_PER_DAY)));
                    String booking = member.postForId("/api/bookings", String.format(
                            "{\"instructor_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}", instructor, start,
                            start.plus(Duration.ofMinutes(15))), "booking_id");
                    written.incrementAndGet();
                    if (i % 2 == 0) {
                        confirmer.post("/api/bookings/" + booking + "/confirm", "{}", 200);
                        written.addAndGet(2);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "filled: about %d events in %.0f s%n", written.get(), seconds);
    }

    /** Replays one after another, each timed from the 202 to the first progress with running false. */
    static void replay(String base, int runs) throws Exception {
        awaitReady(base);
        Client owner = Client.signIn(base, OWNER_EMAIL, OWNER_PASSWORD);
        List<Double> rates = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            owner.post("/api/admin/replay", "{}", 202);
            String progress;
            do {
                Thread.sleep(50);
                progress = owner.get("/api/admin/replay");
            } while (progress.contains("\"running\":true"));
            double seconds = (System.nanoTime() - started) / 1e9;
            if (!progress.contains("\"phase\":\"finished\"")) {
                throw new IllegalStateException("replay failed: " + progress);
            }
            long events = number(progress, "processed_events");
            double rate = events / seconds;
            rates.add(rate);
            System.out.printf(Locale.ROOT, "run %d: %d events in %.2f s = %.0f events/s%n", run, events, seconds, rate);
        }
        List<Double> sorted = new ArrayList<>(rates);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "median of %d runs: %.0f events/s%n", runs, sorted.get(sorted.size() / 2));
    }

    static void awaitReady(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not ready: " + base);
    }

    static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static final class Client {
        static final String MEMBER_PASSWORD = "bench-member-password";
        final String base;
        final HttpClient http;
        final CookieManager cookies = new CookieManager();

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
            return c;
        }

        String createMember(String email, String name, String role) throws Exception {
            String password = role.equals("instructor") ? "bench-instructor-password" : MEMBER_PASSWORD;
            return postForId("/api/members", String.format(
                    "{\"email\":\"%s\",\"display_name\":\"%s\",\"role\":\"%s\",\"password\":\"%s\"}",
                    email, name, role, password), "id");
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
            Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
            if (!m.find()) {
                throw new IllegalStateException("no " + field + " in " + r.body());
            }
            return m.group(1);
        }
    }
}
