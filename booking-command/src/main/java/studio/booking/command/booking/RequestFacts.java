package studio.booking.command.booking;

import studio.booking.command.member.MemberRecord;

import java.util.Optional;
import java.util.UUID;

/**
 * Everything a lesson request (B1) decides on that the command-side lookups know, read in one
 * statement under the request's locks ({@link BookingLookup#requestFacts}).
 *
 * @param requester        the signed-in actor
 * @param member           the member named by {@code member_id}, when staff book on their behalf
 * @param instructor       the instructor asked for
 * @param identicalPending the member's pending request for the same instructor and interval (a double click)
 * @param confirmedOverlap whether a confirmed booking of the instructor overlaps the interval
 * @param pendingCount     the member's pending requests
 */
public record RequestFacts(Optional<MemberRecord> requester, Optional<MemberRecord> member,
                           Optional<MemberRecord> instructor, Optional<UUID> identicalPending,
                           boolean confirmedOverlap, int pendingCount) {
}
