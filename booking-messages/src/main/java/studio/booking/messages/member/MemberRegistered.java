package studio.booking.messages.member;

import studio.booking.messages.common.Role;

import java.util.UUID;

/** @param timeZone IANA zone id, or null for the studio's zone */
public record MemberRegistered(UUID memberId, String email, String displayName, Role role, String avatarUrl,
                               String timeZone) {
}
