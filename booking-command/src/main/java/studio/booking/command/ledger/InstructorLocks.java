package studio.booking.command.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The first step of the lock order (docs/architecture.md): a Postgres transaction-level advisory
 * lock on the instructor, held until the command's transaction ends, across all nodes sharing the
 * database. Shared for requests (they run side by side), exclusive for confirmations,
 * cancellations and availability changes.
 */
@Component
public class InstructorLocks {

    private final JdbcClient jdbc;

    public InstructorLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void shared(UUID instructorId) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock_shared(?)) l").param(key(instructorId))
                .query(Integer.class).single();
    }

    public void exclusive(UUID instructorId) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) l").param(key(instructorId))
                .query(Integer.class).single();
    }

    /** A bigint key from the UUID; a rare collision only serialises two instructors. */
    static long key(UUID id) {
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    }
}
