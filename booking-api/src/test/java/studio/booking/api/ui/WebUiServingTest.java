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
    private HttpResponse<String> fetch(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
                    .header("Accept", "*/*").build(), HttpResponse.BodyHandlers.ofString());
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

    @Test
    void the_page_and_its_client_routes_are_served_without_a_session() {
        String index = ok("/").body();
        assertThat(index).contains("<booking-app>", "type=\"importmap\"", "/app/main.js");
        for (String route : WebUiConfiguration.CLIENT_ROUTES) {
            HttpResponse<String> page = ok(route);
            assertThat(type(page)).startsWith("text/html");
            assertThat(page.body()).isEqualTo(index);
        }
        assertThat(type(ok("/favicon.svg"))).startsWith("image/svg+xml");
        ApiClient anonymous = api.anonymous();
        // other unknown paths stay problems, and the API still wants a session
        anonymous.get("/no-such-page").problem(404);
        anonymous.get("/api/me").problem(401);
    }

    @Test
    void every_module_of_the_import_map_and_of_the_app_is_served_as_javascript() {
        String index = ok("/").body();
        Matcher targets = Pattern.compile("\"(/webjars/[^\"]+\\.js)\"").matcher(index);
        int count = 0;
        while (targets.find()) {
            assertThat(type(ok(targets.group(1)))).contains("javascript");
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(4);
        for (String module : new String[]{"/app/main.js", "/app/api.js", "/app/live.js", "/app/time.js",
                "/app/components/lessons-page.js", "/app/components/booking-sheet.js"}) {
            assertThat(type(ok(module))).contains("javascript");
        }
        assertThat(type(ok("/app/app.css"))).startsWith("text/css");
    }

    @Test
    void the_ui_chain_covers_every_client_route_and_still_sends_the_security_headers() {
        org.assertj.core.api.Assertions.assertThat(java.util.List.of(WebUiSecurity.PATHS))
                .contains(WebUiConfiguration.CLIENT_ROUTES);
        HttpResponse<String> page = ok("/");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        // the files make no session
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(ok("/app/main.js").headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }
}
