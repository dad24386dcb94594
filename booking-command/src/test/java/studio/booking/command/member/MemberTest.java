package studio.booking.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.ChangeMemberRole;
import studio.booking.messages.member.DeactivateMember;
import studio.booking.messages.member.MemberDeactivated;
import studio.booking.messages.member.MemberReactivated;
import studio.booking.messages.member.MemberRegistered;
import studio.booking.messages.member.MemberRoleChanged;
import studio.booking.messages.member.ReactivateMember;
import studio.booking.messages.member.RegisterMember;
import studio.booking.messages.member.UpdateMemberProfile;

import java.util.UUID;

import static studio.booking.command.support.Violations.violation;
import static studio.booking.messages.common.RuleViolation.Kind.CONFLICT;
import static studio.booking.messages.common.RuleViolation.Kind.INVALID;

class MemberTest {

    private static final UUID ID = UUID.randomUUID();
    private final AggregateTestFixture<Member> fixture = new AggregateTestFixture<>(Member.class);
    private String takenEmail = "taken@studio.test";

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource((MemberEmails) (email, except) -> email.equalsIgnoreCase(takenEmail));
    }

    private MemberRegistered registered() {
        return new MemberRegistered(ID, "ann@studio.test", "Ann", Role.MEMBER_FULL, null, null);
    }

    @Test
    void registers_a_member() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(ID, " ann@studio.test ", "Ann ", Role.MEMBER_FULL, null, null))
                .expectEvents(registered());
    }

    @Test
    void email_is_unique_case_insensitively() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(ID, "TAKEN@studio.test", "Ann", Role.MEMBER_FULL, null, null))
                .expectException(violation(CONFLICT, "A member with this email already exists"));
    }

    @Test
    void registration_is_validated() {
        fixture.givenNoPriorActivity().when(new RegisterMember(ID, "not-an-email", "Ann", Role.GUEST, null, null))
                .expectException(violation(INVALID));
        fixture.givenNoPriorActivity().when(new RegisterMember(ID, "a@b.test", " ", Role.GUEST, null, null))
                .expectException(violation(INVALID));
        fixture.givenNoPriorActivity().when(new RegisterMember(ID, "a@b.test", "Ann", null, null, null))
                .expectException(violation(INVALID));
        fixture.givenNoPriorActivity().when(new RegisterMember(ID, "a@b.test", "Ann", Role.GUEST, null, "Mars/Base"))
                .expectException(violation(INVALID));
    }

    @Test
    void role_change_records_previous_and_new_role() {
        fixture.given(registered()).when(new ChangeMemberRole(ID, Role.INSTRUCTOR))
                .expectEvents(new MemberRoleChanged(ID, Role.MEMBER_FULL, Role.INSTRUCTOR));
        fixture.given(registered()).when(new ChangeMemberRole(ID, Role.MEMBER_FULL)).expectNoEvents();
    }

    @Test
    void deactivates_and_reactivates() {
        fixture.given(registered()).when(new DeactivateMember(ID)).expectEvents(new MemberDeactivated(ID));
        fixture.given(registered(), new MemberDeactivated(ID)).when(new ReactivateMember(ID))
                .expectEvents(new MemberReactivated(ID));
    }

    @Test
    void profile_needs_a_display_name() {
        fixture.given(registered()).when(new UpdateMemberProfile(ID, "", null, null))
                .expectException(violation(INVALID, "A display name is required"));
    }
}
