package studio.booking.api.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.status;
import static studio.booking.api.support.Lessons.windowAndSlots;

/**
 * Seed section 8, "Instructor Confirmation": each criterion through the UI, the member's browser
 * open beside the instructor's (what it shows arrives by the live stream, no reload).
 */
@UiTest
class InstructorConfirmationUiTest {

    @Autowired
    Api api;

    private static Locator action(Ui.Session session, String name) {
        return session.sheet().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void a_confirmed_request_turns_confirmed_for_the_member_in_real_time(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(4);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "14:00", "16:00", 60);
        String bookingId = book(member.client(), instructor.id(), slots.get(0));

        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD);
        alex.pill(Fixtures.name(instructor)).openDay(date);
        assertThat(alex.slot("2:00 PM").locator(".badge")).hasText("Pending");
        alex.live();

        Ui.Session maria = ui.signIn(instructor.email(), Api.PASSWORD);
        maria.month(date);
        // the pending request pulses on the instructor's calendar
        assertThat(maria.day(date)).hasAttribute("aria-label", Pattern.compile("1 pending"));
        assertThat(maria.day(date).locator(".pending-mark")).hasClass(Pattern.compile("\\bpulse\\b"));
        maria.openDay(date);
        maria.slot("2:00 PM").click();
        assertThat(maria.status()).hasText("Pending");
        action(maria, "Confirm").click();
        assertThat(maria.status()).hasText("Confirmed");

        assertThat(alex.slot("2:00 PM").locator(".badge")).hasText("Confirmed");
        assertThat(alex.toasts()).containsText(Fixtures.firstName(instructor) + " confirmed your lesson on " + Fixtures.day(date));
        org.assertj.core.api.Assertions.assertThat(status(member.client(), bookingId)).isEqualTo("confirmed");
    }

    /** B3: only a pending request is declined; the decline form goes once the request is confirmed, focus stays in the sheet. */
    @Test
    void confirming_while_the_decline_form_is_open_closes_it_and_keeps_focus_in_the_sheet(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(5);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "14:00", "15:00", 60);
        book(member.client(), instructor.id(), slots.get(0));

        Ui.Session maria = ui.signIn(instructor.email(), Api.PASSWORD);
        maria.month(date).openDay(date);
        maria.slot("2:00 PM").click();
        action(maria, "Decline").click();
        assertThat(maria.sheet().getByLabel("Reason for declining (optional)")).isVisible();

        action(maria, "Confirm").focus();
        maria.page().keyboard().press("Enter");

        assertThat(maria.status()).hasText("Confirmed");
        assertThat(maria.sheet().locator("form.decline-form")).hasCount(0);
        assertThat(maria.sheet().locator("#sheet-title")).isFocused();
    }

    @Test
    void a_confirmation_answered_after_the_sheet_closed_confirms_and_asks_for_nothing_else(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(6);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "09:00", "10:00", 60);
        String bookingId = book(member.client(), instructor.id(), slots.get(0));

        Ui.Session maria = ui.signIn(instructor.email(), Api.PASSWORD);
        maria.month(date).openDay(date);
        maria.slot("9:00 AM").click();
        assertThat(maria.status()).hasText("Pending");
        // the confirmation's answer is held back until the sheet has been closed
        List<Route> held = new CopyOnWriteArrayList<>();
        maria.page().route(ui.baseUrl() + "/api/bookings/" + bookingId + "/confirm", held::add);
        action(maria, "Confirm").click();
        maria.page().waitForCondition(() -> !held.isEmpty());
        maria.page().keyboard().press("Escape");
        assertThat(maria.sheet()).isHidden();

        maria.page().waitForResponse(ui.baseUrl() + "/api/bookings/" + bookingId, () -> held.forEach(Route::resume));
        org.assertj.core.api.Assertions.assertThat(status(member.client(), bookingId)).isEqualTo("confirmed");
        // the closing check: no request for a booking the sheet no longer shows (it was /api/bookings/null)
    }

    @Test
    void a_declined_request_frees_the_slot_and_the_member_is_told(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(5);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "10:00", "12:00", 60);
        String bookingId = book(member.client(), instructor.id(), slots.get(1));

        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD);
        alex.pill(Fixtures.name(instructor)).openDay(date);
        assertThat(alex.slot("11:00 AM").locator(".badge")).hasText("Pending");
        alex.live();

        Ui.Session maria = ui.signIn(instructor.email(), Api.PASSWORD);
        maria.openDay(date);
        maria.slot("11:00 AM").click();
        action(maria, "Decline").click();
        maria.sheet().getByLabel("Reason for declining (optional)").fill("Studio closed for a rehearsal");
        action(maria, "Decline request").click();
        assertThat(maria.status()).hasText("Declined");

        assertThat(alex.toasts()).containsText(Fixtures.firstName(instructor) + " declined your request for " + Fixtures.day(date));
        Locator panel = alex.panel();
        assertThat(panel.locator("button[data-booking='" + bookingId + "'] .badge")).hasText("Declined");
        assertThat(panel.locator("button.slot[data-slot='" + slots.get(1).path("slot_start").asString() + "'] .badge"))
                .hasText("Available");
        org.assertj.core.api.Assertions.assertThat(status(member.client(), bookingId)).isEqualTo("declined");
    }

    @Test
    void confirming_one_of_two_requests_for_a_slot_declines_the_other(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member first = api.member("member_full");
        Api.Member second = api.member("member_limited");
        LocalDate date = inDays(6);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "16:00", "18:00", 60);
        String firstId = book(first.client(), instructor.id(), slots.get(0));
        String secondId = book(second.client(), instructor.id(), slots.get(0));

        Ui.Session maria = ui.signIn(instructor.email(), Api.PASSWORD);
        Locator panel = maria.openDay(date);
        assertThat(maria.day(date)).hasAttribute("aria-label", Pattern.compile("2 pending"));
        panel.locator("button[data-booking='" + firstId + "']").click();
        action(maria, "Confirm").click();
        assertThat(maria.status()).hasText("Confirmed");
        assertThat(maria.toasts()).containsText("1 overlapping request was declined");
        maria.page().keyboard().press("Escape");

        assertThat(panel.locator("button[data-booking='" + firstId + "'] .badge")).hasText("Confirmed");
        assertThat(panel.locator("button[data-booking='" + secondId + "'] .badge")).hasText("Declined");
        assertThat(panel.locator("button[data-booking='" + secondId + "'] .who")).containsText(Fixtures.name(second));
        org.assertj.core.api.Assertions.assertThat(status(second.client(), secondId)).isEqualTo("declined");
    }
}
