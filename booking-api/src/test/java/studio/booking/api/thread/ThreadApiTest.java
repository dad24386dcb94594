package studio.booking.api.thread;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import studio.booking.api.support.MutableClock;
import studio.booking.messages.thread.MessagePosted;
import studio.booking.messages.thread.ThreadRead;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.api.support.Lessons.UTC_INSTANT;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.booking;
import static studio.booking.api.support.Lessons.fieldNames;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.list;
import static studio.booking.api.support.Lessons.start;
import static studio.booking.api.support.Lessons.status;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** API.md, Messages: a booking's thread (M1) and unread state (M2) through real HTTP, every side. */
@ApiTest
class ThreadApiTest {

    private static final List<String> MESSAGE_FIELDS = List.of("id", "booking_id", "sender_id", "sender_name",
            "content", "created_at");
    private static final String DANCER = "\uD83D\uDC83"; // one code point, two UTF-16 chars

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    private record Lesson(Api.Member instructor, Api.Member member, JsonNode slot, String id) {
    }

    /** A pending request of a fresh member with a fresh instructor, {@code days} ahead at 10:00 New York. */
    private Lesson lesson(int days) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        JsonNode slot = windowAndSlots(api, instructor, inDays(days), "10:00", "11:00", 60).get(0);
        return new Lesson(instructor, member, slot, book(member.client(), instructor.id(), slot));
    }

    private static String messages(String bookingId) {
        return "/api/bookings/" + bookingId + "/messages";
    }

    private static ApiClient.Response post(ApiClient client, String bookingId, Object content) {
        Map<String, Object> body = new HashMap<>();
        body.put("content", content);
        return client.post(messages(bookingId), body);
    }

    private static JsonNode posted(ApiClient client, String bookingId, String content) {
        return post(client, bookingId, content).expect(201).json().path("data");
    }

    private static JsonNode thread(ApiClient client, String bookingId) {
        return client.get(messages(bookingId)).expect(200).json();
    }

    private static List<String> contents(JsonNode thread) {
        return list(thread.path("messages")).stream().map(m -> m.path("content").asString()).toList();
    }

    private static boolean unreadInList(ApiClient client, String bookingId) {
        return list(client.get("/api/bookings").expect(200).json().path("data")).stream()
                .filter(b -> b.path("id").asString().equals(bookingId))
                .findFirst().orElseThrow().path("unread").asBoolean();
    }

    private static boolean unreadInCalendar(ApiClient client, Lesson lesson) {
        LocalDate date = LocalDate.ofInstant(start(lesson.slot()), java.time.ZoneId.of("America/New_York"));
        JsonNode calendar = client.get("/api/calendar/" + lesson.instructor().id() + "?month=" + YearMonth.from(date))
                .expect(200).json();
        for (JsonNode day : calendar.path("days")) {
            for (JsonNode b : day.path("bookings")) {
                if (b.path("id").asString().equals(lesson.id())) {
                    return b.path("unread").asBoolean();
                }
            }
        }
        throw new AssertionError("booking " + lesson.id() + " not in the calendar");
    }

    /** The flag everywhere a booking is shown: the list, the booking itself and the calendar must agree. */
    private static boolean unread(ApiClient client, Lesson lesson) {
        boolean single = booking(client, lesson.id()).path("unread").asBoolean();
        assertThat(unreadInList(client, lesson.id())).as("unread in the list").isEqualTo(single);
        assertThat(unreadInCalendar(client, lesson)).as("unread in the calendar").isEqualTo(single);
        return single;
    }

    private static List<String> banner(ApiClient client) {
        return list(client.get("/api/bookings/unread").expect(200).json().path("unread")).stream()
                .map(u -> u.path("booking_id").asString()).toList();
    }

    private long events(String bookingId, Class<?> type) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id AND payload_type = :type")
                .param("id", bookingId).param("type", type.getName()).query(Long.class).single();
    }

    // M1 ------------------------------------------------------------------------------------------

    @Test
    void M1_the_member_and_the_instructor_post_and_read_the_thread_in_order() {
        Lesson lesson = lesson(8);

        JsonNode first = posted(lesson.member().client(), lesson.id(), "Can we focus on cross-body lead?");
        assertThat(fieldNames(first)).containsExactlyElementsOf(MESSAGE_FIELDS);
        assertThat(first.path("booking_id").asString()).isEqualTo(lesson.id());
        assertThat(first.path("sender_id").asString()).isEqualTo(lesson.member().id().toString());
        assertThat(first.path("sender_name").asString()).startsWith("Test member_full");
        assertThat(first.path("created_at").asString()).matches(UTC_INSTANT);
        posted(lesson.instructor().client(), lesson.id(), "Absolutely! I'll prep some drills for that.");
        posted(lesson.member().client(), lesson.id(), "Perfect, see you then!");

        for (ApiClient reader : List.of(lesson.member().client(), lesson.instructor().client())) {
            JsonNode thread = thread(reader, lesson.id());
            assertThat(fieldNames(thread)).containsExactly("messages", "hasUnread");
            assertThat(contents(thread)).containsExactly("Can we focus on cross-body lead?",
                    "Absolutely! I'll prep some drills for that.", "Perfect, see you then!");
            assertThat(thread.path("messages").get(0)).isEqualTo(first);
            assertThat(thread.path("messages").get(1).path("sender_id").asString())
                    .isEqualTo(lesson.instructor().id().toString());
        }
    }

    @Test
    void M1_staff_who_are_not_participants_the_owner_included_only_read() {
        Lesson lesson = lesson(8);
        posted(lesson.member().client(), lesson.id(), "Hi");

        for (ApiClient staff : List.of(api.owner(), api.instructor().client())) {
            JsonNode problem = post(staff, lesson.id(), "Let me join").problem(403);
            assertThat(problem.path("detail").asString()).isEqualTo("Only the booking's member and instructor can send messages");
            JsonNode thread = thread(staff, lesson.id());
            assertThat(contents(thread)).containsExactly("Hi");
            assertThat(thread.path("hasUnread").asBoolean()).isFalse();
        }
        // staff reading marked nothing: the instructor still has it unread
        assertThat(events(lesson.id(), ThreadRead.class)).isZero();
        assertThat(unread(lesson.instructor().client(), lesson)).isTrue();
    }

    @Test
    void M1_the_owner_who_teaches_the_lesson_is_a_participant() {
        ApiClient owner = api.owner();
        UUID ownerId = UUID.fromString(owner.get("/api/me").expect(200).json().path("id").asString());
        Api.Member member = api.member("member_limited");
        JsonNode slot = windowAndSlots(api, new Api.Member(ownerId, Api.OWNER_EMAIL, "owner", owner), inDays(40),
                "07:00", "08:00", 60).get(0);
        String id = book(member.client(), ownerId, slot);

        posted(owner, id, "Welcome!");
        assertThat(contents(thread(member.client(), id))).containsExactly("Welcome!");
    }

    @Test
    void M1_a_member_who_cannot_see_the_booking_gets_404_and_so_do_unknown_and_malformed_ids() {
        Lesson lesson = lesson(8);
        posted(lesson.member().client(), lesson.id(), "Hi");

        for (ApiClient outsider : List.of(api.member("member_full").client(), api.member("guest").client())) {
            outsider.get(messages(lesson.id())).problem(404);
            post(outsider, lesson.id(), "Hello?").problem(404);
        }
        ApiClient member = lesson.member().client();
        member.get(messages(UUID.randomUUID().toString())).problem(404);
        post(member, UUID.randomUUID().toString(), "Hello?").problem(404);
        member.get(messages("not-a-uuid")).problem(404);
        post(member, "not-a-uuid", "Hello?").problem(404);
        // a member's id is no booking's id, even for the owner
        post(api.owner(), lesson.member().id().toString(), "Hello?").problem(404);
        api.owner().get(messages(lesson.member().id().toString())).problem(404);

        assertThat(contents(thread(member, lesson.id()))).containsExactly("Hi");
    }

    @Test
    void M1_not_signed_in_is_401() {
        Lesson lesson = lesson(8);
        ApiClient anonymous = api.anonymous();
        anonymous.get(messages(lesson.id())).problem(401);
        post(anonymous, lesson.id(), "Hi").problem(401);
        anonymous.get("/api/bookings/unread").problem(401);
    }

    @Test
    void M1_content_is_trimmed_and_1_to_2000_code_points_and_nothing_is_stored_on_a_rejected_post() {
        Lesson lesson = lesson(8);
        ApiClient member = lesson.member().client();

        assertThat(posted(member, lesson.id(), " \n  Bring water  \t").path("content").asString())
                .isEqualTo("Bring water");
        String dancers = DANCER.repeat(2000);
        assertThat(posted(member, lesson.id(), dancers).path("content").asString()).isEqualTo(dancers);
        assertThat(posted(member, lesson.id(), "x".repeat(2000) + "   ").path("content").asString())
                .hasSize(2000);
        String html = "<script>alert('x')</script> & \"quotes\"";
        assertThat(posted(member, lesson.id(), html).path("content").asString()).isEqualTo(html);

        // Unicode white space counts as trimmed (no-break spaces included), so a blank message is no message
        assertThat(posted(member, lesson.id(), "\u00a0Bring shoes\u202f\u3000").path("content").asString())
                .isEqualTo("Bring shoes");
        for (String bad : Arrays.asList(DANCER.repeat(2001), "x".repeat(2001), "", "   \n\t", null, "a\u0000b",
                "\u00a0\u2007\u202f\u0085\u3000")) {
            JsonNode problem = post(member, lesson.id(), bad).problem(400);
            assertThat(list(problem.path("errors"))).as("%s", bad)
                    .allSatisfy(e -> assertThat(e.path("field").asString()).isEqualTo("content")).hasSize(1);
        }
        for (Object wrongType : List.of(42, true, List.of("a"), Map.of("text", "a"))) {
            post(member, lesson.id(), wrongType).problem(400);
        }
        // a lone surrogate is no character: refused, never stored as '?' beside an event that kept it
        assertThat(list(member.post(messages(lesson.id()), "{\"content\":\"a\\ud800b\"}").problem(400)
                .path("errors"))).singleElement()
                .satisfies(e -> assertThat(e.path("field").asString()).isEqualTo("content"));
        member.post(messages(lesson.id()), Map.of()).problem(400);
        member.post(messages(lesson.id()), "{not json").problem(400);
        member.post(messages(lesson.id()), null).problem(400);
        // too long from a non-participant is still the input's fault
        post(api.owner(), lesson.id(), "x".repeat(2001)).problem(400);

        assertThat(contents(thread(member, lesson.id()))).containsExactly("Bring water", dancers, "x".repeat(2000), html,
                "Bring shoes");
        assertThat(events(lesson.id(), MessagePosted.class)).isEqualTo(5);
        assertThat(unread(lesson.instructor().client(), lesson)).isTrue();
    }

    @Test
    void M1_messages_are_allowed_in_every_status() {
        Lesson pending = lesson(9);
        Lesson confirmed = lesson(9);
        confirmed.instructor().client().post("/api/bookings/" + confirmed.id() + "/confirm", null).expect(200);
        Lesson declined = lesson(9);
        declined.instructor().client().post("/api/bookings/" + declined.id() + "/decline", Map.of()).expect(200);
        Lesson cancelledByMember = lesson(9);
        cancelledByMember.member().client().post("/api/bookings/" + cancelledByMember.id() + "/cancel", Map.of())
                .expect(200);
        Lesson cancelledByInstructor = lesson(9);
        cancelledByInstructor.instructor().client()
                .post("/api/bookings/" + cancelledByInstructor.id() + "/cancel", Map.of()).expect(200);
        Lesson completed = lesson(10);
        completed.instructor().client().post("/api/bookings/" + completed.id() + "/confirm", null).expect(200);
        Lesson noShow = lesson(11);
        noShow.instructor().client().post("/api/bookings/" + noShow.id() + "/confirm", null).expect(200);
        MutableClock.INSTANCE.pin(start(completed.slot()).plusSeconds(3600));
        completed.instructor().client().post("/api/bookings/" + completed.id() + "/complete", null).expect(200);
        MutableClock.INSTANCE.pin(start(noShow.slot()).plusSeconds(3600));
        noShow.instructor().client().post("/api/bookings/" + noShow.id() + "/no-show", null).expect(200);

        Map<Lesson, String> statuses = Map.of(pending, "pending", confirmed, "confirmed", declined, "declined",
                cancelledByMember, "cancelled_by_member", cancelledByInstructor, "cancelled_by_instructor",
                completed, "completed", noShow, "no_show");
        statuses.forEach((lesson, status) -> {
            assertThat(status(lesson.member().client(), lesson.id())).isEqualTo(status);
            posted(lesson.member().client(), lesson.id(), "About our " + status + " lesson");
            posted(lesson.instructor().client(), lesson.id(), "Yes?");
            assertThat(contents(thread(lesson.member().client(), lesson.id())))
                    .containsExactly("About our " + status + " lesson", "Yes?");
        });
    }

    // M2 ------------------------------------------------------------------------------------------

    @Test
    void M2_unread_for_the_other_side_in_lists_calendar_and_the_booking_until_they_open_the_thread() {
        Lesson lesson = lesson(8);
        ApiClient member = lesson.member().client();
        ApiClient instructor = lesson.instructor().client();
        assertThat(unread(member, lesson)).isFalse();
        assertThat(unread(instructor, lesson)).isFalse();

        posted(member, lesson.id(), "Can we focus on cross-body lead?");
        assertThat(unread(instructor, lesson)).isTrue();
        assertThat(unread(member, lesson)).isFalse();
        assertThat(unread(api.owner(), lesson)).isFalse();

        thread(instructor, lesson.id());
        assertThat(unread(instructor, lesson)).isFalse();

        posted(instructor, lesson.id(), "Absolutely!");
        assertThat(unread(member, lesson)).isTrue();
        assertThat(unread(instructor, lesson)).isFalse();
        thread(member, lesson.id());
        assertThat(unread(member, lesson)).isFalse();
    }

    @Test
    void M2_a_message_in_the_same_instant_as_the_read_is_still_unread() {
        Lesson lesson = lesson(8);
        MutableClock.INSTANCE.pin(Instant.now().plusSeconds(60));
        posted(lesson.member().client(), lesson.id(), "Hi");
        thread(lesson.instructor().client(), lesson.id());
        posted(lesson.member().client(), lesson.id(), "One more thing");

        assertThat(unread(lesson.instructor().client(), lesson)).isTrue();
        assertThat(thread(lesson.instructor().client(), lesson.id()).path("hasUnread").asBoolean()).isTrue();
    }

    @Test
    void M2_a_thread_refused_for_its_Accept_header_is_not_marked_read() {
        Lesson lesson = lesson(8);
        posted(lesson.member().client(), lesson.id(), "Hi");
        var refused = lesson.instructor().client().getLines(messages(lesson.id()), Map.of("Accept", "application/xml"));
        refused.body().close();

        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(unread(lesson.instructor().client(), lesson)).isTrue();
        assertThat(events(lesson.id(), ThreadRead.class)).isZero();
    }

    @Test
    void M2_ones_own_messages_are_never_unread() {
        Lesson lesson = lesson(8);
        posted(lesson.member().client(), lesson.id(), "Hi");
        posted(lesson.member().client(), lesson.id(), "Anyone there?");

        assertThat(unread(lesson.member().client(), lesson)).isFalse();
        assertThat(banner(lesson.member().client())).isEmpty();
        assertThat(thread(lesson.member().client(), lesson.id()).path("hasUnread").asBoolean()).isFalse();
        assertThat(events(lesson.id(), ThreadRead.class)).isZero();
    }

    @Test
    void M2_hasUnread_is_whether_it_was_unread_before_this_call_and_a_read_is_recorded_once() {
        Lesson lesson = lesson(8);
        ApiClient instructor = lesson.instructor().client();
        assertThat(thread(instructor, lesson.id()).path("hasUnread").asBoolean()).isFalse();

        posted(lesson.member().client(), lesson.id(), "Hi");
        assertThat(thread(instructor, lesson.id()).path("hasUnread").asBoolean()).isTrue();
        assertThat(thread(instructor, lesson.id()).path("hasUnread").asBoolean()).isFalse();
        assertThat(events(lesson.id(), ThreadRead.class)).isEqualTo(1);

        posted(lesson.member().client(), lesson.id(), "Still there?");
        assertThat(thread(instructor, lesson.id()).path("hasUnread").asBoolean()).isTrue();
        assertThat(events(lesson.id(), ThreadRead.class)).isEqualTo(2);
    }

    @Test
    void M2_the_banner_shows_the_callers_unread_threads_newest_first_and_reading_clears_them() {
        Lesson first = lesson(8);
        Api.Member member = first.member();
        // a second lesson of the same member with another instructor
        Api.Member otherInstructor = api.instructor();
        JsonNode slot = windowAndSlots(api, otherInstructor, inDays(9), "10:00", "11:00", 60).get(0);
        Lesson second = new Lesson(otherInstructor, member, slot, book(member.client(), otherInstructor.id(), slot));

        posted(first.instructor().client(), first.id(), "Bring shoes");
        MutableClock.INSTANCE.advance(Duration.ofMinutes(1));
        posted(second.instructor().client(), second.id(), "Can we start at 10:15?");
        MutableClock.INSTANCE.advance(Duration.ofMinutes(1));
        posted(first.instructor().client(), first.id(), "And water");
        MutableClock.INSTANCE.advance(Duration.ofMinutes(1));
        posted(member.client(), second.id(), "Sure"); // her own: the banner keeps the other side's latest

        JsonNode unread = member.client().get("/api/bookings/unread").expect(200).json();
        assertThat(fieldNames(unread)).containsExactly("unread");
        List<JsonNode> rows = list(unread.path("unread"));
        assertThat(rows).hasSize(2);
        assertThat(fieldNames(rows.get(0))).containsExactly("booking_id", "latest_message", "latest_message_at",
                "sender_name");
        assertThat(rows.get(0).path("booking_id").asString()).isEqualTo(first.id());
        assertThat(rows.get(0).path("latest_message").asString()).isEqualTo("And water");
        assertThat(rows.get(0).path("sender_name").asString()).startsWith("Test instructor");
        assertThat(rows.get(0).path("latest_message_at").asString()).matches(UTC_INSTANT);
        assertThat(rows.get(1).path("booking_id").asString()).isEqualTo(second.id());
        assertThat(rows.get(1).path("latest_message").asString()).isEqualTo("Can we start at 10:15?");
        assertThat(Instant.parse(rows.get(0).path("latest_message_at").asString()))
                .isAfter(Instant.parse(rows.get(1).path("latest_message_at").asString()));

        // only bookings the caller takes part in: not the owner's, not another member's
        assertThat(banner(api.owner())).isEmpty();
        assertThat(banner(api.member("member_full").client())).isEmpty();
        assertThat(banner(second.instructor().client())).containsExactly(second.id());

        thread(member.client(), first.id());
        assertThat(banner(member.client())).containsExactly(second.id());
        thread(member.client(), second.id());
        assertThat(banner(member.client())).isEmpty();
    }

    @Test
    void the_openapi_document_describes_the_messages_endpoints() {
        JsonNode document = api.anonymous().get("/v3/api-docs").expect(200).json();
        JsonNode paths = document.path("paths");
        assertThat(paths.path("/api/bookings/{id}/messages").has("get")).isTrue();
        assertThat(paths.path("/api/bookings/{id}/messages").has("post")).isTrue();
        assertThat(paths.path("/api/bookings/unread").has("get")).isTrue();
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(fieldNames(schemas.path("ThreadResponse").path("properties"))).containsExactlyInAnyOrder("messages",
                "hasUnread");
        assertThat(fieldNames(schemas.path("MessageRow").path("properties")))
                .containsExactlyInAnyOrderElementsOf(MESSAGE_FIELDS);
        assertThat(fieldNames(schemas.path("UnreadRow").path("properties"))).containsExactlyInAnyOrder("booking_id",
                "latest_message", "latest_message_at", "sender_name");
    }
}
