package studio.booking.api.history;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import studio.booking.api.support.MutableClock;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static studio.booking.api.support.Lessons.UTC_INSTANT;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.fieldNames;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.list;
import static studio.booking.api.support.Lessons.status;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** R2 through HTTP: {@code GET /api/bookings/:id/history} — each event, when, by whom, why; visible as B8 says. */
@ApiTest
class BookingHistoryTest {

    private static final List<String> EVENT_FIELDS = List.of("sequence", "type", "occurred_at", "actor_id",
            "actor_name", "details");

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

    private static List<JsonNode> history(ApiClient client, String bookingId) {
        return list(client.get("/api/bookings/" + bookingId + "/history").expect(200).json().path("events"));
    }

    private static String nameOf(Api.Member member) {
        return member.client().get("/api/me").expect(200).json().path("display_name").asString();
    }

    @Test
    void R2_history_lists_every_event_with_actor_and_reason() {
        Lesson lesson = pending(5);
        lesson.instructor().client().post("/api/bookings/" + lesson.id() + "/decline",
                Map.of("reason", "I am away that week")).expect(200);

        List<JsonNode> events = history(lesson.member().client(), lesson.id());

        assertThat(events).hasSize(2);
        JsonNode requested = events.get(0);
        assertThat(fieldNames(requested)).containsExactlyElementsOf(EVENT_FIELDS);
        assertThat(requested.path("sequence").asLong()).isZero();
        assertThat(requested.path("type").asString()).isEqualTo("booking_requested");
        assertThat(requested.path("occurred_at").asString()).matches(UTC_INSTANT);
        assertThat(requested.path("actor_id").asString()).isEqualTo(lesson.member().id().toString());
        assertThat(requested.path("actor_name").asString()).isEqualTo(nameOf(lesson.member()));
        JsonNode details = requested.path("details");
        assertThat(fieldNames(details)).containsExactly("instructor_id", "member_id", "start_time", "end_time",
                "notes", "expires_at");
        assertThat(details.path("instructor_id").asString()).isEqualTo(lesson.instructor().id().toString());
        assertThat(details.path("start_time").asString()).isEqualTo(lesson.slot().path("slot_start").asString());
        assertThat(details.path("end_time").asString()).isEqualTo(lesson.slot().path("slot_end").asString());
        assertThat(details.path("expires_at").asString()).matches(UTC_INSTANT);
        assertThat(details.path("notes").isNull()).isTrue();

        JsonNode declined = events.get(1);
        assertThat(declined.path("sequence").asLong()).isOne();
        assertThat(declined.path("type").asString()).isEqualTo("booking_declined");
        assertThat(declined.path("actor_id").asString()).isEqualTo(lesson.instructor().id().toString());
        assertThat(declined.path("actor_name").asString()).isEqualTo(nameOf(lesson.instructor()));
        assertThat(declined.path("details").path("cause").asString()).isEqualTo("declined_by_staff");
        assertThat(declined.path("details").path("reason").asString()).isEqualTo("I am away that week");
        assertThat(declined.path("details").path("caused_by").isNull()).isTrue();
        assertThat(declined.path("occurred_at").asString())
                .isGreaterThanOrEqualTo(requested.path("occurred_at").asString());
        assertThat(declined.toString()).doesNotContain("deadline");
    }

    @Test
    void R2_a_request_declined_by_a_competing_confirmation_names_the_booking_that_won() {
        Lesson winner = pending(6);
        Api.Member other = api.member("member_limited");
        String loser = book(other.client(), winner.instructor().id(), winner.slot());

        winner.instructor().client().post("/api/bookings/" + winner.id() + "/confirm", null).expect(200);

        List<JsonNode> events = history(other.client(), loser);
        assertThat(events).extracting(e -> e.path("type").asString())
                .containsExactly("booking_requested", "booking_declined");
        JsonNode declined = events.get(1);
        assertThat(declined.path("details").path("cause").asString()).isEqualTo("competing_booking_confirmed");
        assertThat(declined.path("details").path("caused_by").asString()).isEqualTo(winner.id());
        assertThat(declined.path("details").path("reason").asString()).isNotBlank();
        assertThat(declined.path("actor_id").asString()).as("the instructor who confirmed the winner")
                .isEqualTo(winner.instructor().id().toString());

        List<JsonNode> won = history(winner.instructor().client(), winner.id());
        assertThat(won).extracting(e -> e.path("type").asString())
                .containsExactly("booking_requested", "booking_confirmed");
        assertThat(won.get(1).path("details").path("start_time").asString())
                .isEqualTo(winner.slot().path("slot_start").asString());
    }

    @Test
    void R2_an_expired_request_was_expired_by_the_system() {
        // requested "five hours ago": its expiry (four hours after the request) is already due for the
        // scheduler, which runs on real time, so the deadline fires at once
        MutableClock.INSTANCE.advance(Duration.ofHours(-5));
        Lesson lesson = pending(4);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(status(lesson.member().client(), lesson.id())).isEqualTo("expired"));

        List<JsonNode> events = history(lesson.member().client(), lesson.id());
        assertThat(events).extracting(e -> e.path("type").asString())
                .containsExactly("booking_requested", "booking_expired");
        JsonNode expired = events.get(1);
        assertThat(expired.path("actor_id").isNull()).isTrue();
        assertThat(expired.path("actor_name").asString()).isEqualTo("System");
        assertThat(expired.path("details").isEmpty()).isTrue();
        // stored so: the expiry names no actor (the requester scheduled the deadline, but did not expire it)
        String metaData = new String(jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = 1").param(lesson.id()).query(byte[].class).single());
        assertThat(metaData).doesNotContain("actorId").doesNotContain(lesson.member().id().toString());
    }

    @Test
    void R2_cancellations_keep_who_cancelled_why_and_whether_the_lesson_was_confirmed() {
        Lesson request = pending(9);
        request.member().client().post("/api/bookings/" + request.id() + "/cancel",
                Map.of("reason", "Found another time")).expect(200);

        JsonNode byMember = history(request.member().client(), request.id()).get(1);
        assertThat(byMember.path("type").asString()).isEqualTo("booking_cancelled");
        assertThat(byMember.path("actor_id").asString()).isEqualTo(request.member().id().toString());
        assertThat(byMember.path("details").path("status").asString()).isEqualTo("cancelled_by_member");
        assertThat(byMember.path("details").path("cancelled_by").asString())
                .isEqualTo(request.member().id().toString());
        assertThat(byMember.path("details").path("reason").asString()).isEqualTo("Found another time");
        assertThat(byMember.path("details").path("was_confirmed").asBoolean()).isFalse();

        Lesson lesson = pending(10);
        lesson.instructor().client().post("/api/bookings/" + lesson.id() + "/confirm", null).expect(200);
        lesson.instructor().client().post("/api/bookings/" + lesson.id() + "/cancel", Map.of()).expect(200);

        List<JsonNode> events = history(lesson.member().client(), lesson.id());
        assertThat(events).extracting(e -> e.path("type").asString())
                .containsExactly("booking_requested", "booking_confirmed", "booking_cancelled");
        JsonNode byInstructor = events.get(2);
        assertThat(byInstructor.path("sequence").asLong()).isEqualTo(2);
        assertThat(byInstructor.path("details").path("status").asString()).isEqualTo("cancelled_by_instructor");
        assertThat(byInstructor.path("details").path("reason").isNull()).isTrue();
        assertThat(byInstructor.path("details").path("was_confirmed").asBoolean()).isTrue();
    }

    @Test
    void R2_messages_and_reads_of_the_thread_are_in_the_history() {
        Lesson lesson = pending(13);
        JsonNode message = lesson.member().client().post("/api/bookings/" + lesson.id() + "/messages",
                Map.of("content", "Can we work on the cross-body lead?")).expect(201).json().path("data");
        lesson.instructor().client().get("/api/bookings/" + lesson.id() + "/messages").expect(200);

        List<JsonNode> events = history(lesson.member().client(), lesson.id());

        assertThat(events).extracting(e -> e.path("type").asString())
                .containsExactly("booking_requested", "message_posted", "thread_read");
        JsonNode posted = events.get(1);
        assertThat(posted.path("actor_id").asString()).isEqualTo(lesson.member().id().toString());
        assertThat(fieldNames(posted.path("details"))).containsExactly("message_id", "sender_id", "content");
        assertThat(posted.path("details").path("message_id").asString()).isEqualTo(message.path("id").asString());
        assertThat(posted.path("details").path("content").asString()).isEqualTo("Can we work on the cross-body lead?");
        JsonNode read = events.get(2);
        assertThat(read.path("actor_name").asString()).isEqualTo(nameOf(lesson.instructor()));
        assertThat(read.path("details").path("reader_id").asString()).isEqualTo(lesson.instructor().id().toString());
        assertThat(read.path("details").path("read_up_to").asString()).isEqualTo(posted.path("occurred_at").asString());
    }

    @Test
    void R2_the_history_shows_the_name_the_actor_had_when_they_acted() {
        Lesson lesson = pending(11);
        String before = nameOf(lesson.member());
        api.owner().patch("/api/members/" + lesson.member().id(), Map.of("display_name", "Renamed Member"))
                .expect(200);
        lesson.member().client().post("/api/bookings/" + lesson.id() + "/cancel", Map.of()).expect(200);

        List<JsonNode> events = history(lesson.instructor().client(), lesson.id());
        assertThat(events).extracting(e -> e.path("actor_name").asString())
                .containsExactly(before, "Renamed Member");
    }

    @Test
    void B8_the_history_is_visible_to_the_member_and_staff_only() {
        Lesson lesson = pending(12);
        String path = "/api/bookings/" + lesson.id() + "/history";

        lesson.member().client().get(path).expect(200);
        lesson.instructor().client().get(path).expect(200);
        api.instructor().client().get(path).expect(200);
        api.owner().get(path).expect(200);

        assertThat(api.member("member_full").client().get(path).problem(404).path("detail").asString())
                .isEqualTo("Booking not found");
        api.member("guest").client().get(path).problem(404);
        api.anonymous().get(path).problem(401);
        api.owner().get("/api/bookings/not-a-uuid/history").problem(404);
        api.owner().get("/api/bookings/" + UUID.randomUUID() + "/history").problem(404);
        // a member's id is the identifier of the member's own event stream, not of a booking
        api.owner().get("/api/bookings/" + lesson.member().id() + "/history").problem(404);
    }
}
