package studio.booking.api.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The web UI's speed, in Chromium, on a running application with the demo studio: "calendar page
 * ready" (navigation start to the first calendar with its data on screen, the page's own User
 * Timing mark), "instructor switch" (pill click to the other calendar on screen) and the page
 * weight (every response of a cold load, uncompressed). Cold: a browser that signed in on the page
 * before (its cookies and local storage) with an empty cache; warm: a reload of it, the files
 * cached. Run by {@code bench/ui.sh bench}.
 *
 * <pre>java … studio.booking.api.ui.UiBenchmark BASE_URL [LOADS] [SWITCHES]</pre>
 */
public final class UiBenchmark {

    private static final String[] INSTRUCTORS = {"Maria Santos", "Carlos Rivera", "Jennifer Lee"};

    private UiBenchmark() {
    }

    public static void main(String[] args) {
        String baseUrl = args[0];
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int switches = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Double> switching = new ArrayList<>();
        AtomicLong assetBytes = new AtomicLong();
        AtomicLong apiBytes = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        try (Playwright playwright = Browsers.createPlaywright(); Browser browser = Browsers.launch(playwright)) {
            warmUpServer(browser, baseUrl);
            for (int i = 0; i < loads; i++) {
                try (BrowserContext context = member(browser, baseUrl)) {
                    Page page = context.newPage();
                    java.util.function.Consumer<Response> weighing = response -> weigh(response, assetBytes, apiBytes, requests);
                    if (i == 0) {
                        page.onResponse(weighing);
                    }
                    page.navigate("/");
                    cold.add(ready(page));
                    if (i == 0) {
                        settle(page);
                        page.offResponse(weighing); // the cold load only
                    }
                    page.reload();
                    warm.add(ready(page));
                }
            }
            try (BrowserContext context = member(browser, baseUrl)) {
                Page page = context.newPage();
                page.navigate("/");
                ready(page);
                settle(page); // the other pills' calendars are fetched in the background
                String current = page.locator("instructor-pills button[aria-pressed=true] span:not(.avatar)").innerText().trim();
                int next = java.util.Arrays.asList(INSTRUCTORS).indexOf(current);
                for (int i = 0; i < switches; i++) {
                    next = (next + 1) % INSTRUCTORS.length; // always another pill than the one shown
                    DemoPages.pill(page, INSTRUCTORS[next]);
                    page.waitForFunction("n => performance.getEntriesByName('instructor-switch', 'measure').length > n", i);
                    switching.add(((Number) page.evaluate(
                            "() => performance.getEntriesByName('instructor-switch', 'measure').at(-1).duration")).doubleValue());
                }
            }
        }
        System.out.println();
        System.out.println("| metric | target | median | p90 | min | n |");
        System.out.println("|---|---|---|---|---|---|");
        row("calendar page ready, cold (empty cache)", "≤ 300 ms", cold);
        row("calendar page ready, warm (reload)", "≤ 300 ms", warm);
        row("instructor switch", "≤ 100 ms", switching);
        System.out.printf(Locale.ROOT, "%nPage weight of a cold load (uncompressed): %d requests; assets %.1f KiB; API answers %.1f KiB%n",
                requests.get(), assetBytes.get() / 1024.0, apiBytes.get() / 1024.0);
    }

    private static BrowserContext member(Browser browser, String baseUrl) {
        return DemoPages.signedIn(browser, baseUrl, Ui.DESKTOP, DemoPages.MEMBER, DemoPages.MEMBER_PASSWORD);
    }

    /** A few loads first, so the server's first-request costs (JIT, pools) are not measured. */
    private static void warmUpServer(Browser browser, String baseUrl) {
        for (int i = 0; i < 3; i++) {
            try (BrowserContext context = member(browser, baseUrl)) {
                Page page = context.newPage();
                page.navigate("/");
                ready(page);
            }
        }
    }

    /** Lets the background requests finish (the live stream never goes idle, so no "network idle"). */
    private static void settle(Page page) {
        page.waitForTimeout(2000);
    }

    /** Milliseconds from navigation start to the page's "calendar-ready" mark. */
    private static double ready(Page page) {
        DemoPages.calendarReady(page);
        return ((Number) page.evaluate("() => performance.getEntriesByName('calendar-ready')[0].startTime")).doubleValue();
    }

    private static void weigh(Response response, AtomicLong assets, AtomicLong api, AtomicLong requests) {
        if (response.url().contains("/api/stream")) {
            return; // endless
        }
        try {
            int size = response.body().length;
            requests.incrementAndGet();
            (response.url().contains("/api/") ? api : assets).addAndGet(size);
        } catch (RuntimeException e) {
            // a response without a body (204, a redirect)
        }
    }

    private static void row(String metric, String target, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %s | %.1f ms | %.1f ms | %.1f ms | %d |%n", metric, target,
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.get(0), sorted.size());
    }
}
