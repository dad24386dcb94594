package studio.booking.api.security;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import studio.booking.api.config.BookingProperties;

import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The decoder of {@code Authorization: Bearer} JWTs (API.md, Conventions), from
 * {@code booking.security.jwt.*}: HS256 with a shared secret, public keys from a JWKS URL, or both at
 * once (a token's {@code alg} picks the key: Supabase projects moving from the legacy secret to signing
 * keys accept both for a while). Every token needs {@code exp} (and honours {@code nbf}), checked on the
 * application's clock with {@link #CLOCK_SKEW} of skew; {@code iss} must match when configured.
 */
final class BearerTokens {

    static final String HMAC_SECRET = "booking.security.jwt.hmac-secret";
    static final String JWKS_URI = "booking.security.jwt.jwks-uri";
    private static final int MIN_SECRET_BYTES = 32;
    /** How long after its {@code exp} a token is still accepted (Spring's default), for clocks that differ. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private BearerTokens() {
    }

    /** Empty when neither a secret nor a key set is configured: bearer tokens are then not accepted. */
    static Optional<JwtDecoder> decoder(BookingProperties.Jwt config, Clock clock) {
        String secret = text(config.hmacSecret());
        String jwksUri = text(config.jwksUri());
        if (secret == null && jwksUri == null) {
            return Optional.empty();
        }
        OAuth2TokenValidator<Jwt> validator = validator(text(config.issuer()), clock);
        NimbusJwtDecoder hmac = secret == null ? null : hmac(secret, validator);
        NimbusJwtDecoder keys = jwksUri == null ? null : jwks(jwksUri, validator);
        return Optional.of(token -> {
            Algorithm alg = algorithm(token);
            NimbusJwtDecoder decoder = JWSAlgorithm.Family.HMAC_SHA.contains(alg) ? hmac : keys;
            if (decoder == null) {
                throw new BadJwtException("Tokens signed with " + alg + " are not accepted here");
            }
            return decoder.decode(token);
        });
    }

    private static NimbusJwtDecoder hmac(String secret, OAuth2TokenValidator<Jwt> validator) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            // never echo the secret itself
            throw new IllegalStateException(HMAC_SECRET + " is too short for HS256: it needs at least 256 bits ("
                    + MIN_SECRET_BYTES + " bytes as UTF-8), it has " + key.length + " bytes");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private static NimbusJwtDecoder jwks(String uri, OAuth2TokenValidator<Jwt> validator) {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(JWKS_URI + " is not a URL: " + uri, e);
        }
        if (!"https".equalsIgnoreCase(parsed.getScheme()) && !"http".equalsIgnoreCase(parsed.getScheme())) {
            throw new IllegalStateException(JWKS_URI + " must be an http(s) URL: " + uri);
        }
        // the keys are fetched (and cached) on the first token, not at start: the issuer may be down now
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(uri)
                .jwsAlgorithms(algorithms -> algorithms.addAll(EnumSet.allOf(SignatureAlgorithm.class)))
                .build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        timestamps.setAllowEmptyExpiryClaim(false);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(timestamps));
        if (issuer != null) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static Algorithm algorithm(String token) {
        try {
            return JWTParser.parse(token).getHeader().getAlgorithm();
        } catch (ParseException e) {
            throw new BadJwtException("Malformed token: " + e.getMessage(), e);
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
