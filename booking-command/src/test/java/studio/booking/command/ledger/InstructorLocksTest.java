package studio.booking.command.ledger;

import org.junit.jupiter.api.Test;
import studio.booking.command.support.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The advisory locks of the lock order, seen from a second connection while a transaction holds them. */
class InstructorLocksTest {

    private final InstructorLocks locks = new InstructorLocks(TestDatabase.jdbc());
    private final UUID instructor = UUID.randomUUID();

    private static boolean tryLock(String function, long key) throws Exception {
        return tryLock("SELECT " + function + "(?)", key, null);
    }

    private static boolean tryMemberLock(UUID member) throws Exception {
        return tryLock("SELECT pg_try_advisory_xact_lock(?, ?)", InstructorLocks.MEMBER_KEY_SPACE,
                InstructorLocks.memberKey(member));
    }

    private static boolean tryLock(String sql, long key, Integer second) throws Exception {
        try (Connection other = TestDatabase.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement st = other.prepareStatement(sql)) {
                if (second == null) {
                    st.setLong(1, key);
                } else {
                    st.setInt(1, (int) key);
                    st.setInt(2, second);
                }
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            } finally {
                other.rollback(); // releases what it got: the locks are transaction-level
            }
        }
    }

    @Test
    void exclusive_lock_excludes_everyone_until_the_transaction_ends() throws Exception {
        long key = InstructorLocks.key(instructor);
        TestDatabase.transactions().executeWithoutResult(tx -> {
            locks.exclusive(instructor);
            try {
                assertThat(tryLock("pg_try_advisory_xact_lock_shared", key)).isFalse();
                assertThat(tryLock("pg_try_advisory_xact_lock", key)).isFalse();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(tryLock("pg_try_advisory_xact_lock", key)).isTrue();
    }

    @Test
    void shared_locks_let_requests_run_side_by_side_but_not_a_confirmation() throws Exception {
        long key = InstructorLocks.key(instructor);
        TestDatabase.transactions().executeWithoutResult(tx -> {
            locks.shared(instructor);
            try {
                assertThat(tryLock("pg_try_advisory_xact_lock_shared", key)).isTrue();
                assertThat(tryLock("pg_try_advisory_xact_lock", key)).isFalse();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void B1_a_request_shares_the_instructor_and_holds_its_member_alone() throws Exception {
        UUID member = UUID.randomUUID();
        long key = InstructorLocks.key(instructor);
        TestDatabase.transactions().executeWithoutResult(tx -> {
            locks.request(instructor, member);
            try {
                assertThat(tryLock("pg_try_advisory_xact_lock_shared", key)).isTrue();
                assertThat(tryLock("pg_try_advisory_xact_lock", key)).isFalse();
                assertThat(tryMemberLock(member)).isFalse();
                assertThat(tryMemberLock(UUID.randomUUID())).isTrue();
                // the member's lock is not the instructor lock of the same id
                assertThat(tryLock("pg_try_advisory_xact_lock", InstructorLocks.key(member))).isTrue();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(tryMemberLock(member)).isTrue();
    }
}
