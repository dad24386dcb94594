package studio.booking.api.ui;

import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;

import java.time.LocalDate;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** Issue 4, items 2 and 8: the booking flow on a 375×812 phone (the drawer), and by keyboard alone. */
@UiTest
class PhoneAndKeyboardUiTest {

    @Autowired
    Api api;

    @Test
    void a_member_books_on_a_phone_through_the_bottom_drawer(Ui ui) {
        Api.Member instructor = api.instructor();
        api.instructor(); // more pills than the phone is wide
        api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(5);
        windowAndSlots(api, instructor, date, "14:00", "16:00", 60);

        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD, Ui.PHONE);
        Locator pills = alex.page().locator(".pills[role=group]");
        pills.waitFor();
        org.assertj.core.api.Assertions.assertThat((Boolean) pills.evaluate("e => e.scrollWidth > e.clientWidth"))
                .as("pills scroll sideways").isTrue();
        org.assertj.core.api.Assertions.assertThat((Boolean) alex.page().evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).as("no page-wide sideways scroll").isTrue();
        alex.pill(Fixtures.name(instructor));
        assertThat(alex.page().locator("#day-panel")).hasCount(0);

        Locator drawer = alex.page().locator("dialog.drawer");
        alex.openDay(date);
        assertThat(drawer).hasAttribute("open", "");
        drawer.evaluate("d => Promise.all(d.getAnimations().map(a => a.finished))"); // the slide-up
        org.assertj.core.api.Assertions.assertThat(drawer.boundingBox().y + drawer.boundingBox().height)
                .as("the drawer sits at the bottom").isBetween(800.0, 813.0);
        alex.slot("3:00 PM").click();
        alex.page().locator("dialog.request[open]").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Request lesson")).click();
        assertThat(alex.slot("3:00 PM").locator(".badge")).hasText("Pending");

        // Escape closes the drawer and gives focus back to the day
        alex.page().keyboard().press("Escape");
        assertThat(drawer).not().hasAttribute("open", "");
        assertThat(alex.day(date)).isFocused();
        assertThat(alex.day(date)).hasAttribute("aria-label", Pattern.compile("1 pending"));

        // the sheet covers the phone's width
        alex.lessons().locator("button[data-booking]").click();
        assertThat(alex.status()).hasText("Pending");
        org.assertj.core.api.Assertions.assertThat(alex.sheet().boundingBox().width).isEqualTo(375.0);
    }

    /** Presses Tab until the focused element matches, as a keyboard user would (bounded). */
    private static void tabTo(Page page, Locator target) {
        for (int i = 0; i < 200; i++) {
            if ((Boolean) target.evaluate("e => e === document.activeElement")) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + target);
    }

    @Test
    void a_member_books_and_opens_the_lesson_by_keyboard_alone(Ui ui) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(3);
        windowAndSlots(api, instructor, date, "10:00", "12:00", 60);

        Ui.Session alex = ui.open(Ui.DESKTOP);
        Page page = alex.page();
        Keyboard keys = page.keyboard();
        assertThat(page.getByLabel("Email")).isFocused();
        keys.type(member.email());
        keys.press("Tab");
        keys.type(Api.PASSWORD);
        keys.press("Enter");
        page.locator(".user-name").waitFor();

        Locator pill = page.locator("instructor-pills").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(Fixtures.name(instructor)).setExact(true));
        tabTo(page, pill);
        keys.press("Enter");
        assertThat(pill).hasAttribute("aria-pressed", "true");
        alex.calendarLoaded();

        // into the grid (one tab stop), then arrows to the date
        tabTo(page, page.locator("month-calendar button.day[tabindex='0']"));
        String focused = (String) page.evaluate("() => document.activeElement.dataset.date");
        LocalDate at = LocalDate.parse(focused);
        keys.press("ArrowRight");
        assertThat(page.locator("month-calendar button[data-date='" + at.plusDays(1) + "']")).isFocused();
        keys.press("ArrowDown");
        assertThat(page.locator("month-calendar button[data-date='" + at.plusDays(8) + "']")).isFocused();
        keys.press("ArrowUp");
        keys.press("ArrowLeft");
        for (int i = 0; at.plusDays(i).isBefore(date); i++) {
            keys.press("ArrowRight");
        }
        assertThat(alex.day(date)).isFocused();
        keys.press("Enter");
        assertThat(alex.day(date)).hasAttribute("aria-pressed", "true");
        alex.panel().locator("button.slot").first().waitFor();

        Locator slot = alex.slot("11:00 AM");
        tabTo(page, slot);
        keys.press("Enter");
        Locator dialog = page.locator("dialog.request[open]");
        assertThat(dialog).isVisible();
        // Escape closes the dialog and focus returns to the slot
        keys.press("Escape");
        assertThat(dialog).hasCount(0);
        assertThat(slot).isFocused();
        keys.press("Enter");
        tabTo(page, dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Request lesson")));
        keys.press("Enter");
        assertThat(page.locator("dialog.request[open]")).hasCount(0);

        // focus lands on the new request; Enter opens its sheet, Escape closes it and focus returns
        Locator pending = alex.slot("11:00 AM");
        assertThat(pending.locator(".badge")).hasText("Pending");
        assertThat(pending).isFocused();
        keys.press("Enter");
        assertThat(alex.status()).hasText("Pending");
        keys.press("Escape");
        assertThat(alex.sheet()).hasCount(0);
        assertThat(pending).isFocused();
    }
}
