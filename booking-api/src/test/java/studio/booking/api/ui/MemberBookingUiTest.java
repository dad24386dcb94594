package studio.booking.api.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.MutableClock;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.slots;
import static studio.booking.api.support.Lessons.start;
import static studio.booking.api.support.Lessons.status;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** Seed section 8, "Member Booking": each criterion through the UI. */
@UiTest
class MemberBookingUiTest {

    @Autowired
    Api api;

    private static String range(JsonNode slot) {
        return Fixtures.clock(slot.path("slot_start").asString()) + " – " + Fixtures.clock(slot.path("slot_end").asString());
    }

    @Test
    void switching_instructors_shows_the_chosen_instructors_availability(Ui ui) {
        Api.Member carlos = api.instructor();
        Api.Member jennifer = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(8);
        windowAndSlots(api, carlos, date, "10:00", "13:00", 60);
        windowAndSlots(api, jennifer, date, "15:00", "18:00", 90);

        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD);
        alex.pill(Fixtures.name(carlos)).month(date);
        assertThat(alex.day(date)).hasAttribute("aria-label", Pattern.compile(": 3 slots available$"));
        alex.pill(Fixtures.name(jennifer));
        assertThat(alex.day(date)).hasAttribute("aria-label", Pattern.compile(": 2 slots available$"));
        assertThat(alex.day(date.plusDays(1))).hasAttribute("aria-label", Pattern.compile(": nothing available$"));
        alex.pill(Fixtures.name(carlos));
        assertThat(alex.day(date)).hasAttribute("aria-label", Pattern.compile(": 3 slots available$"));
    }

    /** The day panel shows the chosen day against its own month: in another month the choice goes. */
    @Test
    void another_month_leaves_no_day_chosen(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(5);
        JsonNode slot = windowAndSlots(api, instructor, date, "14:00", "15:00", 60).get(0);
        String bookingId = book(member.client(), instructor.id(), slot);

        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD);
        alex.pill(Fixtures.name(instructor)).openDay(date);
        assertThat(alex.panel().locator("button[data-booking='" + bookingId + "'] .badge")).hasText("Pending");
        alex.button("Next month").click();
        assertThat(alex.panel()).hasText("Choose a day to see its times.");
        alex.button("Previous month").click();
        assertThat(alex.panel()).hasText("Choose a day to see its times.");
    }

    @Test
    void a_chosen_day_lists_every_available_slot_of_that_date(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(5);
        windowAndSlots(api, instructor, date, "09:00", "12:00", 45);
        // extra hours the same evening, and another member's confirmed lesson taking one slot away
        instructor.client().post("/api/availability/overrides", Map.of("instructor_id", instructor.id().toString(),
                "override_date", date.toString(), "start_time", "18:00", "end_time", "20:00", "is_available", true,
                "slot_duration_minutes", 60)).expect(201);
        Api.Member other = api.member("member_full");
        String taken = book(other.client(), instructor.id(), slots(member.client(), instructor.id(), date).get(1));
        instructor.client().post("/api/bookings/" + taken + "/confirm", Map.of()).expect(200);
        List<String> expected = slots(member.client(), instructor.id(), date).stream().map(MemberBookingUiTest::range).toList();
        org.assertj.core.api.Assertions.assertThat(expected).hasSize(5);

        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD);
        alex.pill(Fixtures.name(instructor));
        Locator panel = alex.openDay(date);
        assertThat(panel.locator("h2")).hasText(Fixtures.day(date));
        assertThat(panel.locator("button.slot .when")).hasText(expected.toArray(String[]::new));
        assertThat(panel.locator("button.slot .badge")).hasText(expected.stream().map(e -> "Available").toArray(String[]::new));
    }

    @Test
    void a_requested_slot_shows_pending_on_the_calendar_at_once(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(4);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "14:00", "17:00", 60);

        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD);
        alex.pill(Fixtures.name(instructor)).openDay(date);
        alex.slot("3:00 PM").click();
        Locator dialog = alex.page().locator("dialog.request[open]");
        assertThat(dialog.locator(".question")).hasText("Request lesson with " + Fixtures.firstName(instructor)
                + " on " + Fixtures.day(date) + " at 3:00 PM?");
        dialog.getByLabel(Pattern.compile("^Notes for")).fill("Cross-body lead, please");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Request lesson")).click();

        assertThat(dialog).isHidden();
        Locator pending = alex.slot("3:00 PM");
        assertThat(pending.locator(".badge")).hasText("Pending");
        assertThat(alex.day(date)).hasAttribute("aria-label", Pattern.compile("1 pending"));
        assertThat(alex.lessons().getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Waiting for confirmation"))
                .locator(".when")).containsText(Fixtures.day(date) + " · 3:00 PM – 4:00 PM");
        JsonNode booking = member.client().get("/api/bookings?member_id=" + member.id()).expect(200).json().path("data").get(0);
        org.assertj.core.api.Assertions.assertThat(booking.path("status").asString()).isEqualTo("pending");
        org.assertj.core.api.Assertions.assertThat(booking.path("start_time").asString()).isEqualTo(slots.get(1).path("slot_start").asString());
        org.assertj.core.api.Assertions.assertThat(booking.path("notes").asString()).isEqualTo("Cross-body lead, please");
    }

    /**
     * Seed 7.4: a double click on "Request lesson" makes one booking (the button is disabled while the
     * request is out, and B1 answers a repeat with the same booking).
     */
    @Test
    void a_double_click_on_request_lesson_makes_one_booking(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(4);
        windowAndSlots(api, instructor, date, "14:00", "15:00", 60);

        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD);
        alex.pill(Fixtures.name(instructor)).openDay(date);
        alex.slot("2:00 PM").click();
        Locator dialog = alex.page().locator("dialog.request[open]");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Request lesson")).dblclick();

        assertThat(dialog).isHidden();
        assertThat(alex.slot("2:00 PM").locator(".badge")).hasText("Pending");
        org.assertj.core.api.Assertions.assertThat(member.client().get("/api/bookings?member_id=" + member.id())
                .expect(200).json().path("data")).hasSize(1);
    }

    /** Seed 7.5 and B1: a guest sees the calendar and its free times, but nothing to request them with. */
    @Test
    void a_guest_sees_the_free_times_but_no_way_to_request_them(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member guest = api.member("guest");
        LocalDate date = inDays(4);
        windowAndSlots(api, instructor, date, "14:00", "16:00", 60);

        Ui.Session visitor = ui.signIn(guest.email(), Api.PASSWORD);
        visitor.pill(Fixtures.name(instructor)).openDay(date);

        assertThat(visitor.panel().locator(".slot.static .when")).hasText(new String[]{"2:00 PM – 3:00 PM", "3:00 PM – 4:00 PM"});
        assertThat(visitor.panel().locator("button.slot")).hasCount(0);
        assertThat(visitor.page().getByText("Guests can look at the calendar; booking needs a membership.")).isVisible();
    }

    @Test
    void a_confirmed_lesson_more_than_24_hours_away_is_cancelled_and_its_slot_freed(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(5);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "10:00", "12:00", 60);
        String bookingId = book(member.client(), instructor.id(), slots.get(0));
        instructor.client().post("/api/bookings/" + bookingId + "/confirm", Map.of()).expect(200);

        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD);
        alex.pill(Fixtures.name(instructor)).openDay(date);
        assertThat(alex.slot("10:00 AM").locator(".badge")).hasText("Confirmed");
        alex.slot("10:00 AM").click();
        assertThat(alex.status()).hasText("Confirmed");
        alex.sheet().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel lesson")).click();
        Locator confirm = alex.page().locator("dialog.cancel[open]");
        assertThat(confirm.locator("h2")).hasText("Cancel this lesson?");
        confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, cancel")).click();
        assertThat(alex.status()).hasText("Cancelled");
        alex.page().keyboard().press("Escape");
        assertThat(alex.sheet()).hasCount(0);

        // the slot is offered again, and the lesson is listed as cancelled
        Locator freed = alex.panel().locator("button.slot[data-slot='" + slots.get(0).path("slot_start").asString() + "']");
        assertThat(freed.locator(".badge")).hasText("Available");
        assertThat(alex.lessons().locator("button[data-booking='" + bookingId + "'] .badge")).hasText("Cancelled");
        org.assertj.core.api.Assertions.assertThat(status(member.client(), bookingId)).isEqualTo("cancelled_by_member");
    }

    @Test
    void a_confirmed_lesson_less_than_24_hours_away_cannot_be_cancelled_contact_your_instructor(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(3);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "10:00", "12:00", 60);
        String bookingId = book(member.client(), instructor.id(), slots.get(0));
        instructor.client().post("/api/bookings/" + bookingId + "/confirm", Map.of()).expect(200);
        // the studio's clock: 20 hours before the lesson
        MutableClock.INSTANCE.advance(Duration.between(Instant.now(), start(slots.get(0)).minus(Duration.ofHours(20))));

        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD).allowFailedRequest(403);
        alex.lessons().locator("button[data-booking='" + bookingId + "']").click();
        assertThat(alex.status()).hasText("Confirmed");
        alex.sheet().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel lesson")).click();
        alex.page().locator("dialog.cancel[open]").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Yes, cancel")).click();

        assertThat(alex.sheet().locator(".action-error")).containsText("Contact your instructor");
        assertThat(alex.status()).hasText("Confirmed");
        org.assertj.core.api.Assertions.assertThat(status(member.client(), bookingId)).isEqualTo("confirmed");
    }
}
