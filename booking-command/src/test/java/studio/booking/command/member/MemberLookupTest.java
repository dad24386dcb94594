package studio.booking.command.member;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import studio.booking.command.support.TestDatabase;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.MemberDeactivated;
import studio.booking.messages.member.MemberProfileUpdated;
import studio.booking.messages.member.MemberRegistered;
import studio.booking.messages.member.MemberRoleChanged;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** cmd_members against a real PostgreSQL. */
class MemberLookupTest {

    private final MemberLookup lookup = new MemberLookup(TestDatabase.jdbc());

    private static String email() {
        return "m" + UUID.randomUUID() + "@studio.test";
    }

    @Test
    void email_is_taken_case_insensitively_by_another_member() {
        UUID id = UUID.randomUUID();
        String email = email();
        lookup.on(new MemberRegistered(id, email, "Ann", Role.MEMBER_FULL, null, null));
        assertThat(lookup.isTaken(email.toUpperCase(), UUID.randomUUID())).isTrue();
        assertThat(lookup.isTaken(email, id)).isFalse();
        assertThat(lookup.isTaken(email(), UUID.randomUUID())).isFalse();
    }

    @Test
    void the_unique_index_backs_the_check() {
        String email = email();
        lookup.on(new MemberRegistered(UUID.randomUUID(), email, "Ann", Role.MEMBER_FULL, null, null));
        assertThatThrownBy(() -> lookup.on(new MemberRegistered(UUID.randomUUID(), email.toUpperCase(), "Bea",
                Role.MEMBER_FULL, null, null))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void keeps_role_activity_and_zone_current() {
        UUID id = UUID.randomUUID();
        lookup.on(new MemberRegistered(id, email(), "Ann", Role.MEMBER_FULL, null, null));
        lookup.on(new MemberRoleChanged(id, Role.MEMBER_FULL, Role.INSTRUCTOR));
        lookup.on(new MemberProfileUpdated(id, "Ann", null, "Europe/Vienna"));
        lookup.on(new MemberDeactivated(id));
        MemberRecord record = lookup.find(id).orElseThrow();
        assertThat(record.role()).isEqualTo(Role.INSTRUCTOR);
        assertThat(record.active()).isFalse();
        assertThat(record.timeZone()).isEqualTo("Europe/Vienna");
        assertThat(lookup.find(UUID.randomUUID())).isEmpty();
    }
}
