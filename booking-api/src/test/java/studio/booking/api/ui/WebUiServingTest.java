package studio.booking.api.ui;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI is served to anyone (it signs in through the API), its client routes load the page, the import map resolves. */
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

    /** Every file the page names: its stylesheet, modules, import map targets. */
    private static List<String> filesOf(String page) {
        Matcher names = Pattern.compile("\"(/(?:app|webjars)/[^\"]+)\"").matcher(page);
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
        assertThat(index).contains("<booking-app>", "type=\"importmap\"").doesNotContain("{{");
        assertThat(index).containsPattern("src=\"/app/[0-9a-f]{12}/main.js\"");
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
        assertThat(files).anyMatch(f -> f.startsWith("/webjars/lit/3.")).anyMatch(f -> f.endsWith("/app.css"));
        for (String file : files.stream().filter(f -> !f.endsWith("/")).toList()) { // not the map's prefixes
            HttpResponse<String> response = ok(file);
            assertThat(type(response)).as(file).contains(file.endsWith(".css") ? "text/css" : "javascript");
            assertThat(cacheControl(response)).as(file).contains("max-age=31536000", "immutable");
        }
    }

    /** Staff's availability editor: imported when first shown. */
    private static final List<String> LOADED_ON_DEMAND = List.of("components/availability-page.js");

    @Test
    void the_page_preloads_every_module_of_the_app_but_the_ones_loaded_on_demand() throws IOException {
        List<String> named = filesOf(ok("/").body()).stream()
                .filter(f -> f.startsWith("/app/")).map(f -> f.substring(f.indexOf('/', "/app/".length()) + 1)).toList();
        Resource[] modules = new PathMatchingResourcePatternResolver().getResources("classpath:/static/app/**/*.js");
        assertThat(modules).isNotEmpty();
        for (Resource module : modules) {
            String uri = module.getURI().toString();
            // a module missing from the preload list is fetched only when its importer has arrived
            String path = uri.substring(uri.lastIndexOf("static/app/") + "static/app/".length());
            if (LOADED_ON_DEMAND.contains(path)) {
                assertThat(named).doesNotContain(path);
            } else {
                assertThat(named).contains(path);
            }
        }
    }

    @Test
    void the_page_allows_its_own_scripts_and_inline_ones_by_hash_only() throws Exception {
        HttpResponse<String> page = ok("/");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        String scripts = policy.substring(policy.indexOf("script-src")).split(";")[0];
        assertThat(scripts).startsWith("script-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(policy).contains("style-src 'self';", "object-src 'none'", "frame-ancestors 'none'");
        Matcher inline = WebUiPage.INLINE_SCRIPT.matcher(page.body());
        int count = 0;
        while (inline.find()) {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(inline.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(scripts).contains("'sha256-" + java.util.Base64.getEncoder().encodeToString(hash) + "'");
            count++;
        }
        assertThat(count).as("the import map and the early asks").isEqualTo(2);
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
        String main = filesOf(page.body()).stream().filter(f -> f.endsWith("/main.js")).findFirst().orElseThrow();
        assertThat(ok(main).headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }
}
