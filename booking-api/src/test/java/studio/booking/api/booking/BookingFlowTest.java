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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md, Availability, Slots and Bookings end to end: B1–B4, B8, A3, through real HTTP. */
@ApiTest
class BookingFlowTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    Api api;

    /** A date a week ahead in the instructor's zone and its day of week (0 = Sunday). */
    private static LocalDate nextWeek() {
        return LocalDate.now(NEW_YORK).plusDays(7);
    }

    private static int dayOfWeek(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7;
    }

    private static List<JsonNode> slots(ApiClient client, UUID instructorId, LocalDate date) {
        JsonNode slots = client.get("/api/slots/" + instructorId + "?start=" + date + "&end=" + date)
                .expect(200).json().path("slots");
        List<JsonNode> list = new ArrayList<>();
        slots.forEach(list::add);
        return list;
    }

    private static Map<String, Object> request(UUID instructorId, JsonNode slot) {
        return Map.of("instructor_id", instructorId.toString(), "start_time", slot.path("slot_start").asString(),
                "end_time", slot.path("slot_end").asString(), "notes", "Salsa basics");
    }

    @Test
    void B1_B2_B8_member_requests_instructor_confirms_member_sees_it_confirmed() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        Api.Member rival = api.member("member_limited");
        LocalDate date = nextWeek();
        api.window(instructor.client(), instructor.id(), dayOfWeek(date), "10:00", "12:00", 60);

        List<JsonNode> offered = slots(member.client(), instructor.id(), date);
        assertThat(offered).hasSize(2);
        assertThat(offered.get(0).path("slot_start").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        JsonNode created = member.client().post("/api/bookings", request(instructor.id(), offered.get(0)))
                .expect(201).json();
        assertThat(created.path("success").asBoolean()).isTrue();
        String bookingId = created.path("booking_id").asString();
        // a double click answers the same booking with 200
        JsonNode repeated = member.client().post("/api/bookings", request(instructor.id(), offered.get(0)))
                .expect(200).json();
        assertThat(repeated.path("booking_id").asString()).isEqualTo(bookingId);
        String rivalId = rival.client().post("/api/bookings", request(instructor.id(), offered.get(0)))
                .expect(201).json().path("booking_id").asString();

        JsonNode pending = member.client().get("/api/bookings/" + bookingId).expect(200).json().path("data");
        assertThat(pending.path("status").asString()).isEqualTo("pending");
        assertThat(pending.path("notes").asString()).isEqualTo("Salsa basics");
        assertThat(pending.path("member_id").asString()).isEqualTo(member.id().toString());
        assertThat(pending.path("start_time").asString()).isEqualTo(offered.get(0).path("slot_start").asString());

        JsonNode confirmed = instructor.client().post("/api/bookings/" + bookingId + "/confirm", null)
                .expect(200).json();
        assertThat(confirmed.path("success").asBoolean()).isTrue();
        assertThat(confirmed.path("declined").toString()).contains(rivalId);

        assertThat(member.client().get("/api/bookings/" + bookingId).expect(200).json()
                .path("data").path("status").asString()).isEqualTo("confirmed");
        assertThat(rival.client().get("/api/bookings/" + rivalId).expect(200).json()
                .path("data").path("status").asString()).isEqualTo("declined");
        // B8: members see only their own
        rival.client().get("/api/bookings/" + bookingId).problem(404);
        JsonNode mine = rival.client().get("/api/bookings?member_id=" + member.id()).expect(200).json().path("data");
        assertThat(mine).as("another member's bookings, asked for by id: none shown").isEmpty();
        JsonNode staffView = instructor.client().get("/api/bookings?instructor_id=" + instructor.id()
                + "&status=confirmed,declined").expect(200).json().path("data");
        assertThat(staffView).hasSize(2);

        // S1: the confirmed slot is no longer offered; confirming again is 409
        assertThat(slots(member.client(), instructor.id(), date)).hasSize(1);
        instructor.client().post("/api/bookings/" + bookingId + "/confirm", null).problem(409);
        // the calendar shows the lesson
        JsonNode calendar = member.client().get("/api/calendar/" + instructor.id() + "?month="
                + date.toString().substring(0, 7)).expect(200).json();
        assertThat(calendar.path("time_zone").asString()).isEqualTo("America/New_York");
        assertThat(calendar.path("days").toString()).contains(bookingId);
    }

    @Test
    void B4_member_not_within_24_hours_instructor_any_time() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = nextWeek();
        api.window(instructor.client(), instructor.id(), dayOfWeek(date), "14:00", "16:00", 60);
        List<JsonNode> offered = slots(member.client(), instructor.id(), date);

        String early = member.client().post("/api/bookings", request(instructor.id(), offered.get(0)))
                .expect(201).json().path("booking_id").asString();
        String late = member.client().post("/api/bookings", request(instructor.id(), offered.get(1)))
                .expect(201).json().path("booking_id").asString();
        instructor.client().post("/api/bookings/" + early + "/confirm", null).expect(200);
        instructor.client().post("/api/bookings/" + late + "/confirm", null).expect(200);

        // more than 24 hours ahead: the member cancels
        member.client().post("/api/bookings/" + early + "/cancel", Map.of("reason", "Sick")).expect(200);
        JsonNode cancelled = member.client().get("/api/bookings/" + early).expect(200).json().path("data");
        assertThat(cancelled.path("status").asString()).isEqualTo("cancelled_by_member");
        assertThat(cancelled.path("cancellation_reason").asString()).isEqualTo("Sick");

        // inside 24 hours: only the instructor
        Instant start = Instant.parse(offered.get(1).path("slot_start").asString());
        MutableClock.INSTANCE.pin(start.minus(Duration.ofHours(23)));
        JsonNode refused = member.client().post("/api/bookings/" + late + "/cancel", null).problem(403);
        assertThat(refused.path("detail").asString())
                .isEqualTo("Cannot cancel within 24 hours of start time. Contact your instructor.");
        instructor.client().post("/api/bookings/" + late + "/cancel", Map.of()).expect(200);
        assertThat(member.client().get("/api/bookings/" + late).expect(200).json().path("data").path("status")
                .asString()).isEqualTo("cancelled_by_instructor");
    }

    @Test
    void B1_guests_may_look_but_not_book() {
        Api.Member instructor = api.instructor();
        Api.Member guest = api.member("guest");
        LocalDate date = nextWeek();
        api.window(instructor.client(), instructor.id(), dayOfWeek(date), "08:00", "09:00", 60);

        List<JsonNode> offered = slots(guest.client(), instructor.id(), date);
        assertThat(offered).hasSize(1);
        guest.client().post("/api/bookings", request(instructor.id(), offered.get(0))).problem(403);
    }

    @Test
    void A3_availability_rows_and_removing_a_window_declines_its_pending_requests() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = nextWeek();
        UUID windowId = api.window(instructor.client(), instructor.id(), dayOfWeek(date), "18:00", "19:30", 45);

        JsonNode availability = member.client().get("/api/availability/" + instructor.id()).expect(200).json();
        JsonNode row = availability.path("weekly").get(0);
        assertThat(row.path("id").asString()).isEqualTo(windowId.toString());
        assertThat(row.path("instructor_id").asString()).isEqualTo(instructor.id().toString());
        assertThat(row.path("day_of_week").asInt()).isEqualTo(dayOfWeek(date));
        assertThat(row.path("start_time").asString()).isEqualTo("18:00");
        assertThat(row.path("end_time").asString()).isEqualTo("19:30");
        assertThat(row.path("slot_duration_minutes").asInt()).isEqualTo(45);
        assertThat(row.has("effective_from") && row.has("effective_until")).isTrue();

        // A4: another instructor may not change it
        api.instructor().client().delete("/api/availability/" + windowId).problem(403);

        JsonNode slot = slots(member.client(), instructor.id(), date).get(0);
        String pending = member.client().post("/api/bookings", request(instructor.id(), slot)).expect(201).json()
                .path("booking_id").asString();

        JsonNode removed = instructor.client().delete("/api/availability/" + windowId).expect(200).json();
        assertThat(removed.path("success").asBoolean()).isTrue();
        assertThat(removed.path("declined").toString()).contains(pending);
        assertThat(member.client().get("/api/bookings/" + pending).expect(200).json().path("data").path("status")
                .asString()).isEqualTo("declined");
        instructor.client().delete("/api/availability/" + windowId).problem(404);
    }

    @Test
    void A2_a_blocked_day_is_an_override_row_and_offers_no_slots() {
        Api.Member instructor = api.instructor();
        LocalDate date = nextWeek();
        api.window(instructor.client(), instructor.id(), dayOfWeek(date), "10:00", "12:00", 60);

        JsonNode created = instructor.client().post("/api/availability/overrides", Map.of(
                        "instructor_id", instructor.id().toString(), "override_date", date.toString(),
                        "is_available", false, "reason", "Competition"))
                .expect(201).json();
        assertThat(created.path("data").path("is_available").asBoolean()).isFalse();
        assertThat(created.path("data").path("override_date").asString()).isEqualTo(date.toString());
        assertThat(created.has("declined") && created.has("conflicts")).isTrue();

        assertThat(slots(instructor.client(), instructor.id(), date)).isEmpty();
        String overrideId = created.path("data").path("id").asString();
        instructor.client().delete("/api/availability/overrides/" + overrideId).expect(200);
        assertThat(slots(instructor.client(), instructor.id(), date)).hasSize(2);
    }
}
