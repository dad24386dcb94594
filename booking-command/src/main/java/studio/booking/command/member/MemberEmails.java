package studio.booking.command.member;

import java.util.UUID;

/** The set-based part of member registration: is an email (case-insensitive) used by another member? */
@FunctionalInterface
public interface MemberEmails {
    boolean isTaken(String email, UUID exceptMemberId);
}
