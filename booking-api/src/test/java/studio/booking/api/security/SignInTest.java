package studio.booking.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md, Conventions: sign-in, sign-out, /api/me, 401 and CSRF. */
@ApiTest
class SignInTest {

    @Autowired
    Api api;

    @Test
    void sign_in_answers_204_sets_the_session_and_the_xsrf_cookie() {
        ApiClient client = api.anonymous();
        ApiClient.Response response = client.post("/api/auth/login",
                Map.of("email", Api.OWNER_EMAIL, "password", Api.OWNER_PASSWORD)).expect(204);

        assertThat(response.raw().headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
        assertThat(client.cookie("XSRF-TOKEN")).isPresent();
        JsonNode me = client.get("/api/me").expect(200).json();
        assertThat(me.path("email").asString()).isEqualTo(Api.OWNER_EMAIL);
        assertThat(me.path("role").asString()).isEqualTo("owner");
        assertThat(me.has("display_name")).isTrue();
        assertThat(me.path("time_zone").asString()).isEqualTo("America/New_York");
    }

    @Test
    void me_shows_id_email_display_name_role_and_time_zone() {
        Api.Member member = api.member("member_full", Map.of("time_zone", "Europe/Berlin"));

        JsonNode me = member.client().get("/api/me").expect(200).json();

        assertThat(me.path("id").asString()).isEqualTo(member.id().toString());
        assertThat(me.path("email").asString()).isEqualTo(member.email());
        assertThat(me.path("role").asString()).isEqualTo("member_full");
        assertThat(me.path("time_zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(me.path("display_name").asString()).startsWith("Test member_full");
    }

    @Test
    void sign_in_with_an_xsrf_cookie_already_held_issues_a_fresh_token_that_works() {
        ApiClient client = api.anonymous();
        client.get("/api/me").problem(401); // an anonymous request hands out a token first
        String before = client.cookie("XSRF-TOKEN").orElseThrow();

        client.signIn(Api.OWNER_EMAIL, Api.OWNER_PASSWORD);

        assertThat(client.cookie("XSRF-TOKEN")).get().asString().isNotEmpty().isNotEqualTo(before);
        client.post("/api/members", Map.of("email", Api.uniqueEmail("fresh-token"),
                "display_name", "Fresh Token", "role", "member_full", "password", Api.PASSWORD)).expect(201);
    }

    @Test
    void sign_in_again_in_a_signed_in_session_keeps_a_working_token() {
        ApiClient client = api.anonymous().signIn(Api.OWNER_EMAIL, Api.OWNER_PASSWORD);

        client.signIn(Api.OWNER_EMAIL, Api.OWNER_PASSWORD);

        client.post("/api/members", Map.of("email", Api.uniqueEmail("again"),
                "display_name", "Signed In Again", "role", "member_full", "password", Api.PASSWORD)).expect(201);
    }

    @Test
    void a_wrong_password_or_unknown_email_is_a_401_problem() {
        JsonNode problem = api.anonymous().post("/api/auth/login",
                Map.of("email", Api.OWNER_EMAIL, "password", "not-the-password")).problem(401);
        assertThat(problem.path("detail").asString()).isEqualTo("Invalid email or password");

        api.anonymous().post("/api/auth/login", Map.of("email", "nobody@api-test.studio", "password", "whatever-1"))
                .problem(401);
    }

    @Test
    void not_signed_in_is_a_401_problem_not_a_redirect() {
        ApiClient anonymous = api.anonymous();
        assertThat(anonymous.get("/api/me").problem(401).path("detail").asString()).isEqualTo("Not authenticated");
        anonymous.get("/api/bookings").problem(401);
        anonymous.get("/api/instructors").problem(401);
    }

    @Test
    void sign_out_ends_the_session() {
        ApiClient owner = api.owner();
        owner.get("/api/me").expect(200);

        owner.post("/api/auth/logout", null).expect(204);

        owner.get("/api/me").problem(401);
    }

    @Test
    void a_state_change_without_the_csrf_token_is_403() {
        ApiClient owner = api.owner().echoCsrf(false);

        JsonNode problem = owner.post("/api/members", Map.of("email", Api.uniqueEmail("csrf"),
                "display_name", "No Token", "role", "member_full", "password", Api.PASSWORD)).problem(403);
        assertThat(problem.path("detail").asString()).contains("CSRF");

        owner.echoCsrf(true).post("/api/members", Map.of("email", Api.uniqueEmail("csrf"),
                "display_name", "With Token", "role", "member_full", "password", Api.PASSWORD)).expect(201);
    }

    @Test
    void any_get_sets_the_xsrf_cookie() {
        ApiClient anonymous = api.anonymous();
        anonymous.get("/api/me");
        assertThat(anonymous.cookie("XSRF-TOKEN")).isPresent();
    }

    @Test
    void an_inactive_member_cannot_sign_in_and_their_open_session_ends() {
        Api.Member member = api.member("member_full");
        member.client().get("/api/me").expect(200);

        api.owner().patch("/api/members/" + member.id(), Map.of("active", false)).expect(200);

        member.client().get("/api/me").problem(401);
        api.anonymous().post("/api/auth/login", Map.of("email", member.email(), "password", Api.PASSWORD))
                .problem(401);

        api.owner().patch("/api/members/" + member.id(), Map.of("active", true)).expect(200);
        api.anonymous().signIn(member.email(), Api.PASSWORD).get("/api/me").expect(200);
    }

    @Test
    void a_role_change_takes_effect_on_the_next_request() {
        Api.Member member = api.member("member_full");
        member.client().get("/api/members").problem(403);

        api.owner().patch("/api/members/" + member.id(), Map.of("role", "owner")).expect(200);

        assertThat(member.client().get("/api/me").expect(200).json().path("role").asString()).isEqualTo("owner");
        member.client().get("/api/members").expect(200);
    }

    @Test
    void a_changed_password_is_the_one_that_signs_in() {
        Api.Member member = api.member("member_limited");

        api.owner().patch("/api/members/" + member.id(), Map.of("password", "a-new-password")).expect(200);

        api.anonymous().post("/api/auth/login", Map.of("email", member.email(), "password", Api.PASSWORD))
                .problem(401);
        api.anonymous().signIn(member.email(), "a-new-password");
    }
}
