package studio.booking.api.security;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import studio.booking.api.config.BookingProperties;
import studio.booking.api.support.MutableClock;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@code booking.security.jwt.*} becomes a decoder: start-up checks, algorithms, the clock. */
class BearerTokensTest {

    private static final Clock NOW = MutableClock.INSTANCE;

    @Test
    void nothing_configured_means_no_bearer_tokens() {
        assertThat(BearerTokens.decoder(new BookingProperties.Jwt(null, null, null), NOW)).isEmpty();
        assertThat(BearerTokens.decoder(new BookingProperties.Jwt(" ", "", Tokens.ISSUER), NOW)).isEmpty();
    }

    @Test
    void a_secret_shorter_than_256_bits_stops_the_start_without_showing_it() {
        String shortSecret = "only-thirty-one-bytes-long-abcd";

        assertThatThrownBy(() -> BearerTokens.decoder(new BookingProperties.Jwt(shortSecret, null, null), NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("booking.security.jwt.hmac-secret")
                .hasMessageContaining("256 bits")
                .hasMessageContaining("31 bytes")
                .hasMessageNotContaining(shortSecret);
        assertThat(BearerTokens.decoder(new BookingProperties.Jwt(shortSecret + "e", null, null), NOW)).isPresent();
    }

    @Test
    void a_jwks_uri_must_be_an_http_url() {
        assertThatThrownBy(() -> BearerTokens.decoder(new BookingProperties.Jwt(null, "file:///etc/keys", null), NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("booking.security.jwt.jwks-uri");
    }

    @Test
    void with_only_a_secret_a_token_signed_with_a_key_pair_is_refused() {
        JwtDecoder decoder = BearerTokens.decoder(new BookingProperties.Jwt(Tokens.SECRET, null, null), NOW)
                .orElseThrow();
        RSAKey key = Tokens.rsaKey("k");

        assertThat(decoder.decode(Tokens.hs256(Tokens.claims("someone"))).getSubject()).isEqualTo("someone");
        assertThatThrownBy(() -> decoder.decode(Tokens.rs256(key, Tokens.claims("someone"))))
                .isInstanceOf(BadJwtException.class).hasMessageContaining("RS256");
    }

    @Test
    void with_only_a_jwks_uri_an_hs256_token_is_refused() {
        JwtDecoder decoder = BearerTokens.decoder(
                new BookingProperties.Jwt(null, "https://test-project.supabase.co/auth/v1/.well-known/jwks.json", null),
                NOW).orElseThrow();

        assertThatThrownBy(() -> decoder.decode(Tokens.hs256(Tokens.claims("someone"))))
                .isInstanceOf(BadJwtException.class).hasMessageContaining("HS256");
    }

    @Test
    void expiry_is_judged_on_the_applications_clock() {
        String token = Tokens.hs256(Tokens.claims("someone"));
        Clock twoHoursLater = Clock.offset(Clock.fixed(NOW.instant(), ZoneOffset.UTC), Duration.ofHours(2));

        assertThat(BearerTokens.decoder(new BookingProperties.Jwt(Tokens.SECRET, null, null), NOW).orElseThrow()
                .decode(token).getSubject()).isEqualTo("someone");
        assertThatThrownBy(() -> BearerTokens.decoder(new BookingProperties.Jwt(Tokens.SECRET, null, null),
                twoHoursLater).orElseThrow().decode(token))
                .isInstanceOf(BadJwtException.class).hasMessageContaining("expired");
    }
}
