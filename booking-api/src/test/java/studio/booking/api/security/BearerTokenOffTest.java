package studio.booking.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiTest;

import java.util.Map;

/** API.md, Conventions: with neither a secret nor a key set configured, no bearer token signs anyone in. */
@ApiTest
class BearerTokenOffTest {

    @Autowired
    Api api;

    @Test
    void a_bearer_token_is_not_accepted_when_no_issuer_is_configured() {
        Api.Member member = api.member("member_full");
        String token = Tokens.hs256(Tokens.claims(member.id().toString()));

        api.anonymous().bearer(token).get("/api/me").problem(401);
        api.anonymous().echoCsrf(false).bearer(token).post("/api/bookings", Map.of()).problem(401);
        member.client().bearer(token).get("/api/me").expect(200); // the session signs in, as before
    }
}
