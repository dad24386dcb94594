package studio.booking.api.booking;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import studio.booking.api.support.MutableClock;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.booking;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.request;
import static studio.booking.api.support.Lessons.start;
import static studio.booking.api.support.Lessons.windowAndSlots;
import static studio.booking.api.support.Lessons.with;

/** API.md, POST /api/bookings: rule B1 for every role, and the seed's permission edge cases. */
@ApiTest
class BookingRequestTest {

    @Autowired
    Api api;

    @Test
    void B1_member_limited_and_member_full_may_request_and_get_201_with_the_booking_id() {
        Api.Member instructor = api.instructor();
        List<JsonNode> slots = windowAndSlots(api, instructor, inDays(8), "10:00", "12:00", 60);
        for (int i = 0; i < 2; i++) {
            Api.Member member = api.member(i == 0 ? "member_limited" : "member_full");
            JsonNode created = member.client().post("/api/bookings", with(request(instructor.id(), slots.get(i)),
                    "notes", "Waltz")).expect(201).json();
            assertThat(created.path("success").asBoolean()).isTrue();
            JsonNode booking = booking(member.client(), created.path("booking_id").asString());
            assertThat(booking.path("id").asString()).isEqualTo(created.path("booking_id").asString());
            assertThat(booking.path("status").asString()).isEqualTo("pending");
            assertThat(booking.path("member_id").asString()).isEqualTo(member.id().toString());
            assertThat(booking.path("instructor_id").asString()).isEqualTo(instructor.id().toString());
            assertThat(booking.path("notes").asString()).isEqualTo("Waltz");
        }
    }

    @Test
    void B1_a_guest_may_not_book_403() {
        Api.Member instructor = api.instructor();
        JsonNode slot = windowAndSlots(api, instructor, inDays(8), "10:00", "11:00", 60).get(0);
        Api.Member guest = api.member("guest");
        JsonNode problem = guest.client().post("/api/bookings", request(instructor.id(), slot)).problem(403);
        assertThat(problem.path("detail").asString()).isEqualTo("Guests cannot book private lessons");
        assertThat(instructor.client().get("/api/bookings?instructor_id=" + instructor.id()).expect(200).json()
                .path("data")).isEmpty();
    }

    @Test
    void B1_member_id_from_a_non_staff_caller_is_403_staff_book_on_behalf() {
        Api.Member instructor = api.instructor();
        List<JsonNode> slots = windowAndSlots(api, instructor, inDays(9), "10:00", "14:00", 60);
        Api.Member member = api.member("member_full");
        Api.Member other = api.member("member_limited");

        member.client().post("/api/bookings", with(request(instructor.id(), slots.get(0)), "member_id",
                other.id().toString())).problem(403);
        // naming oneself is no "other member"
        book(member.client(), instructor.id(), slots.get(0));
        String own = member.client().post("/api/bookings", with(request(instructor.id(), slots.get(1)), "member_id",
                member.id().toString())).expect(201).json().path("booking_id").asString();
        assertThat(booking(member.client(), own).path("member_id").asString()).isEqualTo(member.id().toString());

        // the instructor and the owner on behalf: the booking is the member's, they see it
        String byInstructor = instructor.client().post("/api/bookings", with(request(instructor.id(), slots.get(2)),
                "member_id", other.id().toString())).expect(201).json().path("booking_id").asString();
        String byOwner = api.owner().post("/api/bookings", with(request(instructor.id(), slots.get(3)),
                "member_id", other.id().toString())).expect(201).json().path("booking_id").asString();
        for (String id : List.of(byInstructor, byOwner)) {
            JsonNode booking = booking(other.client(), id);
            assertThat(booking.path("member_id").asString()).isEqualTo(other.id().toString());
            assertThat(booking.path("member_name").asString()).startsWith("Test member_limited");
        }
        // on behalf of nobody, of a guest, or of the instructor themselves
        instructor.client().post("/api/bookings", with(request(instructor.id(), slots.get(2)), "member_id",
                UUID.randomUUID().toString())).problem(400);
        instructor.client().post("/api/bookings", with(request(instructor.id(), slots.get(2)), "member_id",
                api.member("guest").id().toString())).problem(403);
        api.owner().post("/api/bookings", with(request(instructor.id(), slots.get(2)), "member_id",
                instructor.id().toString())).problem(400);
        instructor.client().post("/api/bookings", with(request(instructor.id(), slots.get(2)), "member_id",
                "not-a-uuid")).problem(400);
    }

    @Test
    void B1_booking_yourself_is_400_another_instructor_is_allowed() {
        Api.Member instructor = api.instructor();
        Api.Member colleague = api.instructor();
        JsonNode slot = windowAndSlots(api, instructor, inDays(9), "16:00", "17:00", 60).get(0);
        JsonNode problem = instructor.client().post("/api/bookings", request(instructor.id(), slot)).problem(400);
        assertThat(problem.path("detail").asString()).isEqualTo("Cannot book a lesson with yourself");
        String id = book(colleague.client(), instructor.id(), slot);
        assertThat(booking(colleague.client(), id).path("member_id").asString()).isEqualTo(colleague.id().toString());
        // the owner may book with an instructor too
        book(api.owner(), instructor.id(), slot);
    }

    @Test
    void B1_past_is_400_with_the_seed_text() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        JsonNode slot = windowAndSlots(api, instructor, inDays(8), "10:00", "11:00", 60).get(0);
        MutableClock.INSTANCE.pin(start(slot));
        JsonNode problem = member.client().post("/api/bookings", request(instructor.id(), slot)).problem(400);
        assertThat(problem.path("detail").asString()).isEqualTo("Cannot book a slot in the past");
        MutableClock.INSTANCE.pin(start(slot).plus(Duration.ofDays(1)));
        assertThat(member.client().post("/api/bookings", request(instructor.id(), slot)).problem(400)
                .path("detail").asString()).isEqualTo("Cannot book a slot in the past");
        MutableClock.INSTANCE.pin(start(slot).minusSeconds(1));
        book(member.client(), instructor.id(), slot);
    }

    @Test
    void B1_anything_that_is_not_an_available_slot_is_400() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(10);
        JsonNode slot = windowAndSlots(api, instructor, date, "10:00", "12:00", 60).get(0);
        Instant start = start(slot);
        ApiClient client = member.client();
        String[][] notSlots = {
                {start.plusSeconds(900).toString(), start.plusSeconds(4500).toString()},   // shifted
                {start.toString(), start.plusSeconds(1800).toString()},                     // shorter
                {start.toString(), start.plusSeconds(7200).toString()},                     // two slots
                {start.minusSeconds(3600).toString(), start.toString()},                    // before the window
                {start.plus(Duration.ofDays(1)).toString(), start.plus(Duration.ofDays(1)).plusSeconds(3600).toString()},
        };
        for (String[] times : notSlots) {
            JsonNode problem = client.post("/api/bookings", request(instructor.id(), times[0], times[1])).problem(400);
            assertThat(problem.path("detail").asString()).isEqualTo("Requested time is not an available slot");
        }
        client.post("/api/bookings", request(instructor.id(), start.toString(), start.toString())).problem(400);
        client.post("/api/bookings", request(instructor.id(), start.plusSeconds(3600).toString(), start.toString()))
                .problem(400);
        // an instructor that does not exist (or a member who teaches nothing) is not found, like availability's
        assertThat(client.post("/api/bookings", request(UUID.randomUUID(), slot)).problem(404)
                .path("detail").asString()).isEqualTo("Instructor not found");
        client.post("/api/bookings", request(api.member("member_full").id(), slot)).problem(404);
        client.post("/api/bookings", Map.of("instructor_id", instructor.id().toString())).problem(400);
        client.post("/api/bookings", Map.of()).problem(400);
    }

    @Test
    void B1_a_slot_overlapping_a_confirmed_booking_is_409_with_the_seed_text() {
        Api.Member instructor = api.instructor();
        Api.Member first = api.member("member_full");
        Api.Member second = api.member("member_limited");
        LocalDate date = inDays(11);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "10:00", "12:00", 60);
        // 30-minute extra hours overlapping the confirmed hour
        instructor.client().post("/api/availability/overrides", Map.of("instructor_id", instructor.id().toString(),
                "override_date", date.toString(), "start_time", "10:00", "end_time", "11:00", "is_available", true,
                "slot_duration_minutes", 30)).expect(201);
        String id = book(first.client(), instructor.id(), slots.get(0));
        instructor.client().post("/api/bookings/" + id + "/confirm", null).expect(200);

        JsonNode problem = second.client().post("/api/bookings", request(instructor.id(), slots.get(0))).problem(409);
        assertThat(problem.path("detail").asString()).isEqualTo("This slot is already confirmed");
        Instant start = start(slots.get(0));
        assertThat(second.client().post("/api/bookings", request(instructor.id(), start.plusSeconds(1800).toString(),
                start.plusSeconds(3600).toString())).problem(409).path("detail").asString())
                .isEqualTo("This slot is already confirmed");
        // the member's own confirmed slot too
        first.client().post("/api/bookings", request(instructor.id(), slots.get(0))).problem(409);
        // an interval that is no slot at all is 400, whatever it overlaps
        assertThat(second.client().post("/api/bookings", request(instructor.id(), start.plusSeconds(900).toString(),
                start.plusSeconds(2700).toString())).problem(400).path("detail").asString())
                .isEqualTo("Requested time is not an available slot");
        book(second.client(), instructor.id(), slots.get(1));
    }

    @Test
    void B1_notes_up_to_2000_characters() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        List<JsonNode> slots = windowAndSlots(api, instructor, inDays(12), "10:00", "12:00", 60);
        member.client().post("/api/bookings", with(request(instructor.id(), slots.get(0)), "notes",
                "x".repeat(2001))).problem(400);
        String id = member.client().post("/api/bookings", with(request(instructor.id(), slots.get(0)), "notes",
                "x".repeat(2000))).expect(201).json().path("booking_id").asString();
        assertThat(booking(member.client(), id).path("notes").asString()).hasSize(2000);
        // code points, not UTF-16 units
        member.client().post("/api/bookings", with(request(instructor.id(), slots.get(1)), "notes",
                "\uD83D\uDC83".repeat(2000))).expect(201);
    }

    @Test
    void B1_at_most_10_pending_requests_then_409() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_limited");
        List<JsonNode> slots = windowAndSlots(api, instructor, inDays(13), "08:00", "20:00", 60);
        assertThat(slots).hasSize(12);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(book(member.client(), instructor.id(), slots.get(i)));
        }
        JsonNode problem = member.client().post("/api/bookings", request(instructor.id(), slots.get(10)))
                .problem(409);
        assertThat(problem.path("detail").asString()).contains("10 pending");
        // a repeated request is still the same booking
        assertThat(member.client().post("/api/bookings", request(instructor.id(), slots.get(3))).expect(200).json()
                .path("booking_id").asString()).isEqualTo(ids.get(3));
        // an answered request frees a place; other members are not limited by it
        instructor.client().post("/api/bookings/" + ids.get(0) + "/decline", Map.of()).expect(200);
        book(member.client(), instructor.id(), slots.get(10));
        member.client().post("/api/bookings", request(instructor.id(), slots.get(11))).problem(409);
        member.client().post("/api/bookings/" + ids.get(1) + "/cancel", Map.of()).expect(200);
        book(member.client(), instructor.id(), slots.get(11));
        book(api.member("member_full").client(), instructor.id(), slots.get(11));
    }

    @Test
    void B1_a_double_click_sent_at_once_is_one_booking() throws Exception {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        JsonNode slot = windowAndSlots(api, instructor, inDays(15), "10:00", "11:00", 60).get(0);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<ApiClient.Response>> clicks = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                clicks.add(pool.submit(() -> member.client().post("/api/bookings", request(instructor.id(), slot))));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var click : clicks) {
                ApiClient.Response response = click.get(60, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(response.status());
                ids.add(response.json().path("booking_id").asString());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 200, 200, 200);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(instructor.client().get("/api/bookings?instructor_id=" + instructor.id()).expect(200).json()
                .path("data")).hasSize(1);
    }

    @Test
    void B1_the_same_request_twice_is_one_booking_two_members_may_share_a_slot() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        Api.Member other = api.member("member_full");
        JsonNode slot = windowAndSlots(api, instructor, inDays(14), "10:00", "11:00", 60).get(0);
        String id = book(member.client(), instructor.id(), slot);
        JsonNode again = member.client().post("/api/bookings", request(instructor.id(), slot)).expect(200).json();
        assertThat(again.path("success").asBoolean()).isTrue();
        assertThat(again.path("booking_id").asString()).isEqualTo(id);
        String theirs = book(other.client(), instructor.id(), slot);
        assertThat(theirs).isNotEqualTo(id);
        assertThat(instructor.client().get("/api/bookings?instructor_id=" + instructor.id()).expect(200).json()
                .path("data")).hasSize(2);
        // after a cancellation, the same slot is a new request
        member.client().post("/api/bookings/" + id + "/cancel", null).expect(200);
        assertThat(book(member.client(), instructor.id(), slot)).isNotEqualTo(id);
    }
}
