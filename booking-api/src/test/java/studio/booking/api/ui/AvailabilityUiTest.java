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
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.status;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** Seed section 8, "Instructor Availability": each criterion through the UI. */
@UiTest
class AvailabilityUiTest {

    @Autowired
    Api api;

    private static Ui.Session availabilityPage(Ui ui, Api.Member instructor) {
        Ui.Session session = ui.signIn(instructor.email(), Api.PASSWORD);
        session.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Availability")).click();
        session.page().locator("#weekly-title").waitFor();
        return session;
    }

    @Test
    void weekly_hours_set_for_tuesday_2_to_6_pm_show_members_tuesday_slots(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");

        Ui.Session maria = availabilityPage(ui, instructor);
        Locator form = maria.page().locator("form[aria-label='Add weekly hours']");
        form.getByLabel("Day").selectOption("2");
        form.getByLabel("From").fill("14:00");
        form.getByLabel("To", new Locator.GetByLabelOptions().setExact(true)).fill("18:00");
        form.getByLabel("Slot length").selectOption("60");
        form.getByLabel("To", new Locator.GetByLabelOptions().setExact(true)).fill("13:00");
        maria.button("Add weekly hours").click();
        assertThat(maria.page().locator("#weekly-title ~ p.error")).hasText("The end must be after the start.");
        form.getByLabel("To", new Locator.GetByLabelOptions().setExact(true)).fill("18:00");
        maria.button("Add weekly hours").click();
        assertThat(maria.page().locator("#weekly-title ~ p.error")).hasCount(0);
        Locator row = maria.page().locator("table.rows tr", new Page.LocatorOptions().setHasText("Tuesday"));
        assertThat(row).containsText("14:00–18:00");
        assertThat(row).containsText("60 min");

        LocalDate tuesday = Fixtures.next(2, 1);
        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD);
        alex.pill(Fixtures.name(instructor)).month(tuesday);
        assertThat(alex.day(tuesday)).hasAttribute("aria-label", Pattern.compile(": 4 slots available"));
        alex.openDay(tuesday);
        assertThat(alex.panel().locator("button.slot .when"))
                .hasText(new String[]{"2:00 PM – 3:00 PM", "3:00 PM – 4:00 PM", "4:00 PM – 5:00 PM", "5:00 PM – 6:00 PM"});
    }

    @Test
    void a_blocked_day_shows_members_no_slots(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate blocked = inDays(9);
        windowAndSlots(api, instructor, blocked, "10:00", "13:00", 60);

        Ui.Session maria = availabilityPage(ui, instructor);
        Locator form = maria.page().locator("form[aria-label='Add a day off, blocked or extra hours']");
        form.getByLabel("Block the whole day").check();
        form.getByLabel("Date").fill(blocked.toString());
        form.getByLabel("Reason (optional)").fill("Competition");
        maria.button("Save change").click();
        Locator review = maria.page().locator("dialog.review");
        assertThat(review).containsText("No pending requests or confirmed lessons fall in these hours.");
        maria.button("Block").click();
        assertThat(review).not().isVisible();
        assertThat(maria.page().locator("table.rows tr", new Page.LocatorOptions().setHasText("Day off")))
                .containsText("Competition");

        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD);
        alex.pill(Fixtures.name(instructor)).month(blocked);
        assertThat(alex.day(blocked)).hasAttribute("aria-label", Pattern.compile(": nothing available$"));
        alex.openDay(blocked);
        assertThat(alex.panel()).containsText("No times available on this day.");
        // the same weekday a week later still has its slots
        alex.openDay(blocked.plusDays(7));
        assertThat(alex.panel().locator("button.slot")).hasCount(3);
    }

    @Test
    void removing_a_window_declines_the_pending_requests_for_its_slots(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(6);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "10:00", "13:00", 60);
        String bookingId = book(member.client(), instructor.id(), slots.get(1));

        Ui.Session maria = availabilityPage(ui, instructor);
        String weekday = date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.US);
        maria.button("Remove " + weekday + " 10:00–13:00").click();
        Locator review = maria.page().locator("dialog.review");
        assertThat(review.locator("h2")).hasText("Remove " + weekday + " 10:00–13:00?");
        assertThat(review).containsText("1 pending request will be declined, unless other hours still offer its time:");
        assertThat(review.locator("li")).hasText(Fixtures.name(member) + ", " + Fixtures.lessonDay(date) + " at 11:00");
        maria.button("Remove").click();
        Locator outcome = maria.page().locator(".outcome");
        assertThat(outcome).containsText("1 pending request was declined:");
        assertThat(outcome.locator("ul.declined li")).containsText(Fixtures.name(member));
        assertThat(maria.page().locator("#weekly-title + p")).hasText("No weekly hours yet.");
        org.assertj.core.api.Assertions.assertThat(status(member.client(), bookingId)).isEqualTo("declined");

        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD);
        Locator lesson = alex.lessons().locator("button[data-booking='" + bookingId + "']");
        assertThat(lesson.locator(".badge")).hasText("Declined");
    }

    /** A3 in the editor: what a block would touch is shown first, and keeping the hours changes nothing. */
    @Test
    void blocking_hours_shows_the_requests_and_lessons_in_them_first_and_keep_changes_nothing(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member ana = api.member("member_full");
        Api.Member ben = api.member("member_limited");
        LocalDate date = inDays(8);
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "10:00", "13:00", 60);
        String lesson = book(ana.client(), instructor.id(), slots.get(0));
        instructor.client().post("/api/bookings/" + lesson + "/confirm", null).expect(200);
        String request = book(ben.client(), instructor.id(), slots.get(1));
        book(ben.client(), instructor.id(), slots.get(2)); // 12:00, outside the block

        Ui.Session maria = availabilityPage(ui, instructor);
        Locator form = maria.page().locator("form[aria-label='Add a day off, blocked or extra hours']");
        form.getByLabel("Block some hours").check();
        form.getByLabel("Date").fill(date.toString());
        form.getByLabel("From").fill("10:30");
        form.getByLabel("To", new Locator.GetByLabelOptions().setExact(true)).fill("11:30");
        maria.button("Save change").click();

        Locator review = maria.page().locator("dialog.review");
        assertThat(review.locator("h2")).hasText("Block 10:30–11:30 on " + Fixtures.day(date) + "?");
        assertThat(review).containsText("1 pending request will be declined");
        assertThat(review).containsText("1 confirmed lesson stays booked and will need your attention:");
        assertThat(review.locator("li")).hasText(new String[]{
                Fixtures.name(ben) + ", " + Fixtures.lessonDay(date) + " at 11:00",
                Fixtures.name(ana) + ", " + Fixtures.lessonDay(date) + " at 10:00"});
        maria.button("Keep").click();
        assertThat(review).not().isVisible();
        assertThat(maria.page().locator("#dates-title + p")).hasText("No days off or extra hours.");
        org.assertj.core.api.Assertions.assertThat(status(ben.client(), request)).isEqualTo("pending");

        maria.button("Save change").click();
        maria.button("Block").click();
        Locator outcome = maria.page().locator(".outcome");
        assertThat(outcome).containsText("1 pending request was declined:");
        assertThat(outcome.locator("ul.declined li")).containsText(Fixtures.name(ben) + ", " + Fixtures.lessonDay(date) + " at 11:00");
        assertThat(outcome.locator("ul.conflicts li")).containsText(Fixtures.name(ana));
        org.assertj.core.api.Assertions.assertThat(status(ben.client(), request)).isEqualTo("declined");
    }
}
