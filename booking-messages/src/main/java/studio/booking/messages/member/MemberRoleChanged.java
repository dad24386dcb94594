package studio.booking.messages.member;

import studio.booking.messages.common.Role;

import java.util.UUID;

public record MemberRoleChanged(UUID memberId, Role previousRole, Role role) {
}
