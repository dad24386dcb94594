package studio.booking.messages.booking;

/** Why a request was declined: recorded so the history can say it. */
public enum DeclineCause {
    /** The instructor (or the owner) declined it (B3). */
    DECLINED_BY_STAFF,
    /** Another request overlapping it was confirmed (B2). */
    COMPETING_BOOKING_CONFIRMED,
    /** Its slot no longer exists after an availability change (A3). */
    SLOT_NO_LONGER_AVAILABLE
}
