package studio.booking.messages.member;

import java.util.UUID;

public record MemberProfileUpdated(UUID memberId, String displayName, String avatarUrl, String timeZone) {
}
