package studio.booking.api.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** Issue 4, item 8: axe-core finds no serious or critical violation on any screen, desktop or phone. */
@UiTest
class AccessibilityUiTest {

    @Autowired
    Api api;

    private static void scan(Ui.Session session, String screen) {
        assertThat(Axe.seriousViolations(session.page())).as("axe on %s", screen).isEmpty();
    }

    @Test
    void every_member_screen_passes_axe_on_desktop_and_phone(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(4);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "14:00", "17:00", 60);
        String bookingId = book(member.client(), instructor.id(), slots.get(0));
        instructor.client().post("/api/bookings/" + bookingId + "/confirm", Map.of()).expect(200);
        for (Ui.Viewport viewport : new Ui.Viewport[]{Ui.DESKTOP, Ui.PHONE}) {
            String on = viewport == Ui.DESKTOP ? "desktop" : "phone";
            // unread, so the banner and the glow are on screen (reading the thread below clears them)
            instructor.client().post("/api/bookings/" + bookingId + "/messages", Map.of("content", "See you soon")).expect(201);
            Ui.Session alex = ui.open(viewport);
            scan(alex, "sign-in, " + on);
            alex.signIn(member.email(), Api.PASSWORD);
            alex.banner().waitFor();
            alex.pill(Fixtures.name(instructor)).openDay(date);
            scan(alex, "calendar with the day's times, " + on);
            alex.slot("3:00 PM").click();
            alex.page().locator("dialog.request[open]").waitFor();
            scan(alex, "request dialog, " + on);
            alex.page().keyboard().press("Escape");
            alex.slot("2:00 PM").click();
            alex.sheet().locator(".thread .bubble").first().waitFor();
            scan(alex, "booking sheet with its thread, " + on);
            alex.sheet().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel lesson")).click();
            alex.page().locator("dialog.cancel[open]").waitFor();
            scan(alex, "cancel confirmation, " + on);
            // closed, so this browser no longer reads the thread as messages arrive
            alex.page().keyboard().press("Escape");
            alex.page().keyboard().press("Escape");
            assertThat(alex.sheet()).hasCount(0);
        }
    }

    @Test
    void every_staff_screen_passes_axe(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(5);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "10:00", "12:00", 60);
        book(member.client(), instructor.id(), slots.get(0));

        Ui.Session maria = ui.signIn(instructor.email(), Api.PASSWORD);
        maria.openDay(date);
        scan(maria, "instructor calendar");
        maria.slot("10:00 AM").click();
        maria.sheet().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Decline")).click();
        maria.sheet().getByLabel("Reason for declining (optional)").waitFor();
        scan(maria, "instructor sheet with the decline form");
        maria.page().keyboard().press("Escape");
        maria.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Availability")).click();
        maria.page().locator("table.rows").first().waitFor();
        scan(maria, "availability editor");
        maria.page().locator("table.rows button.btn-danger").first().click();
        maria.page().locator("dialog.review li").first().waitFor();
        scan(maria, "availability change preview");
        maria.button("Keep").click();

        Ui.Session owner = ui.signIn(Api.OWNER_EMAIL, Api.OWNER_PASSWORD);
        assertThat(owner.page().locator("instructor-pills button[data-instructor=all]")).hasAttribute("aria-pressed", "true");
        owner.openDay(date);
        scan(owner, "owner's All calendar");
    }
}
