package studio.booking.api.booking;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import studio.booking.api.support.MutableClock;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.booking;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.request;
import static studio.booking.api.support.Lessons.slots;
import static studio.booking.api.support.Lessons.start;
import static studio.booking.api.support.Lessons.starts;
import static studio.booking.api.support.Lessons.status;
import static studio.booking.api.support.Lessons.strings;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** API.md, confirm/decline/cancel/complete/no-show: rules B2–B7 through real HTTP, every role. */
@ApiTest
class BookingLifecycleTest {

    private static final String WITHIN_24H = "Cannot cancel within 24 hours of start time. Contact your instructor.";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    private record Lesson(Api.Member instructor, Api.Member member, JsonNode slot, String id) {
    }

    /** A pending request of a fresh member with a fresh instructor, {@code days} ahead at 10:00 New York. */
    private Lesson pending(int days) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        JsonNode slot = windowAndSlots(api, instructor, inDays(days), "10:00", "11:00", 60).get(0);
        return new Lesson(instructor, member, slot, book(member.client(), instructor.id(), slot));
    }

    private Lesson confirmed(int days) {
        Lesson lesson = pending(days);
        lesson.instructor().client().post("/api/bookings/" + lesson.id() + "/confirm", null).expect(200);
        return lesson;
    }

    private static ApiClient.Response act(ApiClient client, String id, String action) {
        return client.post("/api/bookings/" + id + "/" + action, action.equals("decline") || action.equals("cancel")
                ? Map.of() : null);
    }

    @Test
    void B2_only_the_bookings_instructor_or_the_owner_confirms() {
        Lesson lesson = pending(8);
        act(api.instructor().client(), lesson.id(), "confirm").problem(403);
        act(lesson.member().client(), lesson.id(), "confirm").problem(403);
        act(api.member("member_full").client(), lesson.id(), "confirm").problem(404);
        act(api.member("guest").client(), lesson.id(), "confirm").problem(404);
        assertThat(status(lesson.member().client(), lesson.id())).isEqualTo("pending");

        JsonNode answer = act(api.owner(), lesson.id(), "confirm").expect(200).json();
        assertThat(answer.path("success").asBoolean()).isTrue();
        assertThat(answer.path("declined")).isEmpty();
        assertThat(status(lesson.member().client(), lesson.id())).isEqualTo("confirmed");
        act(lesson.instructor().client(), lesson.id(), "confirm").problem(409);
        act(lesson.instructor().client(), java.util.UUID.randomUUID().toString(), "confirm").problem(404);
    }

    @Test
    void B2_confirming_after_the_start_is_409() {
        Api.Member instructor = api.instructor();
        JsonNode slot = windowAndSlots(api, instructor, inDays(8), "10:00", "11:00", 60).get(0);
        // requested two hours ahead, so B5 lets it wait until the start
        MutableClock.INSTANCE.pin(start(slot).minus(Duration.ofHours(2)));
        String id = book(api.member("member_full").client(), instructor.id(), slot);

        MutableClock.INSTANCE.pin(start(slot));
        assertThat(act(instructor.client(), id, "confirm").problem(409).path("detail").asString())
                .isEqualTo("This lesson has already started");
        MutableClock.INSTANCE.pin(start(slot).minusSeconds(1));
        act(instructor.client(), id, "confirm").expect(200);
    }

    @Test
    void B5_a_request_past_its_expiry_is_not_pending_for_a_confirmation_even_before_its_deadline_ran() {
        Lesson lesson = pending(8);
        // the expiry deadline runs on the real clock: at this pinned time it has not run yet
        MutableClock.INSTANCE.pin(Instant.now().plus(Duration.ofHours(4)).plusSeconds(1));
        assertThat(act(lesson.instructor().client(), lesson.id(), "confirm").problem(409).path("detail").asString())
                .isEqualTo("Booking not found or not pending");
    }

    @Test
    void B2_confirming_declines_overlapping_requests_and_cancelling_later_does_not_revive_them() {
        Api.Member instructor = api.instructor();
        LocalDate date = inDays(9);
        List<JsonNode> hours = windowAndSlots(api, instructor, date, "10:00", "12:00", 60);
        instructor.client().post("/api/availability/overrides", Map.of("instructor_id", instructor.id().toString(),
                "override_date", date.toString(), "start_time", "10:00", "end_time", "12:00", "is_available", true,
                "slot_duration_minutes", 30)).expect(201);
        List<JsonNode> all = slots(instructor.client(), instructor.id(), date);
        JsonNode half1030 = all.stream().filter(s -> Duration.between(start(s),
                Instant.parse(s.path("slot_end").asString())).toMinutes() == 30 && start(s).equals(start(hours.get(0))
                .plusSeconds(1800))).findFirst().orElseThrow();
        JsonNode half1100 = all.stream().filter(s -> Duration.between(start(s),
                Instant.parse(s.path("slot_end").asString())).toMinutes() == 30 && start(s).equals(start(hours.get(1))))
                .findFirst().orElseThrow();

        Api.Member a = api.member("member_full");
        Api.Member b = api.member("member_limited");
        Api.Member c = api.member("member_full");
        String chosen = book(a.client(), instructor.id(), hours.get(0));
        String sameSlot = book(b.client(), instructor.id(), hours.get(0));
        String overlapping = book(c.client(), instructor.id(), half1030);
        String adjacent = book(b.client(), instructor.id(), half1100);

        JsonNode answer = act(instructor.client(), chosen, "confirm").expect(200).json();
        assertThat(strings(answer.path("declined"))).containsExactlyInAnyOrder(sameSlot, overlapping);
        assertThat(status(b.client(), sameSlot)).isEqualTo("declined");
        assertThat(status(c.client(), overlapping)).isEqualTo("declined");
        assertThat(status(b.client(), adjacent)).isEqualTo("pending");
        assertThat(booking(b.client(), sameSlot).path("cancellation_reason").asString()).isNotBlank();

        act(instructor.client(), chosen, "cancel").expect(200);
        assertThat(status(b.client(), sameSlot)).isEqualTo("declined");
        assertThat(status(c.client(), overlapping)).isEqualTo("declined");
        // seed 8: the slot is freed
        assertThat(starts(slots(a.client(), instructor.id(), date))).contains(hours.get(0).path("slot_start")
                .asString());
    }

    /**
     * Seed 7.1: the instructor confirms while the member cancels. Whichever comes first wins, the other
     * is a 200 that still applies (a confirmed lesson more than 24 hours away may be cancelled) or a
     * 409; never a 5xx, and the ledger frees the time either way.
     */
    @Test
    void seed_7_1_an_instructor_confirming_while_the_member_cancels_ends_cancelled_and_frees_the_time()
            throws Exception {
        List<Lesson> lessons = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lessons.add(pending(12));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Lesson lesson : lessons) {
                answers.add(pool.submit(() -> act(lesson.instructor().client(), lesson.id(), "confirm").status()));
                answers.add(pool.submit(() -> act(lesson.member().client(), lesson.id(), "cancel").status()));
            }
            for (int i = 0; i < answers.size(); i++) {
                int answer = answers.get(i).get(30, TimeUnit.SECONDS);
                assertThat(answer).as(i % 2 == 0 ? "confirm" : "cancel").isIn(200, 409);
                if (i % 2 == 1) {
                    assertThat(answer).as("the member's cancel always applies: pending, or confirmed > 24 h away")
                            .isEqualTo(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (Lesson lesson : lessons) {
            assertThat(status(lesson.member().client(), lesson.id())).isEqualTo("cancelled_by_member");
            // the time is free in the ledger: another request for it is confirmed
            String again = book(api.member("member_full").client(), lesson.instructor().id(), lesson.slot());
            act(lesson.instructor().client(), again, "confirm").expect(200);
        }
    }

    /** B8 with B2–B7: to a member of any role, another member's booking does not exist, whatever the action. */
    @Test
    void B8_another_members_booking_is_404_to_members_of_every_role_for_every_action() {
        Lesson pending = pending(10);
        Lesson confirmed = confirmed(10);
        for (String role : List.of("guest", "member_limited", "member_full")) {
            ApiClient outsider = api.member(role).client();
            for (String action : List.of("confirm", "decline", "cancel")) {
                act(outsider, pending.id(), action).problem(404);
            }
            for (String action : List.of("cancel", "complete", "no-show")) {
                act(outsider, confirmed.id(), action).problem(404);
            }
            outsider.get("/api/bookings/" + pending.id()).problem(404);
        }
        assertThat(status(pending.member().client(), pending.id())).isEqualTo("pending");
        assertThat(status(confirmed.member().client(), confirmed.id())).isEqualTo("confirmed");
    }

    @Test
    void B3_decline_with_a_reason_by_the_instructor_or_the_owner_only_while_pending() {
        Lesson lesson = pending(10);
        act(api.instructor().client(), lesson.id(), "decline").problem(403);
        act(lesson.member().client(), lesson.id(), "decline").problem(403);
        act(api.member("member_limited").client(), lesson.id(), "decline").problem(404);
        lesson.instructor().client().post("/api/bookings/" + lesson.id() + "/decline",
                Map.of("reason", "Away that week")).expect(200);
        JsonNode declined = booking(lesson.member().client(), lesson.id());
        assertThat(declined.path("status").asString()).isEqualTo("declined");
        assertThat(declined.path("cancellation_reason").asString()).isEqualTo("Away that week");
        act(lesson.instructor().client(), lesson.id(), "decline").problem(409);
        lesson.member().client().post("/api/bookings/" + lesson.id() + "/cancel", Map.of("reason", 5)).problem(400);

        Lesson other = pending(10);
        JsonNode answer = api.owner().post("/api/bookings/" + other.id() + "/decline", null).expect(200).json();
        assertThat(answer.path("success").asBoolean()).isTrue();
        Lesson confirmed = confirmed(10);
        act(confirmed.instructor().client(), confirmed.id(), "decline").problem(409);
        confirmed.instructor().client().post("/api/bookings/" + confirmed.id() + "/decline",
                Map.of("reason", "x".repeat(2001))).problem(400);
    }

    @Test
    void B4_a_member_cancels_a_confirmed_lesson_until_strictly_more_than_24_hours_before() {
        Lesson lesson = confirmed(8);
        Instant start = start(lesson.slot());
        MutableClock.INSTANCE.pin(start.minus(Duration.ofHours(24)));
        JsonNode problem = act(lesson.member().client(), lesson.id(), "cancel").problem(403);
        assertThat(problem.path("detail").asString()).isEqualTo(WITHIN_24H);
        MutableClock.INSTANCE.pin(start.minus(Duration.ofHours(1)));
        assertThat(act(lesson.member().client(), lesson.id(), "cancel").problem(403).path("detail").asString())
                .isEqualTo(WITHIN_24H);
        assertThat(status(lesson.member().client(), lesson.id())).isEqualTo("confirmed");

        Instant at = start.minus(Duration.ofHours(24)).minusSeconds(1);
        MutableClock.INSTANCE.pin(at);
        lesson.member().client().post("/api/bookings/" + lesson.id() + "/cancel", Map.of("reason", "Injured"))
                .expect(200);
        JsonNode cancelled = booking(lesson.member().client(), lesson.id());
        assertThat(cancelled.path("status").asString()).isEqualTo("cancelled_by_member");
        assertThat(cancelled.path("cancelled_by").asString()).isEqualTo(lesson.member().id().toString());
        assertThat(cancelled.path("cancellation_reason").asString()).isEqualTo("Injured");
        assertThat(cancelled.path("cancelled_at").asString()).isEqualTo(at.toString());
        // seed 8: the slot is offered again
        MutableClock.INSTANCE.reset();
        assertThat(starts(slots(lesson.member().client(), lesson.instructor().id(),
                inDays(8)))).contains(lesson.slot().path("slot_start").asString());
    }

    @Test
    void B4_a_member_cancels_a_pending_request_always_whatever_their_role() {
        Lesson lesson = pending(8);
        MutableClock.INSTANCE.pin(start(lesson.slot()).minus(Duration.ofMinutes(30)));
        act(lesson.member().client(), lesson.id(), "cancel").expect(200);
        JsonNode cancelled = booking(lesson.member().client(), lesson.id());
        assertThat(cancelled.path("status").asString()).isEqualTo("cancelled_by_member");
        assertThat(cancelled.path("cancelled_by").asString()).isEqualTo(lesson.member().id().toString());
        assertThat(cancelled.path("cancellation_reason").isNull()).isTrue();
        MutableClock.INSTANCE.reset();

        Lesson demoted = pending(9);
        api.owner().patch("/api/members/" + demoted.member().id(), Map.of("role", "guest")).expect(200);
        act(demoted.member().client(), demoted.id(), "cancel").expect(200);
        assertThat(status(demoted.instructor().client(), demoted.id())).isEqualTo("cancelled_by_member");
    }

    @Test
    void B4_the_instructor_and_the_owner_cancel_any_time_others_may_not() {
        Lesson lesson = confirmed(8);
        Instant start = start(lesson.slot());
        MutableClock.INSTANCE.pin(start.minus(Duration.ofMinutes(5)));
        act(api.instructor().client(), lesson.id(), "cancel").problem(403);
        act(api.member("member_full").client(), lesson.id(), "cancel").problem(404);
        lesson.instructor().client().post("/api/bookings/" + lesson.id() + "/cancel", Map.of("reason", "Ill"))
                .expect(200);
        JsonNode cancelled = booking(lesson.member().client(), lesson.id());
        assertThat(cancelled.path("status").asString()).isEqualTo("cancelled_by_instructor");
        assertThat(cancelled.path("cancelled_by").asString()).isEqualTo(lesson.instructor().id().toString());
        assertThat(cancelled.path("cancellation_reason").asString()).isEqualTo("Ill");
        assertThat(cancelled.path("cancelled_at").asString()).isEqualTo(start.minus(Duration.ofMinutes(5)).toString());
        MutableClock.INSTANCE.reset();

        Lesson byOwner = confirmed(9);
        MutableClock.INSTANCE.pin(start(byOwner.slot()).minusSeconds(1));
        act(api.owner(), byOwner.id(), "cancel").expect(200);
        assertThat(status(byOwner.member().client(), byOwner.id())).isEqualTo("cancelled_by_instructor");
        MutableClock.INSTANCE.reset();

        Lesson pendingByInstructor = pending(9);
        act(pendingByInstructor.instructor().client(), pendingByInstructor.id(), "cancel").expect(200);
        assertThat(status(pendingByInstructor.member().client(), pendingByInstructor.id()))
                .isEqualTo("cancelled_by_instructor");
    }

    @Test
    void B6_no_transition_leaves_a_terminal_state() {
        Lesson cancelled = pending(11);
        act(cancelled.member().client(), cancelled.id(), "cancel").expect(200);
        for (String action : List.of("confirm", "decline", "cancel", "complete", "no-show")) {
            act(cancelled.instructor().client(), cancelled.id(), action).problem(409);
        }
        Lesson declined = pending(11);
        act(declined.instructor().client(), declined.id(), "decline").expect(200);
        for (String action : List.of("confirm", "decline", "cancel", "complete", "no-show")) {
            act(declined.instructor().client(), declined.id(), action).problem(409);
        }
        act(declined.member().client(), declined.id(), "cancel").problem(409);

        Lesson pending = pending(11);
        act(pending.instructor().client(), pending.id(), "complete").problem(409);
        act(pending.instructor().client(), pending.id(), "no-show").problem(409);
        assertThat(status(pending.member().client(), pending.id())).isEqualTo("pending");

        Lesson completed = confirmed(11);
        MutableClock.INSTANCE.pin(start(completed.slot()).plusSeconds(3600));
        act(completed.instructor().client(), completed.id(), "complete").expect(200);
        for (String action : List.of("confirm", "decline", "cancel", "complete", "no-show")) {
            act(completed.instructor().client(), completed.id(), action).problem(409);
        }
        act(completed.member().client(), completed.id(), "cancel").problem(409);
    }

    @Test
    void B7_complete_and_no_show_once_started_by_instructor_or_owner() {
        Lesson lesson = confirmed(12);
        Instant start = start(lesson.slot());
        act(lesson.instructor().client(), lesson.id(), "complete").problem(409);
        act(lesson.instructor().client(), lesson.id(), "no-show").problem(409);
        MutableClock.INSTANCE.pin(start.minusSeconds(1));
        act(lesson.instructor().client(), lesson.id(), "complete").problem(409);

        MutableClock.INSTANCE.pin(start);
        assertThat(act(lesson.member().client(), lesson.id(), "complete").problem(403).path("detail").asString())
                .isEqualTo("Not authorized to complete this booking");
        assertThat(act(lesson.member().client(), lesson.id(), "no-show").problem(403).path("detail").asString())
                .isEqualTo("Not authorized to mark this booking as a no-show");
        act(api.instructor().client(), lesson.id(), "complete").problem(403);
        act(api.member("member_full").client(), lesson.id(), "no-show").problem(404);
        JsonNode done = act(lesson.instructor().client(), lesson.id(), "complete").expect(200).json();
        assertThat(done.path("success").asBoolean()).isTrue();
        assertThat(status(lesson.member().client(), lesson.id())).isEqualTo("completed");

        MutableClock.INSTANCE.reset();
        Lesson missed = confirmed(12);
        MutableClock.INSTANCE.pin(start(missed.slot()).plus(Duration.ofHours(2)));
        act(api.owner(), missed.id(), "no-show").expect(200);
        assertThat(status(missed.member().client(), missed.id())).isEqualTo("no_show");
        act(api.owner(), missed.id(), "complete").problem(409);
    }

    @Test
    void B5_answered_requests_keep_their_status_and_drop_the_expiry_deadline() {
        Lesson confirmed = pending(8);
        Lesson declined = pending(8);
        Lesson waiting = pending(8);
        String confirmedDeadline = expiryDeadline(confirmed.id());
        String declinedDeadline = expiryDeadline(declined.id());
        assertThat(scheduled(confirmedDeadline)).as("a pending request has its expiry deadline").isOne();
        assertThat(scheduled(declinedDeadline)).isOne();

        act(confirmed.instructor().client(), confirmed.id(), "confirm").expect(200);
        act(declined.instructor().client(), declined.id(), "decline").expect(200);

        // the deadlines run on the real clock: what could still expire them is gone from the scheduler
        assertThat(scheduled(confirmedDeadline)).isZero();
        assertThat(scheduled(declinedDeadline)).isZero();
        assertThat(scheduled(expiryDeadline(waiting.id()))).isOne();
        assertThat(status(confirmed.member().client(), confirmed.id())).isEqualTo("confirmed");
        assertThat(status(declined.member().client(), declined.id())).isEqualTo("declined");
    }

    /**
     * B7 with B2: a lesson marked a no-show ten minutes in gives the rest of its hour back; a request
     * for half of it can be confirmed (the ledger held it until the end).
     */
    @Test
    void B7_a_lesson_marked_before_its_end_frees_the_rest_of_its_time() {
        Api.Member instructor = api.instructor();
        LocalDate date = inDays(10);
        JsonNode hour = windowAndSlots(api, instructor, date, "10:00", "11:00", 60).get(0);
        instructor.client().post("/api/availability/overrides", Map.of("instructor_id", instructor.id().toString(),
                "override_date", date.toString(), "start_time", "10:00", "end_time", "11:00", "is_available", true,
                "slot_duration_minutes", 30)).expect(201);
        String lesson = book(api.member("member_full").client(), instructor.id(), hour);
        act(instructor.client(), lesson, "confirm").expect(200);

        Instant start = start(hour);
        MutableClock.INSTANCE.pin(start.plus(Duration.ofMinutes(10)));
        act(instructor.client(), lesson, "no-show").expect(200);
        String walkIn = api.member("member_full").client().post("/api/bookings", request(instructor.id(),
                start.plus(Duration.ofMinutes(30)).toString(), start.plus(Duration.ofMinutes(60)).toString()))
                .expect(201).json().path("booking_id").asString();
        act(instructor.client(), walkIn, "confirm").expect(200);
    }

    /**
     * B5 with B2 and B4: a request whose expiry deadline is running at that moment (or was picked by a
     * node that died) can still be cancelled, and declined by a confirmation; the answer is not a 5xx.
     */
    @Test
    void B5_an_expiry_running_at_that_moment_does_not_fail_a_cancellation_or_a_confirmation() {
        Lesson cancelled = pending(9);
        Lesson confirmed = pending(9);
        Api.Member rival = api.member("member_limited");
        String rivalId = book(rival.client(), confirmed.instructor().id(), confirmed.slot());
        List<String> running = List.of(expiryDeadline(cancelled.id()), expiryDeadline(rivalId));
        running.forEach(id -> pickedByAnotherNode(id, true));
        try {
            act(cancelled.member().client(), cancelled.id(), "cancel").expect(200);
            act(confirmed.instructor().client(), confirmed.id(), "confirm").expect(200);

            assertThat(status(cancelled.member().client(), cancelled.id())).isEqualTo("cancelled_by_member");
            assertThat(status(confirmed.member().client(), confirmed.id())).isEqualTo("confirmed");
            assertThat(status(rival.client(), rivalId)).isEqualTo("declined");
        } finally {
            running.forEach(id -> pickedByAnotherNode(id, false));
        }
    }

    /**
     * B5: an expiry whose append failed (a message posted to the booking at that moment, a database
     * hiccup) runs again within seconds, not after db-scheduler's default five minutes, during which
     * the request stayed pending past its time.
     */
    @Test
    void B5_an_expiry_that_failed_is_tried_again_within_seconds() {
        Lesson lesson = pending(9);
        String deadline = expiryDeadline(lesson.id());
        jdbc.sql("CREATE SEQUENCE expiry_attempts").update();
        jdbc.sql("""
                CREATE FUNCTION fail_first_expiry() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.aggregate_identifier = '%s' AND NEW.payload_type LIKE '%%BookingExpired' THEN
                    IF nextval('expiry_attempts') = 1 THEN
                      RAISE EXCEPTION 'the first expiry of %% fails', NEW.aggregate_identifier;
                    END IF;
                  END IF;
                  RETURN NEW;
                END $$""".formatted(lesson.id())).update();
        jdbc.sql("CREATE TRIGGER fail_first_expiry BEFORE INSERT ON domain_event_entry"
                + " FOR EACH ROW EXECUTE FUNCTION fail_first_expiry()").update();
        try {
            jdbc.sql("UPDATE scheduled_tasks SET execution_time = now() WHERE task_instance LIKE :id")
                    .param("id", "%" + deadline + "%").update();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(status(lesson.member().client(), lesson.id())).isEqualTo("expired"));
            assertThat(jdbc.sql("SELECT last_value FROM expiry_attempts").query(Long.class).single())
                    .as("the first attempt failed, the second expired the request").isEqualTo(2);
        } finally {
            jdbc.sql("DROP TRIGGER fail_first_expiry ON domain_event_entry").update();
            jdbc.sql("DROP FUNCTION fail_first_expiry()").update();
            jdbc.sql("DROP SEQUENCE expiry_attempts").update();
        }
    }

    /**
     * B5: an expiry picked by a node that died in the middle of it runs on a living node once the dead
     * one has missed its heartbeats for a minute, not after db-scheduler's default half hour.
     */
    @Test
    void B5_an_expiry_picked_by_a_node_that_died_runs_within_a_minute_and_a_half() {
        Lesson lesson = pending(9);
        int rows = jdbc.sql("UPDATE scheduled_tasks SET execution_time = now(), picked = true, picked_by = 'dead-node',"
                        + " last_heartbeat = now() - interval '70 seconds', version = version + 1"
                        + " WHERE task_instance LIKE :id")
                .param("id", "%" + expiryDeadline(lesson.id()) + "%").update();
        assertThat(rows).isOne();

        await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
                assertThat(status(lesson.member().client(), lesson.id())).isEqualTo("expired"));
    }

    /** Marks a deadline as db-scheduler marks one it runs: picked, by a node that keeps it alive. */
    private void pickedByAnotherNode(String deadlineId, boolean picked) {
        int rows = jdbc.sql("UPDATE scheduled_tasks SET picked = :picked, picked_by = :by,"
                        + " last_heartbeat = now(), version = version + 1 WHERE task_instance LIKE :id")
                .param("picked", picked).param("by", picked ? "another-node" : null)
                .param("id", "%" + deadlineId + "%").update();
        assertThat(rows).as("the deadline %s is scheduled", deadlineId).isOne();
    }

    /** The id of a request's expiry deadline, from the metadata of its first event. */
    private String expiryDeadline(String bookingId) {
        String metaData = jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry"
                        + " WHERE aggregate_identifier = :id AND sequence_number = 0")
                .param("id", bookingId).query(String.class).single();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"deadlineId\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(metaData);
        assertThat(m.find()).as("deadlineId in %s", metaData).isTrue();
        return m.group(1);
    }

    private int scheduled(String deadlineId) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance LIKE :id")
                .param("id", "%" + deadlineId + "%").query(Integer.class).single();
    }

    @Test
    void seed_8_two_requests_for_one_slot_confirming_one_declines_the_other_and_decline_frees_nothing() {
        Lesson lesson = pending(13);
        Api.Member rival = api.member("member_limited");
        String rivalId = book(rival.client(), lesson.instructor().id(), lesson.slot());
        // declining a request leaves the slot offered (pending requests never took it)
        act(lesson.instructor().client(), rivalId, "decline").expect(200);
        assertThat(slots(rival.client(), lesson.instructor().id(), inDays(13))).hasSize(1);
        String third = book(api.member("member_full").client(), lesson.instructor().id(), lesson.slot());
        JsonNode answer = act(lesson.instructor().client(), lesson.id(), "confirm").expect(200).json();
        assertThat(strings(answer.path("declined"))).containsExactly(third);
        assertThat(slots(rival.client(), lesson.instructor().id(), inDays(13))).isEmpty();
    }
}
