package studio.booking.messages.member;

import java.util.UUID;

public record MemberDeactivated(UUID memberId) {
}
