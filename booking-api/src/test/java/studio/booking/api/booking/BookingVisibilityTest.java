package studio.booking.api.booking;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.api.support.Lessons.BOOKING_FIELDS;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.booking;
import static studio.booking.api.support.Lessons.dayOfWeek;
import static studio.booking.api.support.Lessons.fieldNames;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.list;
import static studio.booking.api.support.Lessons.slots;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** API.md, GET /api/bookings and /api/bookings/:id: rule B8, the filters and the booking's fields. */
@ApiTest
class BookingVisibilityTest {

    @Autowired
    Api api;

    private static List<String> ids(ApiClient client, String query) {
        return list(client.get("/api/bookings" + query).expect(200).json().path("data")).stream()
                .map(b -> b.path("id").asString()).toList();
    }

    @Test
    void B8_members_see_only_their_own_staff_see_all() {
        Api.Member instructor = api.instructor();
        Api.Member mine = api.member("member_full");
        Api.Member theirs = api.member("member_limited");
        List<JsonNode> slots = windowAndSlots(api, instructor, inDays(8), "10:00", "12:00", 60);
        String own = book(mine.client(), instructor.id(), slots.get(0));
        String other = book(theirs.client(), instructor.id(), slots.get(1));

        assertThat(ids(mine.client(), "")).containsExactly(own);
        assertThat(ids(mine.client(), "?member_id=" + theirs.id())).isEmpty();
        assertThat(ids(mine.client(), "?instructor_id=" + instructor.id())).containsExactly(own);
        mine.client().get("/api/bookings/" + other).problem(404);
        mine.client().get("/api/bookings/" + UUID.randomUUID()).problem(404);
        assertThat(ids(api.member("guest").client(), "?instructor_id=" + instructor.id())).isEmpty();

        for (ApiClient staff : List.of(instructor.client(), api.instructor().client(), api.owner())) {
            assertThat(ids(staff, "?instructor_id=" + instructor.id())).containsExactly(own, other);
            assertThat(ids(staff, "?member_id=" + theirs.id())).containsExactly(other);
            assertThat(booking(staff, other).path("id").asString()).isEqualTo(other);
        }
        api.anonymous().get("/api/bookings/" + own).problem(401);
    }

    @Test
    void a_booking_has_exactly_the_fields_of_the_contract() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        JsonNode slot = windowAndSlots(api, instructor, inDays(8), "14:00", "15:00", 60).get(0);
        String id = book(member.client(), instructor.id(), slot);

        JsonNode one = member.client().get("/api/bookings/" + id).expect(200).json();
        assertThat(fieldNames(one)).containsExactly("data");
        JsonNode data = one.path("data");
        assertThat(fieldNames(data)).containsExactlyInAnyOrderElementsOf(BOOKING_FIELDS);
        assertThat(data.path("instructor_name").asString()).startsWith("Test instructor");
        assertThat(data.path("member_name").asString()).startsWith("Test member_full");
        assertThat(data.path("cancelled_at").isNull() && data.path("cancelled_by").isNull()
                && data.path("cancellation_reason").isNull()).isTrue();
        assertThat(data.path("unread").isBoolean()).isTrue();
        JsonNode listed = instructor.client().get("/api/bookings?instructor_id=" + instructor.id()).expect(200)
                .json().path("data").get(0);
        assertThat(fieldNames(listed)).containsExactlyInAnyOrderElementsOf(BOOKING_FIELDS);
        assertThat(listed).isEqualTo(data);
    }

    @Test
    void B8_filters_status_dates_and_sorting_by_start_time() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate day1 = inDays(9);
        LocalDate day2 = inDays(10);
        List<JsonNode> first = windowAndSlots(api, instructor, day1, "10:00", "12:00", 60);
        List<JsonNode> second = dayOfWeek(day2) == dayOfWeek(day1) ? slots(instructor.client(), instructor.id(), day2)
                : windowAndSlots(api, instructor, day2, "08:00", "09:00", 60);
        // made out of order: the answer is sorted by start time
        String late = book(member.client(), instructor.id(), second.get(0));
        String early = book(member.client(), instructor.id(), first.get(1));
        String earliest = book(member.client(), instructor.id(), first.get(0));
        instructor.client().post("/api/bookings/" + early + "/confirm", null).expect(200);
        instructor.client().post("/api/bookings/" + earliest + "/decline", Map.of()).expect(200);

        String by = "?instructor_id=" + instructor.id();
        ApiClient staff = instructor.client();
        assertThat(ids(staff, by)).containsExactly(earliest, early, late);
        assertThat(ids(member.client(), "")).containsExactly(earliest, early, late);
        assertThat(ids(staff, by + "&status=pending")).containsExactly(late);
        assertThat(ids(staff, by + "&status=confirmed,declined")).containsExactly(earliest, early);
        assertThat(ids(staff, by + "&status=pending,%20confirmed")).containsExactly(early, late);
        assertThat(ids(staff, by + "&status=expired")).isEmpty();
        staff.get("/api/bookings" + by + "&status=pending,finished").problem(400);
        staff.get("/api/bookings" + by + "&status=PENDING;DROP").problem(400);

        assertThat(ids(staff, by + "&start=" + day1 + "&end=" + day1)).containsExactly(earliest, early);
        assertThat(ids(staff, by + "&start=" + day2)).containsExactly(late);
        assertThat(ids(staff, by + "&end=" + day1)).containsExactly(earliest, early);
        assertThat(ids(staff, by + "&start=" + day2.plusDays(1))).isEmpty();
        assertThat(ids(staff, by + "&start=" + day1 + "&end=" + day2 + "&status=pending&member_id=" + member.id()))
                .containsExactly(late);
        staff.get("/api/bookings" + by + "&start=" + day2 + "&end=" + day1).problem(400);
        staff.get("/api/bookings" + by + "&start=2026-02-30").problem(400);
        staff.get("/api/bookings?instructor_id=nope").problem(400);
        staff.get("/api/bookings?member_id=nope").problem(400);
    }

    @Test
    void B8_dates_are_in_the_instructors_zone_or_the_studios_without_instructor_id() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        Api.Member instructor = api.member("instructor", Map.of("time_zone", "Asia/Tokyo"));
        Api.Member member = api.member("member_full");
        LocalDate date = LocalDate.now(tokyo).plusDays(9);
        // 01:00 in Tokyo is the previous day in New York (the studio's zone)
        api.window(instructor.client(), instructor.id(), dayOfWeek(date), "01:00", "02:00", 60);
        JsonNode slot = slots(member.client(), instructor.id(), date).get(0);
        assertThat(slot.path("slot_start").asString())
                .isEqualTo(date.atTime(1, 0).atZone(tokyo).toInstant().toString());
        String id = book(member.client(), instructor.id(), slot);

        String by = "?instructor_id=" + instructor.id();
        assertThat(ids(member.client(), by + "&start=" + date + "&end=" + date)).containsExactly(id);
        assertThat(ids(member.client(), by + "&start=" + date.minusDays(1) + "&end=" + date.minusDays(1))).isEmpty();
        assertThat(ids(member.client(), "?start=" + date.minusDays(1) + "&end=" + date.minusDays(1)))
                .containsExactly(id);
        assertThat(ids(member.client(), "?start=" + date + "&end=" + date)).isEmpty();
    }
}
