package studio.booking.api.slots;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import studio.booking.api.support.MutableClock;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.api.support.Lessons.NEW_YORK;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.dayOfWeek;
import static studio.booking.api.support.Lessons.fieldNames;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.list;
import static studio.booking.api.support.Lessons.slots;
import static studio.booking.api.support.Lessons.starts;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** API.md, Slots: rules S1 and S3 and the query's validation. */
@ApiTest
class SlotsApiTest {

    @Autowired
    Api api;

    private static String at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(NEW_YORK).toInstant().toString();
    }

    private static JsonNode extraHours(Api.Member instructor, LocalDate date, String start, String end, int minutes) {
        return instructor.client().post("/api/availability/overrides", Map.of("instructor_id",
                instructor.id().toString(), "override_date", date.toString(), "start_time", start, "end_time", end,
                "is_available", true, "slot_duration_minutes", minutes)).expect(201).json();
    }

    @Test
    void S1_slots_are_back_to_back_in_the_window_with_exactly_slot_start_and_slot_end() {
        Api.Member instructor = api.instructor();
        LocalDate date = inDays(9);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "10:00", "12:30", 45);
        assertThat(starts(slots)).containsExactly(at(date, 10, 0), at(date, 10, 45), at(date, 11, 30));
        assertThat(slots.get(2).path("slot_end").asString()).isEqualTo(at(date, 12, 15));
        assertThat(fieldNames(slots.get(0))).containsExactlyInAnyOrder("slot_start", "slot_end");
        // guests may read slots; not signed in may not
        assertThat(slots(api.member("guest").client(), instructor.id(), date)).hasSize(3);
        api.anonymous().get("/api/slots/" + instructor.id() + "?start=" + date + "&end=" + date).problem(401);
    }

    @Test
    void S1_a_confirmed_booking_removes_every_overlapping_slot_a_pending_one_none() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(10);
        api.window(instructor.client(), instructor.id(), dayOfWeek(date), "10:00", "12:00", 60);
        // identical extra hours add nothing; the 30-minute ones overlap and both lengths appear
        extraHours(instructor, date, "10:00", "12:00", 60);
        extraHours(instructor, date, "12:00", "13:00", 30);
        List<JsonNode> all = slots(member.client(), instructor.id(), date);
        assertThat(starts(all)).containsExactly(at(date, 10, 0), at(date, 11, 0), at(date, 12, 0), at(date, 12, 30));

        Api.Member instructor2 = api.instructor();
        api.window(instructor2.client(), instructor2.id(), dayOfWeek(date), "10:00", "12:00", 60);
        extraHours(instructor2, date, "10:00", "12:00", 30);
        List<JsonNode> mixed = slots(member.client(), instructor2.id(), date);
        assertThat(mixed).hasSize(6);
        JsonNode hour = mixed.stream().filter(s -> s.path("slot_start").asString().equals(at(date, 10, 0))
                && s.path("slot_end").asString().equals(at(date, 11, 0))).findFirst().orElseThrow();

        String bookingId = book(member.client(), instructor2.id(), hour);
        assertThat(slots(member.client(), instructor2.id(), date)).hasSize(6);
        instructor2.client().post("/api/bookings/" + bookingId + "/confirm", null).expect(200);
        // 10:00–11:00 confirmed: the hour slot and both half-hours inside it are gone
        List<JsonNode> left = slots(member.client(), instructor2.id(), date);
        assertThat(starts(left)).containsExactlyInAnyOrder(at(date, 11, 0), at(date, 11, 0), at(date, 11, 30));
    }

    @Test
    void S1_past_slots_and_a_slot_starting_now_are_not_offered() {
        Api.Member instructor = api.instructor();
        LocalDate date = inDays(5);
        windowAndSlots(api, instructor, date, "09:00", "12:00", 60);
        MutableClock.INSTANCE.pin(date.atTime(10, 0).atZone(NEW_YORK).toInstant());
        assertThat(starts(slots(instructor.client(), instructor.id(), date))).containsExactly(at(date, 11, 0));
        MutableClock.INSTANCE.pin(date.plusDays(1).atStartOfDay(NEW_YORK).toInstant());
        assertThat(slots(instructor.client(), instructor.id(), date)).isEmpty();
    }

    @Test
    void S1_slots_stop_at_the_default_horizon_of_365_days() {
        Api.Member instructor = api.instructor();
        LocalDate near = inDays(300);
        LocalDate far = inDays(370);
        api.window(instructor.client(), instructor.id(), dayOfWeek(near), "10:00", "11:00", 60);
        if (dayOfWeek(far) != dayOfWeek(near)) {
            api.window(instructor.client(), instructor.id(), dayOfWeek(far), "10:00", "11:00", 60);
        }
        assertThat(slots(instructor.client(), instructor.id(), near)).hasSize(1);
        assertThat(slots(instructor.client(), instructor.id(), far)).isEmpty();
    }

    @Test
    void S3_duration_keeps_slots_of_exactly_that_length() {
        Api.Member instructor = api.instructor();
        LocalDate date = inDays(11);
        api.window(instructor.client(), instructor.id(), dayOfWeek(date), "10:00", "12:00", 60);
        extraHours(instructor, date, "14:00", "15:00", 30);
        ApiClient client = instructor.client();
        String base = "/api/slots/" + instructor.id() + "?start=" + date + "&end=" + date;
        assertThat(list(client.get(base + "&duration=30").expect(200).json().path("slots"))).hasSize(2);
        assertThat(list(client.get(base + "&duration=60").expect(200).json().path("slots"))).hasSize(2);
        assertThat(list(client.get(base + "&duration=45").expect(200).json().path("slots"))).isEmpty();
        assertThat(list(client.get(base).expect(200).json().path("slots"))).hasSize(4);
        client.get(base + "&duration=abc").problem(400);
        client.get(base + "&duration=0").problem(400);
    }

    @Test
    void slots_query_validation_range_dates_and_unknown_instructor() {
        Api.Member instructor = api.instructor();
        ApiClient client = api.member("member_limited").client();
        String path = "/api/slots/" + instructor.id();
        LocalDate start = inDays(1);
        client.get(path + "?start=" + start + "&end=" + start.plusDays(61)).expect(200);
        client.get(path + "?start=" + start + "&end=" + start.plusDays(62)).problem(400);
        client.get(path + "?start=" + start + "&end=" + start.minusDays(1)).problem(400);
        client.get(path + "?start=2026-02-30&end=2026-03-01").problem(400);
        client.get(path + "?start=02/03/2026&end=2026-03-01").problem(400);
        client.get(path + "?start=" + start).problem(400);
        client.get(path + "?end=" + start).problem(400);
        client.get("/api/slots/" + UUID.randomUUID() + "?start=" + start + "&end=" + start).problem(404);
        client.get("/api/slots/not-a-uuid?start=" + start + "&end=" + start).problem(404);
        client.get("/api/slots/" + api.member("member_full").id() + "?start=" + start + "&end=" + start).problem(404);
    }

    @Test
    void S2_the_range_is_inclusive_in_the_instructor_zone() {
        Api.Member instructor = api.member("instructor", Map.of("time_zone", "Asia/Tokyo"));
        LocalDate date = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(8);
        // 23:00–24:00 Tokyo is on date in Tokyo (but the day before in New York or UTC)
        api.window(instructor.client(), instructor.id(), dayOfWeek(date), "00:00", "01:00", 60);
        api.window(instructor.client(), instructor.id(), dayOfWeek(date), "23:00", "23:59", 59);
        List<JsonNode> slots = slots(instructor.client(), instructor.id(), date);
        assertThat(slots).hasSize(2);
        assertThat(slots.get(0).path("slot_start").asString())
                .isEqualTo(date.atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).toInstant().toString());
    }

    @Test
    void S1_an_instructor_who_no_longer_teaches_offers_no_slots() {
        Api.Member instructor = api.instructor();
        for (int day = 0; day < 7; day++) {
            api.window(instructor.client(), instructor.id(), day, "09:00", "12:00", 60);
        }
        Api.Member member = api.member("member_full");
        LocalDate from = LocalDate.now(NEW_YORK).plusDays(2);
        String path = "/api/slots/" + instructor.id() + "?start=" + from + "&end=" + from.plusDays(6);
        assertThat(member.client().get(path).expect(200).json().path("slots")).hasSize(21);

        api.owner().patch("/api/members/" + instructor.id(), Map.of("active", false)).expect(200);

        assertThat(member.client().get(path).expect(200).json().path("slots")).isEmpty();
        JsonNode days = member.client().get("/api/calendar/" + instructor.id() + "?month="
                + java.time.YearMonth.from(from)).expect(200).json().path("days");
        assertThat(days).hasSize(java.time.YearMonth.from(from).lengthOfMonth())
                .allSatisfy(day -> assertThat(day.path("available_slots").asInt()).isZero());
    }
}
