package studio.booking.api.security;

import org.springframework.security.core.AuthenticatedPrincipal;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.MemberView;

import java.util.UUID;

/**
 * The signed-in member, as the members projection knows them on this request. Their name for Spring
 * Security (an authentication's {@code getName()}) is their id, as when they signed in.
 */
public record CurrentMember(MemberView view) implements AuthenticatedPrincipal {

    @Override
    public String getName() {
        return view.id().toString();
    }

    public UUID id() {
        return view.id();
    }

    public Role role() {
        return view.role();
    }

    public Actor actor() {
        return new Actor(view.id(), view.role());
    }

    public boolean isStaff() {
        return view.role().isStaff();
    }

    public boolean isOwner() {
        return view.role() == Role.OWNER;
    }
}
