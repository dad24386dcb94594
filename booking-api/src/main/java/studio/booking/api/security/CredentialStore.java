package studio.booking.api.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Password hashes (table {@code member_credentials}): the API's own data, never events. */
@Repository
public class CredentialStore {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public CredentialStore(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Sets (or replaces) a member's password, hashing it. */
    public void setPassword(UUID memberId, String rawPassword) {
        jdbc.sql("""
                        INSERT INTO member_credentials (member_id, password_hash, updated_at) VALUES (:id, :hash, :at)
                        ON CONFLICT (member_id) DO UPDATE SET password_hash = EXCLUDED.password_hash,
                                                              updated_at = EXCLUDED.updated_at
                        """)
                .param("id", memberId)
                .param("hash", encoder.encode(rawPassword))
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    public Optional<String> passwordHash(UUID memberId) {
        return jdbc.sql("SELECT password_hash FROM member_credentials WHERE member_id = :id")
                .param("id", memberId)
                .query(String.class)
                .optional();
    }
}
