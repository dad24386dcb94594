package studio.booking.api.ui;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI is served to anyone (it signs in through the API), its client routes load the page, its one bundle holds the app. */
@ApiTest
class WebUiServingTest {

    @Autowired
    Api api;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A browser's GET: any content type accepted. */
    private HttpResponse<String> fetch(String path, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
                    .header("Accept", "*/*");
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> ok(String path) {
        HttpResponse<String> response = fetch(path);
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response;
    }

    private static String type(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static String cacheControl(HttpResponse<String> response) {
        return response.headers().firstValue("Cache-Control").orElse("");
    }

    /** Every file the page names: its stylesheet and its script. */
    private static List<String> filesOf(String page) {
        Matcher names = Pattern.compile("\"(/app/[^\"]+)\"").matcher(page);
        List<String> files = new ArrayList<>();
        while (names.find()) {
            files.add(names.group(1));
        }
        return files;
    }

    @Test
    void the_page_and_its_client_routes_are_served_without_a_session_and_revalidated() {
        HttpResponse<String> first = ok("/");
        String index = first.body();
        assertThat(index).contains("<booking-app>").doesNotContain("{{", "importmap", "/webjars/");
        assertThat(index).containsPattern("src=\"/app/[0-9a-f]{12}/bundle.js\"");
        assertThat(cacheControl(first)).isEqualTo("no-cache");
        for (String route : WebUiPage.CLIENT_ROUTES) {
            HttpResponse<String> page = ok(route);
            assertThat(type(page)).startsWith("text/html");
            assertThat(page.body()).isEqualTo(index);
        }
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(fetch("/", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(type(ok("/favicon.svg"))).startsWith("image/svg+xml");
        ApiClient anonymous = api.anonymous();
        // other unknown paths stay problems, and the API still wants a session
        anonymous.get("/no-such-page").problem(404);
        anonymous.get("/api/me").problem(401);
    }

    @Test
    void every_file_the_page_names_is_served_and_cached_for_good() {
        List<String> files = filesOf(ok("/").body());
        assertThat(files).hasSize(2).anyMatch(f -> f.endsWith("/bundle.js")).anyMatch(f -> f.endsWith("/app.css"));
        for (String file : files) {
            HttpResponse<String> response = ok(file);
            assertThat(type(response)).as(file).contains(file.endsWith(".css") ? "text/css" : "javascript");
            assertThat(cacheControl(response)).as(file).contains("max-age=31536000", "immutable");
        }
    }

    /**
     * The build bundles src/main/web and Lit into one module (booking-api/pom.xml): every component
     * of the app is defined in it, it imports nothing more, and its source map is served beside it.
     */
    @Test
    void the_bundle_defines_every_component_of_the_app_and_imports_nothing() throws IOException {
        String bundlePath = filesOf(ok("/").body()).stream().filter(f -> f.endsWith("/bundle.js")).findFirst().orElseThrow();
        String bundle = ok(bundlePath).body();
        List<Path> components;
        try (Stream<Path> files = Files.list(Path.of("src/main/web/components"))) {
            components = files.filter(f -> f.toString().endsWith(".js")).toList();
        }
        assertThat(components).hasSizeGreaterThan(5);
        Pattern define = Pattern.compile("customElements\\.define\\('([a-z-]+)'");
        for (Path component : components) {
            Matcher name = define.matcher(Files.readString(component));
            assertThat(name.find()).as("%s defines an element", component).isTrue();
            assertThat(bundle).as(component.toString()).contains("customElements.define(\"" + name.group(1) + "\"");
        }
        assertThat(bundle).doesNotContainPattern("(^|[;}\\s])import\\s*[{(\"'*]").contains("litHtmlVersions", "litElementVersions", "reactiveElementVersions"); // Lit is in it
        assertThat(bundle).endsWith("//# sourceMappingURL=bundle.js.map" + System.lineSeparator());
        assertThat(ok(bundlePath + ".map").body()).contains("\"sources\"", "app/components/booking-app.js");
    }

    @Test
    void the_page_allows_its_own_scripts_and_inline_ones_by_hash_only() throws Exception {
        HttpResponse<String> page = ok("/");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        String scripts = policy.substring(policy.indexOf("script-src")).split(";")[0];
        assertThat(scripts).startsWith("script-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(policy).contains("style-src 'self';", "object-src 'none'", "frame-ancestors 'none'");
        // an avatar may be any http(s) address (avatar_url): the page shows every one it may be given
        assertThat(policy).contains("img-src 'self' data: http: https:;");
        Matcher inline = WebUiPage.INLINE_SCRIPT.matcher(page.body());
        int count = 0;
        while (inline.find()) {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(inline.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(scripts).contains("'sha256-" + java.util.Base64.getEncoder().encodeToString(hash) + "'");
            count++;
        }
        assertThat(count).as("the early asks").isEqualTo(1);
    }

    @Test
    void the_ui_chain_covers_every_client_route_and_still_sends_the_security_headers() {
        org.assertj.core.api.Assertions.assertThat(java.util.List.of(WebUiSecurity.PATHS))
                .contains(WebUiPage.CLIENT_ROUTES);
        HttpResponse<String> page = ok("/");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        // the files make no session
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        String bundle = filesOf(page.body()).stream().filter(f -> f.endsWith("/bundle.js")).findFirst().orElseThrow();
        assertThat(ok(bundle).headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }
}
