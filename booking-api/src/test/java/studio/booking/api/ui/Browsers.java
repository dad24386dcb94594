package studio.booking.api.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Playwright and one Chromium for the whole test run (started on first use, closed at the
 * end); each test gets a fresh {@link Ui} whose browser contexts are closed, and checked for
 * console errors, after it. Playwright never downloads a browser: it drives the system's Chromium
 * ({@code BOOKING_CHROMIUM}, default /usr/bin/chromium; on Debian: apt-get install -y chromium).
 */
public class Browsers implements ParameterResolver, AfterEachCallback {

    public static final List<String> CHROMIUM_ARGS =
            List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browsers.class);

    /** Playwright and its browser, closed when the root context (the test run) closes. */
    static final class Shared implements AutoCloseable {
        final Playwright playwright;
        final Browser browser;

        Shared() {
            // a shared 2-core machine: what the UI shows may take longer than Playwright's 5 s default
            PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
            this.playwright = createPlaywright();
            this.browser = launch(playwright);
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }

    public static Playwright createPlaywright() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        return Playwright.create(new Playwright.CreateOptions().setEnv(env));
    }

    public static Browser launch(Playwright playwright) {
        Path chromium = Path.of(System.getenv().getOrDefault("BOOKING_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("No Chromium at " + chromium
                    + ": install it (Debian: apt-get install -y chromium) or set BOOKING_CHROMIUM");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium).setHeadless(true).setArgs(CHROMIUM_ARGS));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Ui.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Shared shared = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Shared.class, k -> new Shared(),
                Shared.class);
        String port = SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port");
        Ui ui = new Ui(shared.browser, "http://localhost:" + port);
        context.getStore(NAMESPACE).put(Ui.class, ui);
        return ui;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Ui ui = context.getStore(NAMESPACE).remove(Ui.class, Ui.class);
        if (ui != null) {
            if (context.getExecutionException().isPresent()) {
                ui.screenshots(Path.of("target", "ui-failures"), context.getRequiredTestMethod().getName());
            }
            ui.close();
        }
    }
}
