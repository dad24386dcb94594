package studio.booking.api.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;
import com.microsoft.playwright.options.WaitForSelectorState;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The browser side of one test: signed-in sessions (a browser context and page each) on the
 * application under test, with the page helpers the tests share. Every console error or uncaught
 * page error fails the test when it ends, unless the test declared that failed request beforehand.
 */
public final class Ui implements AutoCloseable {

    public record Viewport(int width, int height, boolean mobile) {
    }

    public static final Viewport DESKTOP = new Viewport(1280, 800, false);
    public static final Viewport PHONE = new Viewport(375, 812, true);
    public static final String ZONE = "America/New_York";

    private final Browser browser;
    private final String baseUrl;
    private final List<Session> sessions = new ArrayList<>();

    Ui(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A fresh browser (no cookies, nothing stored) on the sign-in page. */
    public Session open(Viewport viewport) {
        return open(viewport, ReducedMotion.NO_PREFERENCE);
    }

    public Session open(Viewport viewport, ReducedMotion motion) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(viewport.width(), viewport.height()).setIsMobile(viewport.mobile())
                .setHasTouch(viewport.mobile()).setLocale("en-US").setTimezoneId(ZONE).setReducedMotion(motion)
                .setBaseURL(baseUrl));
        context.setDefaultTimeout(15_000);
        Session session = new Session(context, context.newPage());
        sessions.add(session);
        session.page.navigate("/");
        return session;
    }

    /** Signs in through the sign-in page, on a desktop-sized browser. */
    public Session signIn(String email, String password) {
        return signIn(email, password, DESKTOP);
    }

    public Session signIn(String email, String password, Viewport viewport) {
        Session session = open(viewport);
        session.signIn(email, password);
        return session;
    }

    /** What each session shows now, for a failed test (one PNG per session). */
    void screenshots(java.nio.file.Path directory, String name) {
        for (int i = 0; i < sessions.size(); i++) {
            try {
                sessions.get(i).page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(directory.resolve(name + "-" + (i + 1) + ".png")));
            } catch (RuntimeException e) {
                // a page that cannot be captured any more: the test's own failure says enough
            }
        }
    }

    @Override
    public void close() {
        List<String> errors = new ArrayList<>();
        for (Session session : sessions) {
            errors.addAll(session.unexpectedErrors());
            session.context.close();
        }
        org.assertj.core.api.Assertions.assertThat(errors).as("console errors in the browser").isEmpty();
    }

    /** One signed-in (or signing-in) browser. */
    public static final class Session {

        private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);

        final BrowserContext context;
        final Page page;
        private final List<ConsoleError> errors = new CopyOnWriteArrayList<>();
        private final List<Pattern> allowed = new CopyOnWriteArrayList<>();

        Session(BrowserContext context, Page page) {
            this.context = context;
            this.page = page;
            page.onConsoleMessage(message -> {
                if (message.type().equals("error")) {
                    // for a failed request the location is the request's URL: which one failed
                    errors.add(new ConsoleError(message.text(), page.url(), message.location()));
                }
            });
            page.onPageError(error -> errors.add(new ConsoleError("uncaught: " + error, page.url(), "")));
        }

        public Page page() {
            return page;
        }

        private record ConsoleError(String text, String onPage, String location) {
            @Override
            public String toString() {
                return text + " (on " + onPage + (location.isEmpty() ? "" : ", at " + location) + ")";
            }
        }

        /** The browser logs a failed request as a console error: allowed where the test provokes it. */
        public Session allowFailedRequest(int status) {
            allowed.add(Pattern.compile("Failed to load resource: the server responded with a status of " + status + "\\b.*"));
            return this;
        }

        /** A console error the test provokes on purpose (e.g. a dropped connection). */
        public Session allowConsoleError(Pattern text) {
            allowed.add(text);
            return this;
        }

        /** Cuts this browser off the network (true) or back on (false). */
        public Session offline(boolean offline) {
            context.setOffline(offline);
            return this;
        }

        List<String> unexpectedErrors() {
            return errors.stream().filter(e -> allowed.stream().noneMatch(p -> p.matcher(e.text()).matches()))
                    .map(ConsoleError::toString).toList();
        }

        public Session signIn(String email, String password) {
            page.getByLabel("Email").fill(email);
            page.getByLabel("Password").fill(password);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.locator(".user-name").waitFor();
            return this;
        }

        /** Waits until the live stream is open, so what happens from now on reaches this page. */
        public Session live() {
            assertThat(page.locator(".live")).hasAttribute("data-state", "open");
            return this;
        }

        public Locator button(String name) {
            return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
        }

        public Locator button(Pattern name) {
            return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
        }

        public Session pill(String instructorName) {
            page.locator("instructor-pills").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName(instructorName).setExact(true)).click();
            return this;
        }

        /** Waits for the calendar's data (no skeleton). */
        public Session calendarLoaded() {
            page.locator("month-calendar table[aria-busy=false]").waitFor();
            return this;
        }

        /** Moves the calendar to the month of {@code date}. */
        public Session month(LocalDate date) {
            String wanted = YearMonth.from(date).format(MONTH);
            Locator title = page.locator("#month-title");
            for (int i = 0; i < 24 && !title.textContent().equals(wanted); i++) {
                String before = title.textContent();
                button("Next month").click();
                assertThat(title).not().hasText(before);
            }
            assertThat(title).hasText(wanted);
            return calendarLoaded();
        }

        public Locator day(LocalDate date) {
            return page.locator("month-calendar button[data-date='" + date + "']");
        }

        /** Opens the day's times: the side panel on a desktop, the drawer on a phone. */
        public Locator openDay(LocalDate date) {
            month(date);
            day(date).click();
            Locator panel = panel();
            panel.locator("h2").waitFor();
            panel.locator("[aria-busy=true]").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
            return panel;
        }

        /** The visible day panel (side panel or drawer). */
        public Locator panel() {
            return page.locator("#day-panel slot-panel, dialog.drawer[open] slot-panel").first();
        }

        /** The day panel's button (open slot or booking) starting at this time, e.g. "2:00 PM". */
        public Locator slot(String time) {
            // Playwright hands the pattern to JavaScript: no Pattern.quote (\Q…\E is Java's only)
            String escaped = time.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0");
            return panel().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^" + escaped)));
        }

        public Locator sheet() {
            return page.locator("dialog.sheet[open]");
        }

        /** The message box of the open sheet. */
        public Locator composer() {
            return sheet().getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Message").setExact(true));
        }

        public Locator status() {
            return sheet().locator(".details [data-status]");
        }

        public Locator lessons() {
            return page.locator("lesson-list");
        }

        public Locator banner() {
            return page.locator("unread-banner section");
        }

        public Locator toasts() {
            return page.locator(".toasts");
        }

        /** Reloads the page (a fresh start of the app in this browser). */
        public Session reload() {
            page.reload();
            page.locator(".user-name").waitFor();
            return this;
        }
    }
}
