package studio.booking.api.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the README's screenshots: member and instructor, desktop 1280×800 and phone 375×812, of a
 * running application with the demo studio. Run by {@code bench/ui.sh screenshots}.
 *
 * <pre>java … studio.booking.api.ui.Screenshots BASE_URL OUT_DIR</pre>
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        try (Playwright playwright = Browsers.createPlaywright(); Browser browser = Browsers.launch(playwright)) {
            for (Ui.Viewport viewport : new Ui.Viewport[]{Ui.DESKTOP, Ui.PHONE}) {
                String size = viewport == Ui.DESKTOP ? "desktop" : "phone";
                member(browser, baseUrl, viewport, out.resolve("member-" + size + ".png"));
                instructor(browser, baseUrl, viewport, out.resolve("instructor-" + size + ".png"));
            }
            sheet(browser, baseUrl, out.resolve("member-thread-desktop.png"));
        }
        System.out.println("Screenshots written to " + out);
    }

    private static void settle(Page page) {
        page.waitForFunction("() => ![...document.querySelectorAll('[aria-busy=true]')].some(e => e.checkVisibility())");
        page.waitForTimeout(300); // the drawer's slide-in and fonts
    }

    private static void member(Browser browser, String baseUrl, Ui.Viewport viewport, Path file) {
        try (BrowserContext context = DemoPages.signedIn(browser, baseUrl, viewport, DemoPages.MEMBER, DemoPages.MEMBER_PASSWORD)) {
            Page page = context.newPage();
            page.navigate("/");
            DemoPages.calendarReady(page);
            DemoPages.pill(page, "Maria Santos");
            DemoPages.pickDay(page, ":has(.yours-mark)", ":has(.available-mark)");
            settle(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(file));
        }
    }

    private static void instructor(Browser browser, String baseUrl, Ui.Viewport viewport, Path file) {
        try (BrowserContext context = DemoPages.signedIn(browser, baseUrl, viewport, DemoPages.INSTRUCTOR,
                DemoPages.INSTRUCTOR_PASSWORD)) {
            Page page = context.newPage();
            page.navigate("/");
            DemoPages.calendarReady(page);
            DemoPages.pickDay(page, ":has(.pending-mark)", ":has(.yours-mark)", ":has(.available-mark)");
            settle(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(file));
        }
    }

    private static void sheet(Browser browser, String baseUrl, Path file) {
        try (BrowserContext context = DemoPages.signedIn(browser, baseUrl, Ui.DESKTOP, DemoPages.MEMBER, DemoPages.MEMBER_PASSWORD)) {
            Page page = context.newPage();
            page.navigate("/");
            DemoPages.calendarReady(page);
            page.locator("unread-banner button:text-is('View')").click();
            page.locator("dialog.sheet[open] .thread").waitFor();
            settle(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(file));
        }
    }
}
