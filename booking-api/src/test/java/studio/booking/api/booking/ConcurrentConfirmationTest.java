package studio.booking.api.booking;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * B2 under load: many threads, two instructors, overlapping slots of different lengths, requests
 * confirmed and cancelled at once by the instructor and the owner. Afterwards no two confirmed
 * bookings of one instructor overlap — neither in the projection nor at any point of the event
 * history — and every confirmation either succeeded or was refused with 409.
 */
@ApiTest
class ConcurrentConfirmationTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int THREADS = 12;
    private static final int OPERATIONS = 3_000;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    record Interval(Instant start, Instant end) {
        boolean overlaps(Interval o) {
            return start.isBefore(o.end) && o.start.isBefore(end);
        }
    }

    record Booking(UUID id, UUID instructorId) {
    }

    @Test
    void B2_no_two_confirmed_bookings_of_an_instructor_ever_overlap() throws Exception {
        ApiClient owner = api.owner();
        LocalDate first = LocalDate.now(NEW_YORK).plusDays(3);
        List<Api.Member> instructors = List.of(api.instructor(), api.instructor());
        Map<UUID, List<JsonNode>> slots = new HashMap<>();
        for (Api.Member instructor : instructors) {
            for (int day = 0; day < 7; day++) {
                api.window(instructor.client(), instructor.id(), day, "09:00", "17:00", 60);
            }
            for (int d = 0; d < 2; d++) {
                // extra hours of another length on the same days: their slots overlap the weekly ones
                owner.post("/api/availability/overrides", Map.of("instructor_id", instructor.id().toString(),
                        "override_date", first.plusDays(d).toString(), "start_time", "09:30", "end_time", "16:30",
                        "is_available", true, "slot_duration_minutes", 90)).expect(201);
            }
            List<JsonNode> offered = new ArrayList<>();
            owner.get("/api/slots/" + instructor.id() + "?start=" + first + "&end=" + first.plusDays(1))
                    .expect(200).json().path("slots").forEach(offered::add);
            assertThat(offered).hasSizeGreaterThan(20);
            slots.put(instructor.id(), offered);
        }
        List<Api.Member> members = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            members.add(api.member("member_full"));
        }

        List<Booking> requested = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicInteger remaining = new AtomicInteger(OPERATIONS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (remaining.getAndDecrement() > 0) {
                    Api.Member instructor = instructors.get(random.nextInt(instructors.size()));
                    ApiClient staff = random.nextBoolean() ? instructor.client() : owner;
                    int dice = random.nextInt(100);
                    if (dice < 50 || requested.isEmpty()) {
                        List<JsonNode> offered = slots.get(instructor.id());
                        JsonNode slot = offered.get(random.nextInt(offered.size()));
                        ApiClient.Response r = members.get(random.nextInt(members.size())).client()
                                .post("/api/bookings", Map.of("instructor_id", instructor.id().toString(),
                                        "start_time", slot.path("slot_start").asString(),
                                        "end_time", slot.path("slot_end").asString()));
                        count(outcomes, "request " + r.status());
                        assertThat(r.status()).as(r.body()).isIn(200, 201, 409);
                        if (r.status() == 201) {
                            requested.add(new Booking(UUID.fromString(r.json().path("booking_id").asString()),
                                    instructor.id()));
                        }
                    } else {
                        Booking booking = requested.get(random.nextInt(requested.size()));
                        ApiClient actor = random.nextBoolean() ? owner
                                : instructors.stream().filter(i -> i.id().equals(booking.instructorId())).findFirst()
                                .orElseThrow().client();
                        String action = dice < 85 ? "confirm" : "cancel";
                        ApiClient.Response r = actor.post("/api/bookings/" + booking.id() + "/" + action, Map.of());
                        count(outcomes, action + " " + r.status());
                        assertThat(r.status()).as(action + ": " + r.body()).isIn(200, 409);
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        for (Future<?> worker : workers) {
            worker.get();
        }
        System.out.println("B2 concurrency outcomes: " + new java.util.TreeMap<>(outcomes));
        assertThat(outcomes.get("confirm 200")).as("outcomes %s", outcomes).isNotNull();
        assertThat(outcomes.get("confirm 409")).as("outcomes %s", outcomes).isNotNull();

        for (Api.Member instructor : instructors) {
            List<Interval> confirmed = new ArrayList<>();
            owner.get("/api/bookings?instructor_id=" + instructor.id() + "&status=confirmed").expect(200).json()
                    .path("data").forEach(b -> confirmed.add(new Interval(Instant.parse(b.path("start_time").asString()),
                            Instant.parse(b.path("end_time").asString()))));
            assertThat(confirmed).isNotEmpty();
            assertNoOverlap(confirmed, "projection of " + instructor.id());
        }
        assertNoOverlapAtAnyPointOfTheEventHistory(instructors.stream().map(Api.Member::id).toList());
    }

    /** Replays the booking events in global order: after each one the confirmed set has no overlap. */
    private void assertNoOverlapAtAnyPointOfTheEventHistory(List<UUID> instructorIds) {
        Map<UUID, Map<UUID, Interval>> confirmedByInstructor = new HashMap<>();
        jdbc.sql("""
                        SELECT payload_type, payload FROM domain_event_entry
                         WHERE payload_type IN ('studio.booking.messages.booking.BookingConfirmed',
                                                'studio.booking.messages.booking.BookingCancelled',
                                                'studio.booking.messages.booking.BookingCompleted',
                                                'studio.booking.messages.booking.BookingMarkedNoShow')
                         ORDER BY global_index
                        """)
                .query((rs, n) -> {
                    JsonNode event = ApiClient.JSON.readTree(rs.getBytes("payload"));
                    UUID instructor = UUID.fromString(field(event, "instructorId").asString());
                    if (!instructorIds.contains(instructor)) {
                        return null;
                    }
                    Map<UUID, Interval> confirmed = confirmedByInstructor.computeIfAbsent(instructor, k -> new HashMap<>());
                    UUID booking = UUID.fromString(field(event, "bookingId").asString());
                    if (rs.getString("payload_type").endsWith("BookingConfirmed")) {
                        Interval interval = new Interval(Instant.parse(field(event, "startTime").asString()),
                                Instant.parse(field(event, "endTime").asString()));
                        confirmed.values().forEach(other -> assertThat(other.overlaps(interval))
                                .as("event history: %s confirmed over another confirmed booking", booking).isFalse());
                        confirmed.put(booking, interval);
                    } else {
                        confirmed.remove(booking);
                    }
                    return null;
                }).list();
        assertThat(confirmedByInstructor).hasSize(instructorIds.size());
    }

    private static JsonNode field(JsonNode event, String camelCase) {
        JsonNode value = event.path(camelCase);
        return value.isMissingNode() ? event.path(camelCase.replaceAll("([A-Z])", "_$1").toLowerCase()) : value;
    }

    private static void assertNoOverlap(List<Interval> intervals, String where) {
        for (int i = 0; i < intervals.size(); i++) {
            for (int j = i + 1; j < intervals.size(); j++) {
                assertThat(intervals.get(i).overlaps(intervals.get(j)))
                        .as("%s: %s overlaps %s", where, intervals.get(i), intervals.get(j)).isFalse();
            }
        }
    }

    private static void count(Map<String, AtomicInteger> outcomes, String key) {
        outcomes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }
}
