package studio.booking.api.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser-like client on the JDK {@link HttpClient}: keeps cookies (the session and
 * {@code XSRF-TOKEN}) and echoes the CSRF token in {@code X-XSRF-TOKEN} on state-changing requests,
 * as the web UI does.
 */
public class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private boolean echoCsrf = true;
    private String bearerToken;

    public ApiClient(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The answer of one request. */
    public record Response(int status, HttpResponse<String> raw) {

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        /** Asserts the status, showing the body when it differs. */
        public Response expect(int expected) {
            assertThat(status).as("HTTP status of %s %s; body: %s", raw.request().method(), raw.request().uri(),
                    raw.body()).isEqualTo(expected);
            return this;
        }

        /** Asserts an RFC 9457 problem with this status. */
        public JsonNode problem(int expected) {
            expect(expected);
            assertThat(contentType()).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("status").asInt()).isEqualTo(expected);
            return problem;
        }
    }

    /** Whether state-changing requests carry the CSRF header (default true). */
    public ApiClient echoCsrf(boolean echo) {
        this.echoCsrf = echo;
        return this;
    }

    /** Sends {@code Authorization: Bearer <token>} on every request (null: none). */
    public ApiClient bearer(String token) {
        this.bearerToken = token;
        return this;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    public ApiClient signIn(String email, String password) {
        post("/api/auth/login", Map.of("email", email, "password", password)).expect(204);
        return this;
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, "application/json");
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body, "application/json");
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    /**
     * A GET whose body is read line by line as it arrives (server-sent events); answers once the headers
     * are in.
     */
    public HttpResponse<Stream<String>> getLines(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/event-stream");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON POST whose length is not announced: the body travels in chunks. */
    public Response postChunked(String path, String json) {
        return send("POST", path, json, "application/json", true);
    }

    /** Any request; {@code body} is sent as is when a String, else as JSON. */
    public Response send(String method, String path, Object body, String contentType) {
        return send(method, path, body, contentType, false);
    }

    private Response send(String method, String path, Object body, String contentType, boolean chunked) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (!safe && echoCsrf) {
            cookie("XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        }
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        request.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(text))
                : HttpRequest.BodyPublishers.ofString(text));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
