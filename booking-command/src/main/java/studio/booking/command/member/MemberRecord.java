package studio.booking.command.member;

import studio.booking.messages.common.Role;

import java.time.ZoneId;
import java.util.UUID;

/** A member as the command side knows it ({@code cmd_members}). */
public record MemberRecord(UUID memberId, String email, Role role, boolean active, String timeZone) {

    /** The member's zone, else the studio's (S2). */
    public ZoneId zone(ZoneId studioZone) {
        return timeZone == null ? studioZone : ZoneId.of(timeZone);
    }
}
