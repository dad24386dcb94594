package studio.booking.api.availability;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import studio.booking.api.support.MutableClock;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.api.support.Lessons.NEW_YORK;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.booking;
import static studio.booking.api.support.Lessons.dayOfWeek;
import static studio.booking.api.support.Lessons.fieldNames;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.slots;
import static studio.booking.api.support.Lessons.starts;
import static studio.booking.api.support.Lessons.status;
import static studio.booking.api.support.Lessons.strings;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** API.md, Availability: rules A1–A4 through real HTTP. */
@ApiTest
class AvailabilityApiTest {

    @Autowired
    Api api;

    private static Map<String, Object> window(UUID instructorId, Object day, String start, String end, Object minutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("instructor_id", instructorId.toString());
        body.put("day_of_week", day);
        body.put("start_time", start);
        body.put("end_time", end);
        if (minutes != null) {
            body.put("slot_duration_minutes", minutes);
        }
        return body;
    }

    private static Map<String, Object> override(UUID instructorId, LocalDate date, String start, String end,
                                                boolean available) {
        Map<String, Object> body = new HashMap<>();
        body.put("instructor_id", instructorId.toString());
        body.put("override_date", date.toString());
        body.put("is_available", available);
        if (start != null) {
            body.put("start_time", start);
            body.put("end_time", end);
        }
        return body;
    }

    private static Map<String, Object> plus(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    /** Today in New York as the application sees it, held still: a test run at midnight sees one date. */
    private static LocalDate pinnedToday() {
        MutableClock.INSTANCE.pin(MutableClock.INSTANCE.instant());
        return LocalDate.ofInstant(MutableClock.INSTANCE.instant(), NEW_YORK);
    }

    @Test
    void A1_invalid_windows_are_400() {
        LocalDate today = pinnedToday();
        Api.Member instructor = api.instructor();
        ApiClient client = instructor.client();
        UUID id = instructor.id();
        client.post("/api/availability", window(id, 7, "10:00", "11:00", 60)).problem(400);
        client.post("/api/availability", window(id, -1, "10:00", "11:00", 60)).problem(400);
        client.post("/api/availability", window(id, 1, "10:00", "10:00", 60)).problem(400);
        client.post("/api/availability", window(id, 1, "11:00", "10:00", 60)).problem(400);
        client.post("/api/availability", window(id, 1, "10:00", "12:00", 14)).problem(400);
        client.post("/api/availability", window(id, 1, "10:00", "16:00", 241)).problem(400);
        client.post("/api/availability", window(id, 1, "25:00", "26:00", 60)).problem(400);
        client.post("/api/availability", window(id, 1, "10am", "11:00", 60)).problem(400);
        client.post("/api/availability", Map.of("instructor_id", id.toString())).problem(400);
        client.post("/api/availability", plus(plus(window(id, 1, "10:00", "11:00", 60),
                "effective_from", "2030-03-10"), "effective_until", "2030-03-09")).problem(400);
        client.post("/api/availability", plus(window(id, 1, "10:00", "11:00", 60),
                "effective_until", today.minusDays(1).toString())).problem(400);
        assertThat(client.get("/api/availability/" + id).expect(200).json().path("weekly")).isEmpty();
    }

    @Test
    void A1_duration_bounds_15_and_240_and_the_default_60_and_today() {
        LocalDate today = pinnedToday();
        Api.Member instructor = api.instructor();
        ApiClient client = instructor.client();
        client.post("/api/availability", window(instructor.id(), 1, "06:00", "07:00", 15)).expect(201);
        client.post("/api/availability", window(instructor.id(), 2, "08:00", "12:00", 240)).expect(201);
        JsonNode data = client.post("/api/availability", window(instructor.id(), 3, "09:00", "11:00", null))
                .expect(201).json().path("data");
        assertThat(data.path("slot_duration_minutes").asInt()).isEqualTo(60);
        assertThat(data.path("effective_from").asString()).isEqualTo(today.toString());
        assertThat(data.path("effective_until").isNull()).isTrue();
        assertThat(data.path("start_time").asString()).isEqualTo("09:00");
    }

    @Test
    void A1_overlapping_window_on_the_same_day_is_409_touching_or_other_days_are_fine() {
        Api.Member instructor = api.instructor();
        ApiClient client = instructor.client();
        UUID id = instructor.id();
        client.post("/api/availability", window(id, 1, "10:00", "12:00", 60)).expect(201);
        JsonNode problem = client.post("/api/availability", window(id, 1, "11:00", "13:00", 60)).problem(409);
        assertThat(problem.path("detail").asString()).isNotBlank();
        client.post("/api/availability", window(id, 1, "09:00", "13:00", 30)).problem(409);
        client.post("/api/availability", window(id, 1, "12:00", "13:00", 60)).expect(201);
        client.post("/api/availability", window(id, 2, "11:00", "13:00", 60)).expect(201);
        // another instructor's windows never conflict
        Api.Member other = api.instructor();
        other.client().post("/api/availability", window(other.id(), 1, "10:00", "12:00", 60)).expect(201);
    }

    @Test
    void A1_overlap_only_where_effective_ranges_meet() {
        Api.Member instructor = api.instructor();
        ApiClient client = instructor.client();
        UUID id = instructor.id();
        LocalDate from = inDays(30);
        client.post("/api/availability", plus(plus(window(id, 4, "10:00", "12:00", 60), "effective_from",
                from.toString()), "effective_until", from.plusDays(30).toString())).expect(201);
        // the same hours in a later range are fine; a range that meets the first on its last day is not
        client.post("/api/availability", plus(window(id, 4, "10:00", "12:00", 60), "effective_from",
                from.plusDays(31).toString())).expect(201);
        client.post("/api/availability", plus(plus(window(id, 4, "11:00", "12:00", 60), "effective_from",
                from.plusDays(30).toString()), "effective_until", from.plusDays(30).toString())).problem(409);
        // an open-ended window from today meets both
        client.post("/api/availability", window(id, 4, "11:00", "13:00", 60)).problem(409);
        client.post("/api/availability", plus(window(id, 4, "10:30", "11:30", 30), "effective_until",
                from.minusDays(1).toString())).expect(201);
        assertThat(client.get("/api/availability/" + id).expect(200).json().path("weekly")).hasSize(3);
    }

    @Test
    void GET_availability_has_exactly_the_fields_of_the_contract() {
        Api.Member instructor = api.instructor();
        LocalDate date = inDays(12);
        UUID windowId = api.window(instructor.client(), instructor.id(), 5, "07:30", "09:00", 45);
        instructor.client().post("/api/availability/overrides", plus(override(instructor.id(), date, "18:00",
                "20:00", true), "slot_duration_minutes", 30)).expect(201);
        instructor.client().post("/api/availability/overrides", plus(override(instructor.id(), date.plusDays(1),
                null, null, false), "reason", "Competition")).expect(201);

        JsonNode body = api.member("guest").client().get("/api/availability/" + instructor.id()).expect(200).json();
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("weekly", "overrides");
        JsonNode w = body.path("weekly").get(0);
        assertThat(fieldNames(w)).containsExactlyInAnyOrder("id", "instructor_id", "day_of_week", "start_time",
                "end_time", "slot_duration_minutes", "effective_from", "effective_until");
        assertThat(w.path("id").asString()).isEqualTo(windowId.toString());
        assertThat(w.path("start_time").asString()).isEqualTo("07:30");
        assertThat(w.path("end_time").asString()).isEqualTo("09:00");
        assertThat(body.path("overrides")).hasSize(2);
        for (JsonNode o : body.path("overrides")) {
            assertThat(fieldNames(o)).containsExactlyInAnyOrder("id", "instructor_id", "override_date",
                    "start_time", "end_time", "is_available", "reason", "slot_duration_minutes");
            assertThat(o.path("instructor_id").asString()).isEqualTo(instructor.id().toString());
        }
        JsonNode extra = body.path("overrides").get(0).path("is_available").asBoolean()
                ? body.path("overrides").get(0) : body.path("overrides").get(1);
        assertThat(extra.path("start_time").asString()).isEqualTo("18:00");
        assertThat(extra.path("end_time").asString()).isEqualTo("20:00");
        assertThat(extra.path("slot_duration_minutes").asInt()).isEqualTo(30);
        assertThat(extra.path("override_date").asString()).isEqualTo(date.toString());

        api.anonymous().get("/api/availability/" + instructor.id()).problem(401);
        instructor.client().get("/api/availability/" + UUID.randomUUID()).problem(404);
        instructor.client().get("/api/availability/" + api.member("member_full").id()).problem(404);
    }

    /** The 201 of an override is the override as stored: a block keeps no slot length, even when sent one. */
    @Test
    void A2_a_created_override_answers_what_GET_then_shows() {
        Api.Member instructor = api.instructor();
        LocalDate date = inDays(14);
        JsonNode block = instructor.client().post("/api/availability/overrides", plus(override(instructor.id(),
                date, "10:00", "12:00", false), "slot_duration_minutes", 30)).expect(201).json().path("data");
        JsonNode extra = instructor.client().post("/api/availability/overrides", override(instructor.id(),
                date.plusDays(1), "18:00", "20:00", true)).expect(201).json().path("data");
        assertThat(block.path("slot_duration_minutes").isNull()).as("a block's slot length").isTrue();
        assertThat(extra.path("slot_duration_minutes").asInt()).as("the default for extra hours").isEqualTo(60);

        JsonNode stored = instructor.client().get("/api/availability/" + instructor.id()).expect(200).json()
                .path("overrides");
        assertThat(stored).hasSize(2).containsExactlyInAnyOrder(block, extra);
    }

    @Test
    void A2_a_blocked_part_removes_every_slot_it_overlaps_and_A3_declines_or_lists_conflicts() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        Api.Member other = api.member("member_limited");
        LocalDate date = inDays(11);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "10:00", "13:00", 60);
        String pending = book(member.client(), instructor.id(), slots.get(0));
        String untouched = book(member.client(), instructor.id(), slots.get(1));
        String confirmed = book(other.client(), instructor.id(), slots.get(2));
        instructor.client().post("/api/bookings/" + confirmed + "/confirm", null).expect(200);

        // 10:30–11:00 holds no slot start, yet overlaps the 10:00 slot; 12:15–12:45 hits the confirmed lesson
        JsonNode first = instructor.client().post("/api/availability/overrides", plus(override(instructor.id(),
                date, "10:30", "11:00", false), "reason", "Physio")).expect(201).json();
        assertThat(strings(first.path("declined"))).containsExactly(pending);
        assertThat(strings(first.path("conflicts"))).isEmpty();
        assertThat(first.path("data").path("reason").asString()).isEqualTo("Physio");
        JsonNode second = instructor.client().post("/api/availability/overrides", override(instructor.id(),
                date, "12:15", "12:45", false)).expect(201).json();
        assertThat(strings(second.path("declined"))).isEmpty();
        assertThat(strings(second.path("conflicts"))).containsExactly(confirmed);

        assertThat(starts(slots(member.client(), instructor.id(), date)))
                .containsExactly(slots.get(1).path("slot_start").asString());
        JsonNode declined = booking(member.client(), pending);
        assertThat(declined.path("status").asString()).isEqualTo("declined");
        assertThat(declined.path("cancellation_reason").asString()).isNotBlank();
        assertThat(status(member.client(), untouched)).isEqualTo("pending");
        assertThat(status(other.client(), confirmed)).isEqualTo("confirmed");
    }

    @Test
    void A2_a_whole_day_block_with_A3_and_extra_hours_still_added_on_the_blocked_day() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        Api.Member other = api.member("member_full");
        LocalDate date = inDays(13);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "09:00", "11:00", 60);
        String pending = book(member.client(), instructor.id(), slots.get(0));
        String confirmed = book(other.client(), instructor.id(), slots.get(1));
        instructor.client().post("/api/bookings/" + confirmed + "/confirm", null).expect(200);

        JsonNode blocked = instructor.client().post("/api/availability/overrides",
                override(instructor.id(), date, null, null, false)).expect(201).json();
        assertThat(strings(blocked.path("declined"))).containsExactly(pending);
        assertThat(strings(blocked.path("conflicts"))).containsExactly(confirmed);
        assertThat(blocked.path("data").path("start_time").isNull()).isTrue();
        assertThat(slots(member.client(), instructor.id(), date)).isEmpty();
        assertThat(status(other.client(), confirmed)).isEqualTo("confirmed");

        JsonNode extra = instructor.client().post("/api/availability/overrides", override(instructor.id(), date,
                "15:00", "17:00", true)).expect(201).json();
        assertThat(extra.path("data").path("slot_duration_minutes").asInt()).isEqualTo(60);
        assertThat(slots(member.client(), instructor.id(), date)).hasSize(2);

        // A2: extra hours overlapping extra hours are 409; next to them are fine
        instructor.client().post("/api/availability/overrides", override(instructor.id(), date, "16:00",
                "18:00", true)).problem(409);
        instructor.client().post("/api/availability/overrides", override(instructor.id(), date, "17:00",
                "18:00", true)).expect(201);
        assertThat(slots(member.client(), instructor.id(), date)).hasSize(3);
    }

    @Test
    void A2_blocks_remove_weekly_slots_only_and_A3_spares_requests_extra_hours_still_offer() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(18);
        api.window(instructor.client(), instructor.id(), dayOfWeek(date), "10:00", "12:00", 60);
        instructor.client().post("/api/availability/overrides", override(instructor.id(), date, "10:00", "11:00",
                true)).expect(201);
        instructor.client().post("/api/availability/overrides", override(instructor.id(), date, "15:00", "17:00",
                true)).expect(201);
        List<JsonNode> slots = slots(member.client(), instructor.id(), date);
        assertThat(slots).hasSize(4);
        String kept = book(member.client(), instructor.id(), slots.get(0));
        String lost = book(member.client(), instructor.id(), slots.get(1));

        JsonNode part = instructor.client().post("/api/availability/overrides", override(instructor.id(), date,
                "15:30", "16:00", false)).expect(201).json();
        assertThat(strings(part.path("declined"))).isEmpty();
        JsonNode whole = instructor.client().post("/api/availability/overrides", override(instructor.id(), date,
                null, null, false)).expect(201).json();
        assertThat(strings(whole.path("declined"))).containsExactly(lost);
        assertThat(status(member.client(), kept)).isEqualTo("pending");
        assertThat(starts(slots(member.client(), instructor.id(), date))).containsExactly(
                slots.get(0).path("slot_start").asString(), slots.get(2).path("slot_start").asString(),
                slots.get(3).path("slot_start").asString());
    }

    @Test
    void A2_invalid_overrides_are_400() {
        Api.Member instructor = api.instructor();
        ApiClient client = instructor.client();
        LocalDate date = inDays(14);
        client.post("/api/availability/overrides", override(instructor.id(), date, null, null, true)).problem(400);
        client.post("/api/availability/overrides", override(instructor.id(), date, "12:00", "11:00", false))
                .problem(400);
        Map<String, Object> onlyStart = override(instructor.id(), date, null, null, false);
        onlyStart.put("start_time", "10:00");
        client.post("/api/availability/overrides", onlyStart).problem(400);
        client.post("/api/availability/overrides", plus(override(instructor.id(), date, "10:00", "12:00", true),
                "slot_duration_minutes", 241)).problem(400);
        Map<String, Object> noFlag = override(instructor.id(), date, null, null, false);
        noFlag.remove("is_available");
        client.post("/api/availability/overrides", noFlag).problem(400);
        client.post("/api/availability/overrides", override(UUID.randomUUID(), date, null, null, false))
                .problem(404);
    }

    @Test
    void A3_removing_extra_hours_declines_their_pending_requests_and_lists_confirmed_ones() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        Api.Member other = api.member("member_limited");
        LocalDate date = inDays(15);
        JsonNode created = instructor.client().post("/api/availability/overrides", override(instructor.id(), date,
                "19:00", "21:00", true)).expect(201).json();
        List<JsonNode> slots = slots(member.client(), instructor.id(), date);
        assertThat(slots).hasSize(2);
        String pending = book(member.client(), instructor.id(), slots.get(0));
        String confirmed = book(other.client(), instructor.id(), slots.get(1));
        instructor.client().post("/api/bookings/" + confirmed + "/confirm", null).expect(200);

        JsonNode removed = instructor.client().delete("/api/availability/overrides/"
                + created.path("data").path("id").asString()).expect(200).json();
        assertThat(removed.path("success").asBoolean()).isTrue();
        assertThat(strings(removed.path("declined"))).containsExactly(pending);
        assertThat(strings(removed.path("conflicts"))).containsExactly(confirmed);
        assertThat(status(member.client(), pending)).isEqualTo("declined");
        assertThat(booking(member.client(), pending).path("cancellation_reason").asString()).isNotBlank();
        assertThat(status(other.client(), confirmed)).isEqualTo("confirmed");
        instructor.client().delete("/api/availability/overrides/" + created.path("data").path("id").asString())
                .problem(404);
    }

    @Test
    void A3_removing_a_window_declines_orphans_lists_confirmed_and_spares_requests_still_offered() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        Api.Member other = api.member("member_full");
        LocalDate date = inDays(16);
        UUID windowId = api.window(instructor.client(), instructor.id(), dayOfWeek(date), "10:00", "13:00", 60);
        // the same 11:00 slot is also offered by extra hours: its request survives the window's removal
        instructor.client().post("/api/availability/overrides", override(instructor.id(), date, "11:00", "12:00",
                true)).expect(201);
        List<JsonNode> slots = slots(member.client(), instructor.id(), date);
        assertThat(slots).hasSize(3);
        String survivor = book(member.client(), instructor.id(), slots.get(1));
        String orphan = book(member.client(), instructor.id(), slots.get(2));
        String confirmed = book(other.client(), instructor.id(), slots.get(0));
        instructor.client().post("/api/bookings/" + confirmed + "/confirm", null).expect(200);
        String survivorToo = book(other.client(), instructor.id(), slots.get(1));

        JsonNode removed = instructor.client().delete("/api/availability/" + windowId).expect(200).json();
        assertThat(strings(removed.path("declined"))).containsExactly(orphan);
        assertThat(strings(removed.path("conflicts"))).containsExactly(confirmed);
        assertThat(status(member.client(), orphan)).isEqualTo("declined");
        assertThat(booking(member.client(), orphan).path("cancellation_reason").asString()).isNotBlank();
        assertThat(status(member.client(), survivor)).isEqualTo("pending");
        assertThat(status(other.client(), survivorToo)).isEqualTo("pending");
        assertThat(status(other.client(), confirmed)).isEqualTo("confirmed");
    }

    @Test
    void A3_a_change_lists_only_the_confirmed_lessons_it_leaves_without_a_slot() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate first = inDays(18);
        LocalDate second = first.plusWeeks(1);
        api.window(instructor.client(), instructor.id(), dayOfWeek(first), "10:00", "12:00", 60);
        String firstLesson = book(member.client(), instructor.id(), slots(member.client(), instructor.id(), first).get(0));
        String secondLesson = book(member.client(), instructor.id(),
                slots(member.client(), instructor.id(), second).get(0));
        String stillOffered = book(member.client(), instructor.id(),
                slots(member.client(), instructor.id(), second).get(1));
        instructor.client().post("/api/bookings/" + firstLesson + "/confirm", null).expect(200);
        instructor.client().post("/api/bookings/" + secondLesson + "/confirm", null).expect(200);

        JsonNode blockedFirst = instructor.client().post("/api/availability/overrides",
                override(instructor.id(), first, null, null, false)).expect(201).json();
        assertThat(strings(blockedFirst.path("conflicts"))).containsExactly(firstLesson);

        // the first lesson is already without a slot: blocking the second date's 10:00 is not its cause
        JsonNode blockedSecond = instructor.client().post("/api/availability/overrides",
                override(instructor.id(), second, "10:00", "11:00", false)).expect(201).json();
        assertThat(strings(blockedSecond.path("conflicts"))).containsExactly(secondLesson);
        assertThat(strings(blockedSecond.path("declined"))).isEmpty();
        assertThat(status(member.client(), stillOffered)).isEqualTo("pending");

        JsonNode unblocked = instructor.client().delete("/api/availability/overrides/"
                + blockedFirst.path("data").path("id").asString()).expect(200).json();
        assertThat(strings(unblocked.path("conflicts"))).isEmpty();
        assertThat(strings(unblocked.path("declined"))).isEmpty();
        assertThat(status(member.client(), firstLesson)).isEqualTo("confirmed");
        assertThat(status(member.client(), secondLesson)).isEqualTo("confirmed");
    }

    @Test
    void A4_only_the_instructor_or_the_owner_changes_availability() {
        Api.Member instructor = api.instructor();
        LocalDate date = inDays(17);
        UUID windowId = api.window(instructor.client(), instructor.id(), dayOfWeek(date), "10:00", "11:00", 60);
        int otherDay = (dayOfWeek(date) + 1) % 7; // a window there overlaps nothing, whatever day it is today
        String overrideId = instructor.client().post("/api/availability/overrides", override(instructor.id(), date,
                "15:00", "16:00", true)).expect(201).json().path("data").path("id").asString();

        for (Api.Member outsider : List.of(api.instructor(), api.member("member_full"),
                api.member("member_limited"), api.member("guest"))) {
            ApiClient c = outsider.client();
            c.post("/api/availability", window(instructor.id(), otherDay, "10:00", "11:00", 60)).problem(403);
            c.delete("/api/availability/" + windowId).problem(403);
            c.post("/api/availability/overrides", override(instructor.id(), date, null, null, false)).problem(403);
            c.delete("/api/availability/overrides/" + overrideId).problem(403);
        }
        assertThat(slots(instructor.client(), instructor.id(), date)).hasSize(2);

        ApiClient owner = api.owner();
        owner.post("/api/availability", window(instructor.id(), otherDay, "10:00", "11:00", 60)).expect(201);
        owner.delete("/api/availability/overrides/" + overrideId).expect(200);
        owner.delete("/api/availability/" + windowId).expect(200);
        owner.post("/api/availability/overrides", override(instructor.id(), date, null, null, false)).expect(201);
        assertThat(instructor.client().get("/api/availability/" + instructor.id()).expect(200).json()
                .path("weekly")).hasSize(1);
    }

    @Test
    void seed_8_weekly_tuesday_2_to_6pm_shows_tuesday_slots_and_a_blocked_date_shows_none() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        instructor.client().post("/api/availability", window(instructor.id(), 2, "14:00", "18:00", 60)).expect(201);
        LocalDate tuesday = inDays(7);
        while (dayOfWeek(tuesday) != 2) {
            tuesday = tuesday.plusDays(1);
        }
        List<JsonNode> slots = slots(member.client(), instructor.id(), tuesday);
        assertThat(slots).hasSize(4);
        assertThat(slots.get(0).path("slot_start").asString())
                .isEqualTo(tuesday.atTime(14, 0).atZone(NEW_YORK).toInstant().toString());
        instructor.client().post("/api/availability/overrides", override(instructor.id(), tuesday, null, null,
                false)).expect(201);
        JsonNode days = member.client().get("/api/calendar/" + instructor.id() + "?month="
                + tuesday.toString().substring(0, 7)).expect(200).json().path("days");
        String blocked = tuesday.toString();
        assertThat(days).filteredOn(day -> day.path("date").asString().equals(blocked)).singleElement()
                .satisfies(day -> assertThat(day.path("available_slots").asInt()).isZero());
    }
}
