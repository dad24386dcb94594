package studio.booking.api.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** Issue 4, item 6: a member and an instructor side by side, every change reaching the other without a reload. */
@UiTest
class LiveUiTest {

    private static final Pattern GLOW = Pattern.compile("\\bglow\\b");

    @Autowired
    Api api;

    @Test
    void request_confirm_message_and_read_reach_the_other_side_live(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(4);
        windowAndSlots(api, instructor, date, "14:00", "16:00", 60);

        Ui.Session maria = ui.signIn(instructor.email(), Api.PASSWORD);
        maria.openDay(date);
        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD);
        alex.pill(Fixtures.name(instructor)).openDay(date);
        maria.live();
        alex.live();

        // request → the instructor sees it pending
        alex.slot("2:00 PM").click();
        alex.page().locator("dialog.request[open]").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Request lesson")).click();
        Locator request = maria.panel().locator("button[data-booking]");
        assertThat(request.locator(".badge")).hasText("Pending");
        assertThat(maria.day(date)).hasAttribute("aria-label", Pattern.compile("1 pending"));
        assertThat(maria.toasts()).containsText("New request from " + Fixtures.name(member));

        // confirm → the member sees it confirmed
        request.click();
        maria.sheet().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm")).click();
        assertThat(maria.status()).hasText("Confirmed");
        Locator lesson = alex.slot("2:00 PM");
        assertThat(lesson.locator(".badge")).hasText("Confirmed");

        // message → the member's slot glows and the banner appears
        maria.composer().fill("Wear comfortable shoes");
        maria.sheet().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send")).click();
        assertThat(lesson).hasClass(GLOW);
        assertThat(alex.banner().locator(".excerpt")).hasText("Wear comfortable shoes");

        // open → the glow clears, and the reply reaches the open sheet on the other side
        lesson.click();
        assertThat(alex.sheet().locator(".thread .bubble")).hasText("Wear comfortable shoes");
        assertThat(lesson).not().hasClass(GLOW);
        assertThat(alex.banner()).hasCount(0);
        alex.composer().fill("Will do!");
        alex.sheet().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send")).click();
        assertThat(maria.sheet().locator(".thread .bubble")).hasText(new String[]{"Wear comfortable shoes", "Will do!"});
    }

    @Test
    void availability_edits_and_cancellations_reach_an_open_calendar(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(9);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "10:00", "12:00", 60);
        String bookingId = book(member.client(), instructor.id(), slots.get(0));

        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD);
        alex.pill(Fixtures.name(instructor)).openDay(date);
        assertThat(alex.panel().locator("button.slot[data-slot]")).hasCount(1);
        alex.live();

        // extra hours added by the instructor appear in the open panel
        instructor.client().post("/api/availability/overrides", Map.of("instructor_id", instructor.id().toString(),
                "override_date", date.toString(), "start_time", "17:00", "end_time", "18:00", "is_available", true,
                "slot_duration_minutes", 60)).expect(201);
        assertThat(alex.panel().locator("button.slot[data-slot]")).hasCount(2);
        // the instructor cancels the request on the member's behalf: the member sees it at once
        instructor.client().post("/api/bookings/" + bookingId + "/cancel", Map.of("reason", "Room booked")).expect(200);
        assertThat(alex.panel().locator("button[data-booking='" + bookingId + "'] .badge")).hasText("Cancelled by instructor");
        assertThat(alex.toasts()).containsText("cancelled by the studio");
    }

    /** A session that ends elsewhere (signed out in another tab, expired) brings the sign-in page, not endless reconnects. */
    @Test
    void a_session_ended_elsewhere_brings_the_sign_in_page(Ui ui) {
        Api.Member member = api.member("member_full");
        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD).allowFailedRequest(401)
                .allowConsoleError(Pattern.compile(".*EventSource.*")).live();

        // another tab of this browser signs out: same cookies, not through this page
        alex.page().evaluate("() => fetch('/api/auth/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN':"
                + " decodeURIComponent(document.cookie.match(/(?:^|;\\s*)XSRF-TOKEN=([^;]*)/)[1]) } })");

        assertThat(alex.page().getByLabel("Email")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
    }

    @Test
    void after_a_dropped_connection_the_page_catches_up_by_itself(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(6);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "10:00", "12:00", 60);
        String bookingId = book(member.client(), instructor.id(), slots.get(0));

        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD)
                .allowConsoleError(Pattern.compile(".*ERR_INTERNET_DISCONNECTED.*"));
        alex.pill(Fixtures.name(instructor)).openDay(date);
        Locator lesson = alex.panel().locator("button[data-booking='" + bookingId + "'] .badge");
        assertThat(lesson).hasText("Pending");
        alex.live();

        // the server ends the stream (a role change does), and the browser stays off the network a while
        alex.offline(true);
        api.owner().patch("/api/members/" + member.id(), Map.of("role", "member_limited")).expect(200);
        assertThat(alex.page().locator(".live")).not().hasAttribute("data-state", "open");
        // meanwhile: confirmed, and a message
        instructor.client().post("/api/bookings/" + bookingId + "/confirm", Map.of()).expect(200);
        instructor.client().post("/api/bookings/" + bookingId + "/messages", Map.of("content", "Confirmed, see you!"))
                .expect(201);
        alex.offline(false);

        alex.live();
        assertThat(lesson).hasText("Confirmed");
        assertThat(alex.panel().locator("button[data-booking='" + bookingId + "']")).hasClass(GLOW);
        assertThat(alex.banner().locator(".excerpt")).hasText("Confirmed, see you!");
    }
}
