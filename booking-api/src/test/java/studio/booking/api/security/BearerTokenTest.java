package studio.booking.api.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jwt.PlainJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import studio.booking.api.support.EventStream;
import studio.booking.api.support.MutableClock;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.list;
import static studio.booking.api.support.Lessons.request;
import static studio.booking.api.support.Lessons.windowAndSlots;

/**
 * API.md, Conventions: {@code Authorization: Bearer <JWT>} with both a shared HS256 secret and a
 * JWKS URL configured (served here by a JDK HTTP server with a fresh RSA key), issuer enforced. One
 * Spring context for every bearer case.
 */
@ApiTest
@TestPropertySource(properties = {
        "booking.security.jwt.hmac-secret=" + Tokens.SECRET,
        "booking.security.jwt.issuer=" + Tokens.ISSUER,
})
class BearerTokenTest {

    private static final RSAKey PUBLISHED_KEY = Tokens.rsaKey("published-key");
    private static final HttpServer JWKS = serve(new JWKSet(PUBLISHED_KEY.toPublicJWK()).toString());

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("booking.security.jwt.jwks-uri", () -> "http://127.0.0.1:" + JWKS.getAddress().getPort()
                + "/auth/v1/.well-known/jwks.json");
    }

    @AfterAll
    static void stopJwks() {
        JWKS.stop(0);
    }

    @Autowired
    Api api;

    private ApiClient bearer(String token) {
        // no cookies to echo: a bearer client sends no CSRF token
        return api.anonymous().echoCsrf(false).bearer(token);
    }

    private static void rejected(ApiClient.Response response) {
        JsonNode problem = response.problem(401);
        assertThat(problem.path("detail").asString()).startsWith("Invalid bearer token");
        assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    }

    @Test
    void an_hs256_token_signs_in_the_member_named_by_sub_and_changes_state_without_csrf() {
        Api.Member member = api.member("member_full");
        Api.Member instructor = api.instructor();
        JsonNode slot = windowAndSlots(api, instructor, inDays(5), "10:00", "11:00", 60).get(0);
        ApiClient client = bearer(Tokens.hs256(Tokens.claims(member.id().toString())));

        ApiClient.Response me = client.get("/api/me").expect(200);
        assertThat(me.json().path("id").asString()).isEqualTo(member.id().toString());
        assertThat(me.json().path("role").asString()).isEqualTo("member_full");
        assertThat(me.raw().headers().allValues("Set-Cookie")).as("stateless: no session")
                .noneMatch(c -> c.startsWith("JSESSIONID"));

        String bookingId = client.post("/api/bookings", request(instructor.id(), slot)).expect(201).json()
                .path("booking_id").asString();
        JsonNode requested = list(client.get("/api/bookings/" + bookingId + "/history").expect(200).json()
                .path("events")).get(0);
        assertThat(requested.path("actor_id").asString()).isEqualTo(member.id().toString());
        assertThat(requested.path("actor_name").asString()).isEqualTo(me.json().path("display_name").asString());
        client.get("/api/members").problem(403);
    }

    @Test
    void R1_a_bearer_client_holds_a_stream_that_ends_when_its_member_is_deactivated() {
        Api.Member member = api.member("member_full");
        Api.Member instructor = api.instructor();
        ApiClient client = bearer(Tokens.hs256(Tokens.claims(member.id().toString())));
        try (EventStream stream = EventStream.open(client)) {
            api.window(instructor.client(), instructor.id(), 3, "10:00", "11:00", 60);
            stream.await("availability", json -> json.path("instructor_id").asString()
                    .equals(instructor.id().toString()));
            api.owner().patch("/api/members/" + member.id(), Map.of("active", false)).expect(200);
            stream.awaitEnd();
        }
        rejected(client.get("/api/stream"));
    }

    /** Like a session's end, a token's: its stream ends once the token is no longer accepted. */
    @Test
    void R1_a_bearer_clients_stream_ends_when_its_token_expires() {
        Api.Member member = api.member("member_full");
        Instant now = MutableClock.INSTANCE.instant();
        MutableClock.INSTANCE.pin(now); // the token is judged on the application's clock, held still here
        // expired 58 s ago: accepted for another 2 s of the validator's 60 s of clock skew
        ApiClient client = bearer(Tokens.hs256(Tokens.claims(member.id().toString())
                .issueTime(Date.from(now.minus(Duration.ofHours(1)))).expirationTime(Date.from(now.minusSeconds(58)))));
        client.get("/api/me").expect(200);
        try (EventStream stream = EventStream.open(client)) {
            stream.awaitEnd(); // the stream's own end, 2 s of real time after it opened
        }
        MutableClock.INSTANCE.pin(now.plusSeconds(3));
        rejected(client.get("/api/me"));
    }

    @Test
    void the_owners_token_carries_the_owners_authority() {
        String ownerId = api.owner().get("/api/me").expect(200).json().path("id").asString();
        ApiClient owner = bearer(Tokens.hs256(Tokens.claims(ownerId)));

        owner.get("/api/members").expect(200);
        owner.post("/api/members", Map.of("email", Api.uniqueEmail("by-token"), "display_name", "By Token",
                "role", "member_full", "password", Api.PASSWORD)).expect(201);
    }

    @Test
    void sub_may_be_the_members_email_in_any_case() {
        Api.Member member = api.member("member_limited");

        JsonNode me = bearer(Tokens.hs256(Tokens.claims(member.email().toUpperCase(Locale.ROOT))))
                .get("/api/me").expect(200).json();

        assertThat(me.path("id").asString()).isEqualTo(member.id().toString());
    }

    @Test
    void a_forged_signature_is_401() {
        Api.Member member = api.member("member_full");
        String forged = Tokens.hs256("another-secret-that-is-also-32-bytes-long", Tokens.claims(member.id().toString()));

        rejected(bearer(forged).get("/api/me"));
        rejected(bearer(forged).post("/api/bookings", Map.of()));
    }

    @Test
    void an_expired_not_yet_valid_or_unlimited_token_is_401() {
        String subject = api.member("member_full").id().toString();
        Date now = Date.from(MutableClock.INSTANCE.instant());

        rejected(bearer(Tokens.hs256(Tokens.claims(subject)
                .issueTime(Date.from(now.toInstant().minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.toInstant().minus(Duration.ofMinutes(5)))))).get("/api/me"));
        rejected(bearer(Tokens.hs256(Tokens.claims(subject)
                .notBeforeTime(Date.from(now.toInstant().plus(Duration.ofMinutes(5)))))).get("/api/me"));
        rejected(bearer(Tokens.hs256(Tokens.claims(subject).expirationTime(null))).get("/api/me"));
    }

    @Test
    void a_token_of_another_issuer_or_of_none_is_401() {
        String subject = api.member("member_full").id().toString();

        rejected(bearer(Tokens.hs256(Tokens.claims(subject).issuer("https://other.supabase.co/auth/v1")))
                .get("/api/me"));
        rejected(bearer(Tokens.hs256(Tokens.claims(subject).issuer(null))).get("/api/me"));
    }

    @Test
    void a_subject_that_is_no_member_is_401() {
        rejected(bearer(Tokens.hs256(Tokens.claims(UUID.randomUUID().toString()))).get("/api/me"));
        rejected(bearer(Tokens.hs256(Tokens.claims("nobody@api-test.studio"))).get("/api/me"));
        rejected(bearer(Tokens.hs256(Tokens.claims(null))).get("/api/me"));
    }

    @Test
    void an_inactive_members_token_is_401_until_they_are_active_again() {
        Api.Member member = api.member("member_full");
        ApiClient client = bearer(Tokens.hs256(Tokens.claims(member.id().toString())));
        client.get("/api/me").expect(200);

        api.owner().patch("/api/members/" + member.id(), Map.of("active", false)).expect(200);
        rejected(client.get("/api/me"));

        api.owner().patch("/api/members/" + member.id(), Map.of("active", true)).expect(200);
        client.get("/api/me").expect(200);
    }

    @Test
    void a_token_signed_with_a_key_of_the_jwks_signs_in() {
        Api.Member member = api.member("member_full");

        JsonNode me = bearer(Tokens.rs256(PUBLISHED_KEY, Tokens.claims(member.id().toString()))).get("/api/me")
                .expect(200).json();

        assertThat(me.path("id").asString()).isEqualTo(member.id().toString());
    }

    @Test
    void a_token_signed_with_a_key_not_in_the_jwks_is_401() {
        String subject = api.member("member_full").id().toString();

        rejected(bearer(Tokens.rs256(Tokens.rsaKey("published-key"), Tokens.claims(subject))).get("/api/me"));
        rejected(bearer(Tokens.rs256(Tokens.rsaKey("unknown-key"), Tokens.claims(subject))).get("/api/me"));
    }

    @Test
    void malformed_and_unsigned_tokens_are_401() {
        String subject = api.member("member_full").id().toString();

        rejected(bearer("not-a-jwt").get("/api/me"));
        rejected(bearer(new PlainJWT(new PlainHeader(), Tokens.claims(subject).build()).serialize()).get("/api/me"));
    }

    @Test
    void a_session_still_needs_its_csrf_token_when_bearer_tokens_are_on() {
        ApiClient owner = api.owner().echoCsrf(false);
        Map<String, Object> body = Map.of("email", Api.uniqueEmail("session"), "display_name", "Session",
                "role", "member_full", "password", Api.PASSWORD);

        assertThat(owner.post("/api/members", body).problem(403).path("detail").asString()).contains("CSRF");
        owner.echoCsrf(true).post("/api/members", body).expect(201);
    }

    private static HttpServer serve(String jwkSet) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/auth/v1/.well-known/jwks.json", exchange -> {
                byte[] body = jwkSet.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
