package studio.booking.api.stream;

import java.util.UUID;

/**
 * One server-sent event derived from a stored event, encoded once per variant, and who may receive
 * it, as the REST API decides it (B8): a member sees their own bookings and threads — a guest too, who
 * can be a booking's member when their role changed after they booked — staff (instructor, owner) see
 * every booking and may read every thread.
 */
interface StreamEvent {

    /** The frame this viewer receives, or null when they may not see it. */
    byte[] frameFor(Viewer viewer);

    /** {@code availability} and resyncs: to everyone. */
    record ToEveryone(byte[] frame) implements StreamEvent {

        @Override
        public byte[] frameFor(Viewer viewer) {
            return frame;
        }
    }

    /**
     * {@code booking}: the booking as {@code GET /api/bookings/:id} renders it for each viewer, so the
     * member and the instructor each get their own {@code unread}; staff who take no part get it
     * without (M2: unread is for participants only).
     */
    record OfBooking(UUID memberId, UUID instructorId, byte[] memberFrame, byte[] instructorFrame,
                     byte[] staffFrame) implements StreamEvent {

        @Override
        public byte[] frameFor(Viewer viewer) {
            if (viewer.id().equals(memberId)) {
                return memberFrame;
            }
            if (!viewer.isStaff()) {
                return null;
            }
            return viewer.id().equals(instructorId) ? instructorFrame : staffFrame;
        }
    }

    /** {@code message}: the booking's member and every staff member (who may all read the thread). */
    record InThread(UUID memberId, byte[] frame) implements StreamEvent {

        @Override
        public byte[] frameFor(Viewer viewer) {
            return viewer.isStaff() || viewer.id().equals(memberId) ? frame : null;
        }
    }

    /**
     * {@code unread}: only to the participant whose unread state changed, and only while they may still
     * see the booking ({@code bookingMemberId} null: they just read it, so they may).
     */
    record ToParticipant(UUID participantId, UUID bookingMemberId, byte[] frame) implements StreamEvent {

        @Override
        public byte[] frameFor(Viewer viewer) {
            if (!viewer.id().equals(participantId)) {
                return null;
            }
            boolean maySee = bookingMemberId == null || viewer.isStaff() || viewer.id().equals(bookingMemberId);
            return maySee ? frame : null;
        }
    }
}
