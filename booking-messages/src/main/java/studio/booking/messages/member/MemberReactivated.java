package studio.booking.messages.member;

import java.util.UUID;

public record MemberReactivated(UUID memberId) {
}
