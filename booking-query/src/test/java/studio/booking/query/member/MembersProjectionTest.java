package studio.booking.query.member;

import org.junit.jupiter.api.Test;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.MemberDeactivated;
import studio.booking.messages.member.MemberProfileUpdated;
import studio.booking.messages.member.MemberQueries.FindMember;
import studio.booking.messages.member.MemberQueries.FindMemberByEmail;
import studio.booking.messages.member.MemberQueries.ListInstructors;
import studio.booking.messages.member.MemberQueries.ListMembers;
import studio.booking.messages.member.MemberReactivated;
import studio.booking.messages.member.MemberRegistered;
import studio.booking.messages.member.MemberRoleChanged;
import studio.booking.messages.member.MemberView;
import studio.booking.query.ReadSideTest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MembersProjectionTest extends ReadSideTest {

    @Test
    void registered_member_is_found_by_id_and_case_insensitively_by_email_with_the_studio_zone_when_none_set() {
        UUID id = UUID.randomUUID();
        membersProjection.on(new MemberRegistered(id, "Ana.Lopez@Studio.test", "Ana Lopez", Role.MEMBER_FULL,
                "https://img/ana.png", null), Instant.parse("2026-01-05T10:00:00Z"));

        MemberView expected = new MemberView(id, "Ana.Lopez@Studio.test", "Ana Lopez", Role.MEMBER_FULL,
                "https://img/ana.png", "America/New_York", true);
        assertThat(memberQueries.handle(new FindMember(id))).contains(expected);
        assertThat(memberQueries.handle(new FindMemberByEmail("ana.lopez@STUDIO.test"))).contains(expected);
        assertThat(memberQueries.handle(new FindMemberByEmail("nobody@studio.test"))).isEmpty();
        assertThat(memberQueries.handle(new FindMember(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void profile_role_and_activity_changes_are_projected_with_the_events_timestamps() {
        UUID id = UUID.randomUUID();
        Instant registered = Instant.parse("2026-01-05T10:00:00Z");
        Instant changed = Instant.parse("2026-01-09T12:30:00Z");
        membersProjection.on(new MemberRegistered(id, "tom@studio.test", "Tom", Role.MEMBER_LIMITED, null, null),
                registered);
        membersProjection.on(new MemberProfileUpdated(id, "Tom Baker", "https://img/tom.png", "Europe/Berlin"),
                registered.plusSeconds(10));
        membersProjection.on(new MemberRoleChanged(id, Role.MEMBER_LIMITED, Role.INSTRUCTOR), registered.plusSeconds(20));
        membersProjection.on(new MemberDeactivated(id), changed);

        assertThat(memberQueries.handle(new FindMember(id))).contains(new MemberView(id, "tom@studio.test", "Tom Baker",
                Role.INSTRUCTOR, "https://img/tom.png", "Europe/Berlin", false));
        assertThat(jdbc.sql("SELECT created_at FROM members WHERE id = :id").param("id", id)
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(registered);
        assertThat(jdbc.sql("SELECT updated_at FROM members WHERE id = :id").param("id", id)
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(changed);

        membersProjection.on(new MemberReactivated(id), changed.plusSeconds(1));
        assertThat(memberQueries.handle(new FindMember(id))).hasValueSatisfying(m -> assertThat(m.active()).isTrue());
    }

    @Test
    void members_are_listed_by_display_name_and_instructors_are_the_active_instructors_and_owners() {
        UUID zoe = member("Zoe", Role.INSTRUCTOR, "Europe/London");
        UUID bea = member("Bea", Role.OWNER);
        UUID carl = member("Carl", Role.MEMBER_FULL);
        UUID dan = member("Dan", Role.INSTRUCTOR);
        UUID gus = member("Gus", Role.GUEST);
        membersProjection.on(new MemberDeactivated(dan), eventTime());

        assertThat(memberQueries.handle(new ListMembers()).members()).extracting(MemberView::id)
                .containsExactly(bea, carl, dan, gus, zoe);
        assertThat(memberQueries.handle(new ListInstructors()).members()).extracting(MemberView::id)
                .containsExactly(bea, zoe);
        assertThat(memberQueries.handle(new ListInstructors()).members()).extracting(MemberView::timeZone)
                .containsExactly("America/New_York", "Europe/London");
    }
}
