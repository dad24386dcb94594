package studio.booking.api.member;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.booking.api.security.CredentialStore;
import studio.booking.api.web.Messaging;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.Role;
import studio.booking.messages.common.RuleViolation;
import studio.booking.messages.member.ChangeMemberRole;
import studio.booking.messages.member.DeactivateMember;
import studio.booking.messages.member.MemberQueries.FindMember;
import studio.booking.messages.member.MemberQueries.FindMemberByEmail;
import studio.booking.messages.member.MemberQueries.FindOwnTimeZone;
import studio.booking.messages.member.MemberQueries.OwnTimeZone;
import studio.booking.messages.member.MemberView;
import studio.booking.messages.member.ReactivateMember;
import studio.booking.messages.member.RegisterMember;
import studio.booking.messages.member.UpdateMemberProfile;

import java.util.Objects;
import java.util.UUID;

/**
 * Registering and changing members. Credentials and the member's events are written in ONE Spring
 * transaction (Axon's command bus joins it), so neither exists without the other.
 */
@Service
public class MemberAdministration {

    public static final String EMAIL_TAKEN = "A member with this email already exists";

    /** What a registration needs; {@code timeZone} null means the studio's. */
    public record Registration(String email, String displayName, Role role, String password, String avatarUrl,
                               String timeZone) {
    }

    /** A partial change; null fields stay as they are. */
    public record Change(String displayName, Role role, String avatarUrl, boolean clearAvatar, String timeZone,
                         String password, Boolean active) {
    }

    private final Messaging messaging;
    private final CredentialStore credentials;

    public MemberAdministration(Messaging messaging, CredentialStore credentials) {
        this.messaging = messaging;
        this.credentials = credentials;
    }

    /** Registers a member as {@code actor}, or as the system when {@code actor} is null (start-up). */
    @Transactional
    public MemberView register(Actor actor, Registration registration) {
        if (messaging.find(new FindMemberByEmail(registration.email()), MemberView.class).isPresent()) {
            throw RuleViolation.conflict(EMAIL_TAKEN);
        }
        UUID id = UUID.randomUUID();
        credentials.setPassword(id, registration.password());
        RegisterMember command = new RegisterMember(id, registration.email(), registration.displayName(),
                registration.role(), registration.avatarUrl(), registration.timeZone());
        if (actor == null) {
            messaging.sendAsSystem(command);
        } else {
            messaging.send(actor, command);
        }
        return messaging.find(new FindMember(id), MemberView.class)
                .orElseGet(() -> new MemberView(id, registration.email(), registration.displayName(),
                        registration.role(), registration.avatarUrl(), registration.timeZone(), true));
    }

    @Transactional
    public MemberView change(Actor actor, UUID memberId, Change change) {
        MemberView member = messaging.find(new FindMember(memberId), MemberView.class)
                .orElseThrow(() -> RuleViolation.notFound("Member not found"));
        if (memberId.equals(actor.id())) {
            if (Boolean.FALSE.equals(change.active())) {
                throw RuleViolation.conflict("You cannot deactivate your own account");
            }
            if (change.role() != null && change.role() != member.role()) {
                throw RuleViolation.conflict("You cannot change your own role");
            }
        }
        String displayName = change.displayName() != null ? change.displayName() : member.displayName();
        String avatarUrl = change.clearAvatar() ? null
                : change.avatarUrl() != null ? change.avatarUrl() : member.avatarUrl();
        // the member's own zone, not the resolved one: a member without a zone keeps following the studio's
        String ownZone = messaging.ask(new FindOwnTimeZone(memberId), OwnTimeZone.class).timeZone();
        String timeZone = change.timeZone() != null ? change.timeZone() : ownZone;
        if (!Objects.equals(displayName, member.displayName()) || !Objects.equals(avatarUrl, member.avatarUrl())
                || !Objects.equals(timeZone, ownZone)) {
            messaging.send(actor, new UpdateMemberProfile(memberId, displayName, avatarUrl, timeZone));
        }
        if (change.role() != null && change.role() != member.role()) {
            messaging.send(actor, new ChangeMemberRole(memberId, change.role()));
        }
        if (change.active() != null && change.active() != member.active()) {
            messaging.send(actor, change.active() ? new ReactivateMember(memberId) : new DeactivateMember(memberId));
        }
        if (change.password() != null) {
            credentials.setPassword(memberId, change.password());
        }
        return messaging.find(new FindMember(memberId), MemberView.class).orElse(member);
    }
}
