package studio.booking.api.ui;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import org.webjars.WebJarVersionLocator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** axe-core (from its WebJar) run in the page: the serious and critical violations it finds. */
final class Axe {

    private static final String SCRIPT = load();

    private Axe() {
    }

    private static String load() {
        String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
        try (InputStream in = path == null ? null : Axe.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core WebJar missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "rule: impact: help (targets)" for each serious or critical violation on the page as it is now. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Page page) {
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            // the page's Content-Security-Policy allows scripts of its own origin only: axe comes from there
            URI at = URI.create(page.url());
            String url = at.getScheme() + "://" + at.getAuthority() + "/test-only/axe.min.js";
            page.route(url, route -> route.fulfill(new Route.FulfillOptions().setContentType("text/javascript").setBody(SCRIPT)));
            page.addScriptTag(new Page.AddScriptTagOptions().setUrl(url));
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { resultTypes: ['violations'] });
                  return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', ') }));
                }
                """);
        return violations.stream()
                .map(v -> v.get("id") + ": " + v.get("impact") + ": " + v.get("help") + " (" + v.get("targets") + ")")
                .toList();
    }
}
