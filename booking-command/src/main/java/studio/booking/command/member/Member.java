package studio.booking.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import studio.booking.messages.common.Role;
import studio.booking.messages.common.RuleViolation;
import studio.booking.messages.member.ChangeMemberRole;
import studio.booking.messages.member.DeactivateMember;
import studio.booking.messages.member.MemberDeactivated;
import studio.booking.messages.member.MemberProfileUpdated;
import studio.booking.messages.member.MemberReactivated;
import studio.booking.messages.member.MemberRegistered;
import studio.booking.messages.member.MemberRoleChanged;
import studio.booking.messages.member.ReactivateMember;
import studio.booking.messages.member.RegisterMember;
import studio.booking.messages.member.UpdateMemberProfile;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A studio member. Who may administer members is the API's concern (owner only). */
@Aggregate
public class Member {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @AggregateIdentifier
    private UUID memberId;
    private Role role;
    private boolean active;

    protected Member() {
    }

    @CommandHandler
    public Member(RegisterMember cmd, MemberEmails emails) {
        if (cmd.email() == null || !EMAIL.matcher(cmd.email().trim()).matches()) {
            throw RuleViolation.invalid("A valid email is required");
        }
        requireRole(cmd.role());
        requireProfile(cmd.displayName(), cmd.timeZone());
        String email = cmd.email().trim();
        if (emails.isTaken(email, cmd.memberId())) {
            throw RuleViolation.conflict("A member with this email already exists");
        }
        apply(new MemberRegistered(cmd.memberId(), email, cmd.displayName().trim(), cmd.role(), cmd.avatarUrl(),
                cmd.timeZone()));
    }

    @CommandHandler
    public void handle(UpdateMemberProfile cmd) {
        requireProfile(cmd.displayName(), cmd.timeZone());
        apply(new MemberProfileUpdated(memberId, cmd.displayName().trim(), cmd.avatarUrl(), cmd.timeZone()));
    }

    @CommandHandler
    public void handle(ChangeMemberRole cmd) {
        requireRole(cmd.role());
        if (cmd.role() != role) {
            apply(new MemberRoleChanged(memberId, role, cmd.role()));
        }
    }

    @CommandHandler
    public void handle(DeactivateMember cmd) {
        if (active) {
            apply(new MemberDeactivated(memberId));
        }
    }

    @CommandHandler
    public void handle(ReactivateMember cmd) {
        if (!active) {
            apply(new MemberReactivated(memberId));
        }
    }

    private static void requireRole(Role role) {
        if (role == null) {
            throw RuleViolation.invalid("A role is required");
        }
    }

    private static void requireProfile(String displayName, String timeZone) {
        if (displayName == null || displayName.isBlank()) {
            throw RuleViolation.invalid("A display name is required");
        }
        if (timeZone != null) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw RuleViolation.invalid("Unknown time zone: " + timeZone);
            }
        }
    }

    @EventSourcingHandler
    void on(MemberRegistered e) {
        memberId = e.memberId();
        role = e.role();
        active = true;
    }

    @EventSourcingHandler
    void on(MemberRoleChanged e) {
        role = e.role();
    }

    @EventSourcingHandler
    void on(MemberDeactivated e) {
        active = false;
    }

    @EventSourcingHandler
    void on(MemberReactivated e) {
        active = true;
    }
}
