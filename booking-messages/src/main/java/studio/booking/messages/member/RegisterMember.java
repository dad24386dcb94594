package studio.booking.messages.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import studio.booking.messages.common.Role;

import java.util.UUID;

/**
 * Registers a studio member. The email is unique (case-insensitive) across the studio.
 * Credentials are not part of the event stream: the application keeps password hashes apart.
 *
 * @param timeZone IANA zone id, or null for the studio's zone
 */
public record RegisterMember(@TargetAggregateIdentifier UUID memberId, String email, String displayName, Role role,
                             String avatarUrl, String timeZone) {
}
