package studio.booking.command.booking;

import studio.booking.command.member.MemberRecord;
import studio.booking.messages.booking.RequestBooking;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.BookingSettings;
import studio.booking.messages.common.Role;
import studio.booking.messages.common.RuleViolation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * B1, the decision alone: every check of a lesson request, in the seed's order and with its texts.
 * The handler gathers the facts (members, lookups, schedule) and asks; nothing here touches a database.
 */
public final class BookingRequestRules {

    private BookingRequestRules() {
    }

    /**
     * Who asks, and for whom. Answers the id of the member the lesson is for.
     *
     * @param requester the actor as {@code cmd_members} knows them (fresh role and active flag)
     * @param member    the member named by {@code memberId}, when staff book on their behalf
     */
    public static UUID memberFor(RequestBooking cmd, Actor actor, Optional<MemberRecord> requester,
                                 Optional<MemberRecord> member) {
        if (actor == null || requester.isEmpty() || !requester.get().active()) {
            throw RuleViolation.forbidden("Not authenticated");
        }
        if (!requester.get().role().mayBook()) {
            throw RuleViolation.forbidden("Guests cannot book private lessons");
        }
        if (cmd.memberId() == null || cmd.memberId().equals(actor.id())) {
            return actor.id();
        }
        if (!requester.get().role().isStaff()) {
            throw RuleViolation.forbidden("Only staff can book a lesson for another member");
        }
        if (member.isEmpty() || !member.get().active()) {
            throw RuleViolation.invalid("Member not found");
        }
        if (member.get().role() == Role.GUEST) {
            throw RuleViolation.forbidden("Guests cannot book private lessons");
        }
        return cmd.memberId();
    }

    /** The checks that need no lock: not oneself, a real instructor, the future, the notes. */
    public static void checkRequest(RequestBooking cmd, UUID memberId, Optional<MemberRecord> instructor, Instant now) {
        if (memberId.equals(cmd.instructorId())) {
            throw RuleViolation.invalid("Cannot book a lesson with yourself");
        }
        if (instructor.isEmpty() || !instructor.get().active() || !instructor.get().role().isStaff()) {
            throw RuleViolation.notFound("Instructor not found");
        }
        if (cmd.startTime() == null || cmd.endTime() == null || !cmd.endTime().isAfter(cmd.startTime())) {
            throw RuleViolation.invalid("Requested time is not an available slot");
        }
        if (!cmd.startTime().isAfter(now)) {
            throw RuleViolation.invalid("Cannot book a slot in the past");
        }
        if (cmd.notes() != null
                && cmd.notes().codePointCount(0, cmd.notes().length()) > RequestBooking.MAX_NOTES_LENGTH) {
            throw RuleViolation.invalid("Notes must be at most 2000 characters");
        }
    }

    /**
     * The checks made under the member's lock, against the instructor's current bookings and
     * schedule.
     *
     * @param confirmedOverlap whether a confirmed booking of the instructor overlaps the interval
     * @param isSlot           whether the interval is a candidate slot of the instructor's schedule
     * @param pendingCount     the member's pending requests
     * @param onBehalf         whether staff request it for the member (the limit's text names the member)
     */
    public static void checkSlot(Instant start, boolean confirmedOverlap, boolean isSlot, int pendingCount,
                                 boolean onBehalf, Instant now, BookingSettings settings) {
        // a slot first (400), then whether it is taken (409): the seed's order, and B1's "a slot overlapping"
        if (!isSlot || !start.isAfter(now.plus(settings.minimumNotice()))
                || start.isAfter(now.plus(settings.bookingHorizon()))) {
            throw RuleViolation.invalid("Requested time is not an available slot");
        }
        if (confirmedOverlap) {
            throw RuleViolation.conflict("This slot is already confirmed");
        }
        if (pendingCount >= settings.maxPendingPerMember()) {
            throw RuleViolation.conflict(onBehalf
                    ? "This member already has " + settings.maxPendingPerMember()
                    + " pending requests, the most allowed. Answer or cancel one first."
                    : "You already have " + settings.maxPendingPerMember()
                    + " pending requests, the most allowed. Wait for an answer or cancel one first.");
        }
    }
}
