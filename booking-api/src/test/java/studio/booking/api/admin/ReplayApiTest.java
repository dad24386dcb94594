package studio.booking.api.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import studio.booking.api.support.EventStream;
import studio.booking.api.support.EventStream.Event;
import studio.booking.api.support.MutableClock;
import studio.booking.query.replay.ProjectionReplay;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.fieldNames;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.slots;
import static studio.booking.api.support.Lessons.status;

/**
 * R3 through the API (API.md, Admin): a replay rebuilds every projection from the events while the
 * application keeps answering, and afterwards every view is what it was, row for row. A database
 * of its own: the identity check compares every row of every projection.
 */
@ApiTest
@TestPropertySource(properties = "replay-test.own-database=true")
@DirtiesContext
class ReplayApiTest {

    private static final String REPLAY = "/api/admin/replay";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ProjectionReplay replay;

    /** The studio a test built: who is in it and which bookings, for the views to read back. */
    private record Studio(ApiClient owner, List<Api.Member> instructors, List<Api.Member> members,
                          List<String> bookings) {
    }

    @Test
    void R3_replay_rebuilds_identical_views() {
        Studio studio = variedStudio();
        MutableClock.INSTANCE.pin(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Map<String, String> viewsBefore = views(studio);
        assertThat(viewsBefore.get("instructor /api/bookings/unread")).contains("Will do");
        String rowsBefore = rows();
        List<Long> tablesBefore = tableIds();
        // a row no event made: a rebuild from the events leaves it out
        jdbc.sql("""
                        INSERT INTO members (id, email, display_name, role, created_at, updated_at)
                        VALUES (gen_random_uuid(), 'ghost@api-test.studio', 'Ghost', 'member_full', now(), now())
                        """).update();

        JsonNode progress = replayAndAwait(studio.owner());

        assertThat(fieldNames(progress)).containsExactly("running", "phase", "processed_events", "total_events",
                "started_at", "finished_at", "error");
        assertThat(progress.path("phase").asString()).isEqualTo("finished");
        assertThat(progress.path("error").isNull()).isTrue();
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        assertThat(progress.path("processed_events").asLong()).isEqualTo(events);
        assertThat(progress.path("total_events").asLong()).isEqualTo(events);
        assertThat(progress.path("started_at").asString()).isNotBlank();
        assertThat(progress.path("finished_at").asString()).isNotBlank();
        assertThat(tableIds()).as("the live tables are new ones").isNotEqualTo(tablesBefore);
        assertThat(rows()).isEqualTo(rowsBefore).doesNotContain("ghost@api-test.studio");
        Map<String, String> viewsAfter = views(studio);
        viewsBefore.forEach((view, answer) -> assertThat(viewsAfter.get(view)).as(view).isEqualTo(answer));
        assertThat(schemas()).as("the shadow and retired schemas are gone").isEmpty();
    }

    @Test
    void R3_commands_issued_while_the_replay_runs_are_in_the_rebuilt_views() throws Exception {
        ApiClient owner = api.owner();
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(4);
        api.window(instructor.client(), instructor.id(), dayOfWeek(date), "09:00", "12:00", 60);

        String booking;
        Api.Member joined;
        try (Connection reader = dataSource.getConnection()) {
            // an open reader of a projection table: the swap cannot take its locks until it ends
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                statement.execute("SELECT count(*) FROM private_lesson_bookings");
            }
            owner.post(REPLAY, null).expect(202);
            await().atMost(Duration.ofMinutes(1)).until(() -> progress(owner).path("phase").asString(),
                    "swapping"::equals);

            assertThat(owner.post(REPLAY, null).problem(409).path("detail").asString())
                    .isEqualTo("A replay is already running");
            // written to the live tables meanwhile; the rebuild takes them from the events
            booking = book(member.client(), instructor.id(), slot(member.client(), instructor.id(), date, "10:00",
                    NEW_YORK));
            instructor.client().post("/api/bookings/" + booking + "/confirm", null).expect(200);
            joined = api.member("member_limited");
            api.window(instructor.client(), instructor.id(), dayOfWeek(date), "14:00", "16:00", 30);
            assertThat(progress(owner).path("running").asBoolean()).isTrue();
            reader.rollback();
        }
        JsonNode progress = await().atMost(Duration.ofMinutes(1)).until(() -> progress(owner),
                p -> !p.path("running").asBoolean());

        assertThat(progress.path("phase").asString()).isEqualTo("finished");
        assertThat(status(member.client(), booking)).isEqualTo("confirmed");
        assertThat(owner.get("/api/members").expect(200).body()).contains(joined.id().toString());
        assertThat(owner.get("/api/availability/" + instructor.id()).expect(200).json().path("weekly")).hasSize(2);
        assertNothingLostOrDoubled(owner);
    }

    @Test
    void R3_commands_keep_succeeding_while_the_tables_are_swapped() throws Exception {
        ApiClient owner = api.owner();
        Api.Member instructor = api.instructor();
        List<String> registered = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean replaying = new AtomicBoolean(true);
        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
            ApiClient staff = api.owner();
            for (int day = 1; replaying.get(); day++) {
                String email = Api.uniqueEmail("during-swap");
                ApiClient.Response created = staff.post("/api/members", Map.of("email", email, "display_name",
                        "During swap", "role", "member_full", "password", Api.PASSWORD));
                if (created.status() == 201) {
                    registered.add(created.json().path("data").path("id").asString());
                } else {
                    failures.add(created.status() + " " + created.body());
                }
                // a window for that one day: none overlaps another
                LocalDate date = LocalDate.now(NEW_YORK).plusDays(day);
                ApiClient.Response window = instructor.client().post("/api/availability", Map.of("instructor_id",
                        instructor.id().toString(), "day_of_week", dayOfWeek(date), "start_time", "06:00",
                        "end_time", "06:15", "slot_duration_minutes", 15, "effective_from", date.toString(),
                        "effective_until", date.toString()));
                if (window.status() != 201) {
                    failures.add(window.status() + " " + window.body());
                }
            }
        });
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> registered.size() >= 3);
            replayAndAwait(owner);
            await().atMost(Duration.ofMinutes(1)).until(() -> registered.size() >= 6);
        } finally {
            replaying.set(false);
            traffic.get();
        }

        assertThat(failures).as("every command during the replay succeeded").isEmpty();
        String members = owner.get("/api/members").expect(200).body();
        assertThat(registered).allSatisfy(id -> assertThat(members).contains(id));
        assertNothingLostOrDoubled(owner);
    }

    /** R3 with R1: the views changed without a stored event saying so; every open stream is told to refetch. */
    @Test
    void R3_R1_after_a_replay_open_streams_get_a_resync() {
        ApiClient member = api.member("member_full").client();
        try (EventStream stream = EventStream.open(member)) {
            stream.awaitConnected();

            replayAndAwait(api.owner());

            Event resync = stream.await("resync", json -> true);
            assertThat(resync.json().path("reason").asString()).isEqualTo("projections_rebuilt");
            assertThat(stream.ended()).isFalse();
        }
    }

    @Test
    void R3_only_the_owner_replays() {
        for (ApiClient client : List.of(api.member("member_full").client(), api.member("member_limited").client(),
                api.member("guest").client(), api.instructor().client())) {
            client.post(REPLAY, null).problem(403);
            client.get(REPLAY).problem(403);
        }
        api.anonymous().post(REPLAY, null).problem(401);
        api.anonymous().get(REPLAY).problem(401);
        assertThat(api.owner().get(REPLAY).expect(200).json().has("running")).isTrue();
    }

    @Test
    void R3_a_replay_running_on_another_node_is_409() throws Exception {
        try (Connection otherNode = dataSource.getConnection()) {
            advisoryLock(otherNode, "pg_advisory_lock");
            try {
                assertThat(api.owner().post(REPLAY, null).problem(409).path("detail").asString())
                        .isEqualTo("A replay is already running on another node");
            } finally {
                advisoryLock(otherNode, "pg_advisory_unlock");
            }
        }
        assertThat(replayAndAwait(api.owner()).path("phase").asString()).isEqualTo("finished");
    }

    // ---- the studio, its views, its rows ----

    /**
     * Members of every role (a role change, a profile change, a deactivation), weekly windows (one
     * removed), blocks and extra hours (one removed), bookings in every status (confirmed with an
     * automatic decline, declined, cancelled by member and by instructor, orphaned by a block,
     * expired, completed, no-show, pending, one made by staff on a member's behalf) and threads
     * (messages both ways, one read, some unread).
     */
    private Studio variedStudio() {
        ApiClient owner = api.owner();
        Api.Member ines = api.instructor();
        Api.Member tom = api.member("member_full", Map.of("time_zone", BERLIN.getId()));
        owner.patch("/api/members/" + tom.id(), Map.of("role", "instructor")).expect(200);
        Api.Member ana = api.member("member_full");
        Api.Member bo = api.member("member_limited");
        Api.Member gus = api.member("guest");
        Api.Member leaving = api.member("member_full");
        owner.patch("/api/members/" + ana.id(), Map.of("display_name", "Ana R.", "avatar_url",
                "https://img.test/ana.png", "time_zone", "Europe/Rome")).expect(200);

        for (int day = 0; day < 7; day++) {
            api.window(ines.client(), ines.id(), day, "09:00", "13:00", 60);
        }
        UUID dropped = api.window(ines.client(), ines.id(), 3, "17:00", "19:00", 30);
        ines.client().delete("/api/availability/" + dropped).expect(200);
        for (int day = 1; day <= 5; day++) {
            api.window(tom.client(), tom.id(), day, "18:00", "20:00", 30);
        }
        override(ines, inDays(20), null, null, false, "Holiday", null);
        override(ines, inDays(21), "09:00", "10:00", false, "Dentist", null);
        override(ines, inDays(22), "15:00", "17:00", true, "Extra", 30);
        String extra = override(ines, inDays(23), "15:00", "16:00", true, null, 15);
        ines.client().delete("/api/availability/overrides/" + extra).expect(200);

        List<String> bookings = new ArrayList<>();
        LocalDate d3 = inDays(3);
        String confirmed = book(ana.client(), ines.id(), slot(ana.client(), ines.id(), d3, "09:00", NEW_YORK));
        String autoDeclined = book(bo.client(), ines.id(), slot(bo.client(), ines.id(), d3, "09:00", NEW_YORK));
        ines.client().post("/api/bookings/" + confirmed + "/confirm", null).expect(200);
        String declined = book(ana.client(), ines.id(), slot(ana.client(), ines.id(), d3, "10:00", NEW_YORK));
        ines.client().post("/api/bookings/" + declined + "/decline", Map.of("reason", "Busy")).expect(200);
        String memberCancelled = book(bo.client(), ines.id(), slot(bo.client(), ines.id(), d3, "11:00", NEW_YORK));
        bo.client().post("/api/bookings/" + memberCancelled + "/cancel", Map.of()).expect(200);
        String ofLeaving = book(leaving.client(), ines.id(), slot(leaving.client(), ines.id(), d3, "12:00", NEW_YORK));
        ines.client().post("/api/bookings/" + ofLeaving + "/confirm", null).expect(200);
        owner.patch("/api/members/" + leaving.id(), Map.of("active", false)).expect(200);
        LocalDate tomsDay = nextWeekday(inDays(4));
        String instructorCancelled = book(ana.client(), tom.id(), slot(ana.client(), tom.id(), tomsDay, "18:30", BERLIN));
        tom.client().post("/api/bookings/" + instructorCancelled + "/confirm", null).expect(200);
        tom.client().post("/api/bookings/" + instructorCancelled + "/cancel", Map.of("reason", "Ill")).expect(200);
        LocalDate d5 = inDays(5);
        String onBehalf = owner.post("/api/bookings", Map.of("instructor_id", ines.id().toString(), "start_time",
                        slot(owner, ines.id(), d5, "09:00", NEW_YORK).path("slot_start").asString(), "end_time",
                        slot(owner, ines.id(), d5, "09:00", NEW_YORK).path("slot_end").asString(), "member_id",
                        bo.id().toString(), "notes", "Booked at the desk"))
                .expect(201).json().path("booking_id").asString();
        String orphaned = book(ana.client(), ines.id(), slot(ana.client(), ines.id(), inDays(6), "10:00", NEW_YORK));
        override(ines, inDays(6), null, null, false, "Closed", null);
        String completed = book(ana.client(), ines.id(), slot(ana.client(), ines.id(), d5, "12:00", NEW_YORK));
        String noShow = book(bo.client(), ines.id(), slot(bo.client(), ines.id(), d5, "10:00", NEW_YORK));
        ines.client().post("/api/bookings/" + completed + "/confirm", null).expect(200);
        ines.client().post("/api/bookings/" + noShow + "/confirm", null).expect(200);

        // B5 on the real scheduler: made "4 hours ago" (less 3 s), its expiry deadline is due in 3 s
        MutableClock.INSTANCE.advance(Duration.ofHours(-4).plusSeconds(3));
        String expired = book(bo.client(), ines.id(), slot(bo.client(), ines.id(), d5, "11:00", NEW_YORK));
        MutableClock.INSTANCE.reset();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(owner, expired), "expired"::equals);

        MutableClock.INSTANCE.pin(at(d5, "13:00", NEW_YORK).plus(Duration.ofMinutes(30)));
        ines.client().post("/api/bookings/" + completed + "/complete", null).expect(200);
        ines.client().post("/api/bookings/" + noShow + "/no-show", null).expect(200);
        MutableClock.INSTANCE.reset();

        // threads: messages both ways, a thread opened by its member (read), one left unread for the instructor
        post(ana.client(), confirmed, "Can we work on spins?");
        post(ines.client(), confirmed, "Sure, bring flat shoes.");
        ana.client().get("/api/bookings/" + confirmed + "/messages").expect(200);
        post(ana.client(), confirmed, "Will do — thanks! 👟");
        post(bo.client(), onBehalf, "Thanks for booking this for me.");
        post(tom.client(), instructorCancelled, "Sorry, I am ill — let us find another date.");

        bookings.addAll(List.of(confirmed, autoDeclined, declined, memberCancelled, ofLeaving, instructorCancelled,
                onBehalf, orphaned, completed, noShow, expired));
        assertThat(bookings.stream().map(id -> status(owner, id)).toList()).containsExactly("confirmed", "declined",
                "declined", "cancelled_by_member", "confirmed", "cancelled_by_instructor", "pending", "declined",
                "completed", "no_show", "expired");
        return new Studio(owner, List.of(ines, tom), List.of(ana, bo, gus), bookings);
    }

    /** Every answer of the read API over the studio, from the owner, an instructor and a member. */
    private Map<String, String> views(Studio studio) {
        Map<String, String> views = new LinkedHashMap<>();
        ApiClient owner = studio.owner();
        ApiClient instructor = studio.instructors().get(0).client();
        ApiClient member = studio.members().get(0).client();
        LocalDate today = LocalDate.now(NEW_YORK);
        YearMonth month = YearMonth.from(today);
        List<String> paths = new ArrayList<>(List.of("/api/me", "/api/members", "/api/instructors", "/api/bookings",
                "/api/bookings?status=pending,confirmed",
                "/api/bookings?status=declined,expired,cancelled_by_member,cancelled_by_instructor,completed,no_show",
                "/api/bookings?start=" + today + "&end=" + today.plusDays(5)));
        for (int i = 0; i < 3; i++) {
            paths.add("/api/calendar/all?month=" + month.plusMonths(i));
        }
        for (Api.Member teacher : studio.instructors()) {
            UUID id = teacher.id();
            paths.add("/api/availability/" + id);
            paths.add("/api/slots/" + id + "?start=" + today + "&end=" + today.plusDays(60));
            paths.add("/api/slots/" + id + "?start=" + today + "&end=" + today.plusDays(60) + "&duration=30");
            paths.add("/api/bookings?instructor_id=" + id);
            for (int i = 0; i < 3; i++) {
                paths.add("/api/calendar/" + id + "?month=" + month.plusMonths(i));
                paths.add("/api/calendar/" + id + "?month=" + month.plusMonths(i) + "&duration=60");
            }
        }
        for (Api.Member someone : studio.members()) {
            paths.add("/api/bookings?member_id=" + someone.id());
        }
        paths.add("/api/bookings/unread");
        studio.bookings().forEach(id -> paths.add("/api/bookings/" + id));
        for (String path : paths) {
            views.put("owner " + path, answer(owner, path));
            views.put("instructor " + path, answer(instructor, path));
            views.put("member " + path, answer(member, path));
        }
        for (Api.Member someone : studio.members()) {
            views.put(someone.email() + " unread", answer(someone.client(), "/api/bookings/unread"));
        }
        // the owner is no participant: reading a thread marks nothing
        for (String id : studio.bookings()) {
            views.put("owner messages " + id, answer(owner, "/api/bookings/" + id + "/messages"));
            views.put("owner history " + id, answer(owner, "/api/bookings/" + id + "/history"));
        }
        return views;
    }

    private static String answer(ApiClient client, String path) {
        ApiClient.Response response = client.get(path);
        return response.status() + " " + response.body();
    }

    /** Every row of every projection table, in a stable order: timestamps to the microsecond. */
    private String rows() {
        StringBuilder rows = new StringBuilder();
        for (String table : replay.tables()) {
            rows.append(table).append(": ")
                    .append(jdbc.sql("SELECT * FROM " + table + " t ORDER BY t::text").query().listOfRows())
                    .append('\n');
        }
        return rows.toString();
    }

    private List<Long> tableIds() {
        return replay.tables().stream().map(table -> jdbc.sql("SELECT to_regclass(:table)::oid::bigint")
                .param("table", table).query(Long.class).single()).toList();
    }

    private List<String> schemas() {
        return jdbc.sql("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'projection\\_%'")
                .query(String.class).list();
    }

    /** A quiet second replay rebuilds the same rows: the first lost and doubled nothing. */
    private void assertNothingLostOrDoubled(ApiClient owner) {
        String rows = rows();
        replayAndAwait(owner);
        assertThat(rows()).isEqualTo(rows);
    }

    // ---- API helpers ----

    private static JsonNode progress(ApiClient owner) {
        return owner.get(REPLAY).expect(200).json();
    }

    private static JsonNode replayAndAwait(ApiClient owner) {
        ApiClient.Response started = owner.post(REPLAY, null).expect(202);
        assertThat(started.header("Location")).hasValue(REPLAY);
        assertThat(started.json().path("running").asBoolean()).isTrue();
        return await().atMost(Duration.ofMinutes(2)).until(() -> progress(owner),
                p -> !p.path("running").asBoolean());
    }

    private static void post(ApiClient client, String bookingId, String content) {
        client.post("/api/bookings/" + bookingId + "/messages", Map.of("content", content)).expect(201);
    }

    private String override(Api.Member instructor, LocalDate date, String start, String end, boolean available,
                            String reason, Integer minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instructor_id", instructor.id().toString());
        body.put("override_date", date.toString());
        body.put("start_time", start);
        body.put("end_time", end);
        body.put("is_available", available);
        body.put("reason", reason);
        body.put("slot_duration_minutes", minutes);
        return instructor.client().post("/api/availability/overrides", body).expect(201).json().path("data")
                .path("id").asString();
    }

    private static JsonNode slot(ApiClient client, UUID instructorId, LocalDate date, String time, ZoneId zone) {
        String start = at(date, time, zone).toString();
        return slots(client, instructorId, date).stream()
                .filter(s -> Instant.parse(s.path("slot_start").asString()).toString().equals(start))
                .findFirst().orElseThrow(() -> new AssertionError("no slot at " + date + " " + time));
    }

    private static Instant at(LocalDate date, String time, ZoneId zone) {
        return ZonedDateTime.of(date, LocalTime.parse(time), zone).toInstant();
    }

    private static int dayOfWeek(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7;
    }

    private static LocalDate nextWeekday(LocalDate date) {
        LocalDate day = date;
        while (dayOfWeek(day) == 0 || dayOfWeek(day) == 6) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static void advisoryLock(Connection connection, String function) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?, ?)")) {
            statement.setInt(1, ProjectionReplay.LOCK_CLASS);
            statement.setInt(2, ProjectionReplay.LOCK_OBJECT);
            statement.execute();
        }
    }
}
