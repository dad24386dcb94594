package studio.booking.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import studio.booking.api.support.MutableClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Signed JWTs for the bearer tests, as an issuer such as Supabase Auth would make them. */
final class Tokens {

    static final String ISSUER = "https://test-project.supabase.co/auth/v1";
    static final String SECRET = "a-supabase-style-jwt-secret-of-at-least-32-characters";

    private Tokens() {
    }

    /** Claims of a token valid for an hour from now (the application's clock), issued by {@link #ISSUER}. */
    static JWTClaimsSet.Builder claims(String subject) {
        Instant now = MutableClock.INSTANCE.instant();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience("authenticated")
                .claim("role", "authenticated")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    static String hs256(String secret, JWTClaimsSet.Builder claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims,
                signed -> signed.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8))));
    }

    static String hs256(JWTClaimsSet.Builder claims) {
        return hs256(SECRET, claims);
    }

    static String rs256(RSAKey key, JWTClaimsSet.Builder claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims, signed -> signed.sign(new RSASSASigner(key)));
    }

    static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Signing {
        void sign(SignedJWT jwt) throws JOSEException;
    }

    private static String sign(JWSHeader header, JWTClaimsSet.Builder claims, Signing signing) {
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            signing.sign(jwt);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
