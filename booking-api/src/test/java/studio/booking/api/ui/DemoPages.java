package studio.booking.api.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;
import com.microsoft.playwright.options.AriaRole;

/** Signed-in pages on a running application with the demo studio (README's sign-ins), for the UI tools in bench/. */
final class DemoPages {

    static final String MEMBER = "alex@studio.test";
    static final String MEMBER_PASSWORD = "member-demo-1";
    static final String INSTRUCTOR = "maria@studio.test";
    static final String INSTRUCTOR_PASSWORD = "instructor-demo-1";

    private DemoPages() {
    }

    /**
     * A browser that signed in on this page before, with an empty cache: the sign-in happens
     * through the page in a first context (so the app keeps in the browser what it keeps), and its
     * cookies and local storage are carried into a fresh one.
     */
    static BrowserContext signedIn(Browser browser, String baseUrl, Ui.Viewport viewport, String email, String password) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setBaseURL(baseUrl)
                .setViewportSize(viewport.width(), viewport.height()).setIsMobile(viewport.mobile())
                .setHasTouch(viewport.mobile()).setLocale("en-US").setTimezoneId(Ui.ZONE)
                .setReducedMotion(ReducedMotion.REDUCE);
        String signedIn;
        try (BrowserContext first = browser.newContext(options)) {
            Page page = first.newPage();
            page.navigate("/sign-in");
            page.getByLabel("Email").fill(email);
            page.getByLabel("Password").fill(password);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.locator(".user-name").waitFor();
            if (page.url().endsWith("/")) {
                calendarReady(page);
            }
            signedIn = first.storageState();
        }
        return browser.newContext(options.setStorageState(signedIn));
    }

    /** Waits for the first calendar on screen. */
    static void calendarReady(Page page) {
        page.waitForFunction("() => performance.getEntriesByName('calendar-ready').length > 0");
    }

    static void pill(Page page, String name) {
        page.locator("instructor-pills").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    /** Picks the first date this or next month with the marks given by {@code selector} (e.g. ":has(.yours-mark)"). */
    static boolean pickDay(Page page, String... selectors) {
        for (int month = 0; month < 2; month++) {
            page.locator("month-calendar table[aria-busy=false]").waitFor();
            for (String selector : selectors) {
                Locator day = page.locator("month-calendar button.day:not(.past)" + selector).first();
                if (day.count() > 0) {
                    day.click();
                    return true;
                }
            }
            page.locator("month-calendar button[aria-label='Next month']").click();
        }
        return false;
    }
}
