package studio.booking.api.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;
import com.microsoft.playwright.options.RequestOptions;

import java.util.Map;

/** Signed-in pages on a running application with the demo studio (README's sign-ins), for the UI tools in bench/. */
final class DemoPages {

    static final String MEMBER = "alex@studio.test";
    static final String MEMBER_PASSWORD = "member-demo-1";
    static final String INSTRUCTOR = "maria@studio.test";
    static final String INSTRUCTOR_PASSWORD = "instructor-demo-1";

    private DemoPages() {
    }

    /** A fresh browser context (empty cache) signed in through the API, the app told so before it starts. */
    static BrowserContext signedIn(Browser browser, String baseUrl, Ui.Viewport viewport, String email, String password) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
                .setViewportSize(viewport.width(), viewport.height()).setIsMobile(viewport.mobile())
                .setHasTouch(viewport.mobile()).setLocale("en-US").setTimezoneId(Ui.ZONE)
                .setReducedMotion(ReducedMotion.REDUCE));
        int status = context.request().post(baseUrl + "/api/auth/login",
                RequestOptions.create().setData(Map.of("email", email, "password", password))).status();
        if (status != 204) {
            throw new IllegalStateException("sign-in of " + email + " answered " + status + ": is the demo studio loaded?");
        }
        // what the app stores when one signs in through the page (api.js rememberSignedIn), kept once the page updates it
        String me = context.request().get(baseUrl + "/api/me").text();
        context.addInitScript("if (localStorage.getItem('booking.signed-in') === null) { const me = " + me
                + "; localStorage.setItem('booking.signed-in', JSON.stringify({id: me.id, role: me.role, time_zone: me.time_zone})); }");
        return context;
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
