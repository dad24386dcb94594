package studio.booking.command.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The first step of the lock order (docs/architecture.md): a Postgres transaction-level advisory
 * lock on the instructor, held until the command's transaction ends, across all nodes sharing the
 * database. Shared for requests (they run side by side), exclusive for confirmations,
 * cancellations and availability changes. A request also takes its member's exclusive lock, so
 * one member's requests run one at a time (B1: exact pending limit, one booking per double click).
 */
@Component
public class InstructorLocks {

    /**
     * Members are locked in the two-key space of advisory locks, which never meets the one-key space of
     * instructors: an instructor who books a lesson as a member does not lock their own schedule.
     */
    static final int MEMBER_KEY_SPACE = 1;

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

    /**
     * A lesson request, in one round trip: the instructor's lock shared, then the member's exclusive
     * (the lock order: instructor first). Without a member (no signed-in actor) only the instructor's.
     */
    public void request(UUID instructorId, UUID memberId) {
        if (memberId == null) {
            shared(instructorId);
            return;
        }
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock_shared(?), pg_advisory_xact_lock(?, ?)) l")
                .params(key(instructorId), MEMBER_KEY_SPACE, memberKey(memberId))
                .query(Integer.class).single();
    }

    /** A bigint key from the UUID; a rare collision only serialises two instructors. */
    static long key(UUID id) {
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    }

    /** An int key from the UUID; a rare collision only serialises two members' requests. */
    static int memberKey(UUID id) {
        return Long.hashCode(key(id));
    }
}
