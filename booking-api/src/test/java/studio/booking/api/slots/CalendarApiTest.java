package studio.booking.api.slots;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.fieldNames;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** API.md, calendar: every date of the month, available slots, bookings per B8, the staff's "All" view. */
@ApiTest
class CalendarApiTest {

    @Autowired
    Api api;

    private static JsonNode calendar(ApiClient client, UUID instructorId, LocalDate date, String extra) {
        return client.get("/api/calendar/" + instructorId + "?month=" + YearMonth.from(date) + extra)
                .expect(200).json();
    }

    private static JsonNode day(JsonNode calendar, LocalDate date) {
        for (JsonNode day : calendar.path("days")) {
            if (day.path("date").asString().equals(date.toString())) {
                return day;
            }
        }
        throw new AssertionError("no day " + date + " in " + calendar);
    }

    private static List<String> bookingIds(JsonNode calendar) {
        List<String> ids = new ArrayList<>();
        calendar.path("days").forEach(d -> d.path("bookings").forEach(b -> ids.add(b.path("id").asString())));
        return ids;
    }

    @Test
    void every_date_of_the_month_with_available_slots_and_the_contract_shape() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(12);
        var slots = windowAndSlots(api, instructor, date, "10:00", "13:00", 60);
        String bookingId = book(member.client(), instructor.id(), slots.get(0));

        JsonNode calendar = calendar(member.client(), instructor.id(), date, "");
        assertThat(fieldNames(calendar)).containsExactlyInAnyOrder("instructor", "time_zone", "days");
        assertThat(fieldNames(calendar.path("instructor")))
                .containsExactlyInAnyOrder("id", "display_name", "avatar_url", "time_zone");
        assertThat(calendar.path("instructor").path("id").asString()).isEqualTo(instructor.id().toString());
        assertThat(calendar.path("time_zone").asString()).isEqualTo("America/New_York");
        YearMonth month = YearMonth.from(date);
        assertThat(calendar.path("days")).hasSize(month.lengthOfMonth());
        for (int i = 0; i < month.lengthOfMonth(); i++) {
            JsonNode day = calendar.path("days").get(i);
            assertThat(fieldNames(day)).containsExactlyInAnyOrder("date", "available_slots", "bookings");
            assertThat(day.path("date").asString()).isEqualTo(month.atDay(i + 1).toString());
        }
        // a pending request does not take a slot (S1)
        JsonNode target = day(calendar, date);
        assertThat(target.path("available_slots").asInt()).isEqualTo(3);
        assertThat(target.path("bookings")).hasSize(1);
        JsonNode booking = target.path("bookings").get(0);
        assertThat(fieldNames(booking)).containsExactlyInAnyOrder("id", "status", "start_time", "end_time",
                "instructor_id", "instructor_name", "member_id", "member_name", "unread");
        assertThat(booking.path("id").asString()).isEqualTo(bookingId);
        assertThat(booking.path("status").asString()).isEqualTo("pending");
        assertThat(booking.path("member_id").asString()).isEqualTo(member.id().toString());
        assertThat(booking.path("start_time").asString()).isEqualTo(slots.get(0).path("slot_start").asString());

        instructor.client().post("/api/bookings/" + bookingId + "/confirm", null).expect(200);
        assertThat(day(calendar(member.client(), instructor.id(), date, ""), date).path("available_slots").asInt())
                .isEqualTo(2);
        assertThat(day(calendar(member.client(), instructor.id(), date, "&duration=30"), date)
                .path("available_slots").asInt()).isZero();
    }

    @Test
    void B8_a_member_sees_only_own_bookings_in_the_calendar_staff_see_all() {
        Api.Member instructor = api.instructor();
        Api.Member mine = api.member("member_full");
        Api.Member theirs = api.member("member_limited");
        LocalDate date = inDays(13);
        var slots = windowAndSlots(api, instructor, date, "10:00", "12:00", 60);
        String own = book(mine.client(), instructor.id(), slots.get(0));
        String other = book(theirs.client(), instructor.id(), slots.get(1));
        instructor.client().post("/api/bookings/" + other + "/confirm", null).expect(200);

        assertThat(bookingIds(calendar(mine.client(), instructor.id(), date, ""))).containsExactly(own);
        assertThat(bookingIds(calendar(theirs.client(), instructor.id(), date, ""))).containsExactly(other);
        assertThat(bookingIds(calendar(api.member("guest").client(), instructor.id(), date, ""))).isEmpty();
        assertThat(bookingIds(calendar(instructor.client(), instructor.id(), date, "")))
                .containsExactlyInAnyOrder(own, other);
        assertThat(bookingIds(calendar(api.instructor().client(), instructor.id(), date, "")))
                .containsExactlyInAnyOrder(own, other);
        assertThat(bookingIds(calendar(api.owner(), instructor.id(), date, "")))
                .containsExactlyInAnyOrder(own, other);
    }

    @Test
    void S1_available_slots_count_only_slots_still_offered() {
        Api.Member instructor = api.instructor();
        LocalDate date = inDays(6);
        windowAndSlots(api, instructor, date, "09:00", "12:00", 60);
        assertThat(day(calendar(instructor.client(), instructor.id(), date, ""), date).path("available_slots")
                .asInt()).isEqualTo(3);
        studio.booking.api.support.MutableClock.INSTANCE.pin(date.atTime(10, 30)
                .atZone(studio.booking.api.support.Lessons.NEW_YORK).toInstant());
        assertThat(day(calendar(instructor.client(), instructor.id(), date, ""), date).path("available_slots")
                .asInt()).isEqualTo(1);
        assertThat(day(calendar(instructor.client(), instructor.id(), date, ""), date.minusDays(1))
                .path("available_slots").asInt()).isZero();
    }

    @Test
    void calendar_dates_are_the_instructors_zone_and_the_studios_in_the_all_view() {
        java.time.ZoneId tokyo = java.time.ZoneId.of("Asia/Tokyo");
        Api.Member instructor = api.member("instructor", java.util.Map.of("time_zone", "Asia/Tokyo"));
        Api.Member member = api.member("member_full");
        LocalDate date = LocalDate.now(tokyo).plusDays(9);
        if (date.getDayOfMonth() == 1) {
            date = date.plusDays(1);
        }
        api.window(instructor.client(), instructor.id(), studio.booking.api.support.Lessons.dayOfWeek(date),
                "01:00", "02:00", 60);
        JsonNode slot = studio.booking.api.support.Lessons.slots(member.client(), instructor.id(), date).get(0);
        String id = book(member.client(), instructor.id(), slot);

        JsonNode own = calendar(member.client(), instructor.id(), date, "");
        assertThat(own.path("time_zone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(day(own, date).path("bookings").toString()).contains(id);
        assertThat(day(own, date).path("available_slots").asInt()).isEqualTo(1);
        JsonNode all = api.owner().get("/api/calendar/all?month=" + YearMonth.from(date)).expect(200).json();
        assertThat(day(all, date.minusDays(1)).path("bookings").toString()).contains(id);
        assertThat(day(all, date).path("bookings").toString()).doesNotContain(id);
    }

    @Test
    void calendar_input_errors() {
        Api.Member instructor = api.instructor();
        ApiClient client = api.member("member_full").client();
        client.get("/api/calendar/" + instructor.id() + "?month=2026-13").problem(400);
        client.get("/api/calendar/" + instructor.id() + "?month=January").problem(400);
        client.get("/api/calendar/" + instructor.id() + "?month=2026-01&duration=x").problem(400);
        client.get("/api/calendar/" + UUID.randomUUID() + "?month=2026-01").problem(404);
        client.get("/api/calendar/" + instructor.id()).expect(200);
        api.anonymous().get("/api/calendar/" + instructor.id() + "?month=2026-01").problem(401);
    }

    @Test
    void calendar_all_is_staff_only_and_shows_every_instructor() {
        Api.Member first = api.instructor();
        Api.Member second = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(14);
        String a = book(member.client(), first.id(), windowAndSlots(api, first, date, "10:00", "11:00", 60).get(0));
        String b = book(member.client(), second.id(), windowAndSlots(api, second, date, "11:00", "12:00", 60).get(0));

        String path = "/api/calendar/all?month=" + YearMonth.from(date);
        member.client().get(path).problem(403);
        api.member("member_limited").client().get(path).problem(403);
        api.member("guest").client().get(path).problem(403);
        api.anonymous().get(path).problem(401);
        for (ApiClient staff : List.of(api.owner(), first.client())) {
            JsonNode all = staff.get(path).expect(200).json();
            assertThat(all.path("days")).hasSize(YearMonth.from(date).lengthOfMonth());
            assertThat(all.path("time_zone").asString()).isEqualTo("America/New_York");
            assertThat(bookingIds(all)).contains(a, b);
            List<String> instructors = new ArrayList<>();
            day(all, date).path("bookings").forEach(x -> instructors.add(x.path("instructor_id").asString()));
            assertThat(instructors).contains(first.id().toString(), second.id().toString());
        }
        api.owner().get("/api/calendar/all?month=nope").problem(400);
        api.owner().get("/api/calendar/all").expect(200);
    }
}
