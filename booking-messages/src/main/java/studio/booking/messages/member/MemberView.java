package studio.booking.messages.member;

import studio.booking.messages.common.Role;

import java.util.UUID;

/** A member as the read side knows it. {@code timeZone} is resolved (the studio's when the member set none). */
public record MemberView(UUID id, String email, String displayName, Role role, String avatarUrl, String timeZone,
                         boolean active) {
}
