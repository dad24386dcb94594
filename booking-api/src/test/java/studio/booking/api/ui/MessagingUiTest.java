package studio.booking.api.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** Seed section 8, "Messaging": each criterion through the UI; the glow, the banner, text never markup. */
@UiTest
class MessagingUiTest {

    private static final Pattern GLOW = Pattern.compile("\\bglow\\b");

    @Autowired
    Api api;

    record Lesson(Api.Member instructor, Api.Member member, LocalDate date, String bookingId) {
    }

    /** A confirmed lesson at 2 PM on {@code date}. */
    private Lesson lesson(LocalDate date) {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        List<JsonNode> slots = windowAndSlots(api, instructor, date, "14:00", "16:00", 60);
        String bookingId = book(member.client(), instructor.id(), slots.get(0));
        instructor.client().post("/api/bookings/" + bookingId + "/confirm", Map.of()).expect(200);
        return new Lesson(instructor, member, date, bookingId);
    }

    private static void post(Api.Member sender, String bookingId, String content) {
        sender.client().post("/api/bookings/" + bookingId + "/messages", Map.of("content", content)).expect(201);
    }

    private static Locator bookingIn(Locator scope, String bookingId) {
        return scope.locator("button[data-booking='" + bookingId + "']");
    }

    @Test
    void a_message_from_either_side_makes_the_other_sides_slot_glow_within_2_seconds(Ui ui) {
        Lesson lesson = lesson(inDays(4));
        Ui.Session alex = ui.signIn(lesson.member().email(), Api.PASSWORD);
        alex.pill(Fixtures.name(lesson.instructor())).openDay(lesson.date());
        Ui.Session maria = ui.signIn(lesson.instructor().email(), Api.PASSWORD);
        maria.openDay(lesson.date());
        assertThat(bookingIn(alex.panel(), lesson.bookingId())).not().hasClass(GLOW);
        alex.live();
        maria.live();

        // the instructor writes: the member's slot and day glow
        bookingIn(maria.panel(), lesson.bookingId()).click();
        maria.composer().fill("Can we focus on cross-body lead this week?");
        maria.sheet().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send")).click();
        assertThat(maria.sheet().locator(".thread .bubble")).hasText("Can we focus on cross-body lead this week?");
        LocatorAssertions.HasClassOptions twoSeconds = new LocatorAssertions.HasClassOptions().setTimeout(2000);
        assertThat(bookingIn(alex.panel(), lesson.bookingId())).hasClass(GLOW, twoSeconds);
        assertThat(alex.day(lesson.date())).hasClass(GLOW, twoSeconds);
        maria.page().keyboard().press("Escape");

        // the member answers: the instructor's slot glows
        bookingIn(alex.panel(), lesson.bookingId()).click();
        alex.composer().fill("Absolutely! See you then.");
        alex.sheet().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send")).click();
        assertThat(bookingIn(maria.panel(), lesson.bookingId())).hasClass(GLOW, twoSeconds);
        assertThat(maria.day(lesson.date())).hasClass(GLOW, twoSeconds);
    }

    @Test
    void unread_messages_show_a_preview_banner_above_the_calendar(Ui ui) {
        Lesson lesson = lesson(inDays(5));
        post(lesson.instructor(), lesson.bookingId(), "Can we focus on cross-body lead this week? Bring water.");

        Ui.Session alex = ui.signIn(lesson.member().email(), Api.PASSWORD);
        Locator banner = alex.banner();
        String when = lesson.date().format(DateTimeFormatter.ofPattern("EEE MMM d", Locale.US)) + ", 2pm";
        assertThat(banner.locator(".text")).containsText(Fixtures.firstName(lesson.instructor()) + " (" + when + "):");
        assertThat(banner.locator(".excerpt")).hasText("Can we focus on cross-body lead this…");
        // above the calendar
        org.assertj.core.api.Assertions.assertThat(banner.boundingBox().y)
                .isLessThan(alex.page().locator("section.calendar").boundingBox().y);

        banner.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("View")).click();
        assertThat(alex.sheet().locator(".thread .bubble")).hasText("Can we focus on cross-body lead this week? Bring water.");
        assertThat(alex.banner()).hasCount(0); // read: the banner and its View button are gone
        alex.page().keyboard().press("Escape");
        // focus comes back to the page, on the lesson itself, not to nowhere
        assertThat(alex.page().locator(":focus")).hasAttribute("data-booking", lesson.bookingId());
    }

    @Test
    void opening_a_glowing_slot_shows_every_message_and_clears_the_glow(Ui ui) {
        Lesson lesson = lesson(inDays(6));
        post(lesson.instructor(), lesson.bookingId(), "Can we focus on cross-body lead?");
        post(lesson.member(), lesson.bookingId(), "Absolutely! I'll prep.");
        post(lesson.instructor(), lesson.bookingId(), "Perfect, see you then!");

        Ui.Session alex = ui.signIn(lesson.member().email(), Api.PASSWORD);
        alex.pill(Fixtures.name(lesson.instructor())).openDay(lesson.date());
        Locator slot = bookingIn(alex.panel(), lesson.bookingId());
        assertThat(slot).hasClass(GLOW);
        assertThat(alex.day(lesson.date())).hasAttribute("aria-label", Pattern.compile("unread messages"));
        slot.click();

        Locator thread = alex.sheet().locator(".thread li");
        assertThat(thread.locator(".bubble")).hasText(new String[]{
                "Can we focus on cross-body lead?", "Absolutely! I'll prep.", "Perfect, see you then!"});
        assertThat(thread.locator(".meta").nth(1)).containsText("You");
        alex.page().keyboard().press("Escape");
        assertThat(slot).not().hasClass(GLOW);
        assertThat(alex.day(lesson.date())).not().hasClass(GLOW);
        assertThat(alex.banner()).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(lesson.member().client().get("/api/bookings/unread").expect(200)
                .json().path("unread")).isEmpty();
    }

    @Test
    void the_composer_shows_the_2000_character_limit_and_text_is_never_markup(Ui ui) {
        Lesson lesson = lesson(inDays(7));
        String markup = "<img src=x onerror=\"window.injected=1\"><b>bold?</b>";
        post(lesson.instructor(), lesson.bookingId(), markup);

        Ui.Session alex = ui.signIn(lesson.member().email(), Api.PASSWORD);
        alex.lessons().locator("button[data-booking='" + lesson.bookingId() + "']").click();
        assertThat(alex.sheet().locator(".thread .bubble")).hasText(markup);
        assertThat(alex.sheet().locator(".thread img")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(alex.page().evaluate("() => window.injected")).isNull();

        Locator input = alex.composer();
        assertThat(input).hasAttribute("maxlength", "2000");
        assertThat(alex.sheet().locator("#message-count")).hasText("0 / 2000 characters");
        input.fill("x".repeat(2000));
        assertThat(alex.sheet().locator("#message-count")).hasText("2000 / 2000 characters");
    }

    @Test
    void the_glow_pulses_only_when_the_viewer_allows_motion(Ui ui) {
        Lesson lesson = lesson(inDays(8));
        post(lesson.instructor(), lesson.bookingId(), "See you Thursday");
        for (ReducedMotion motion : new ReducedMotion[]{ReducedMotion.NO_PREFERENCE, ReducedMotion.REDUCE}) {
            Ui.Session alex = ui.open(Ui.DESKTOP, motion).signIn(lesson.member().email(), Api.PASSWORD);
            Locator item = bookingIn(alex.lessons(), lesson.bookingId());
            assertThat(item).hasClass(GLOW);
            Object animation = item.evaluate("e => getComputedStyle(e).animationName");
            org.assertj.core.api.Assertions.assertThat(animation).as("animation with %s", motion)
                    .isEqualTo(motion == ReducedMotion.REDUCE ? "none" : "glow");
        }
    }
}
