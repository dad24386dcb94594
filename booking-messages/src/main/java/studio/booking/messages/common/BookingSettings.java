package studio.booking.messages.common;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The studio's configurable rules (DESIGN.md, Configuration). Bound from {@code booking.*}
 * properties by the application and shared by the write and the read side.
 *
 * @param studioTimeZone           zone of instructors who set none (S2)
 * @param pendingExpiry            a pending request expires this long after it was made (B5)
 * @param memberCancellationNotice a member cancels a confirmed lesson only while its start is
 *                                 strictly more than this far away: the 24-hour rule (B4)
 * @param minimumNotice            a slot must start more than this far ahead to be offered (S1)
 * @param bookingHorizon           slots are offered up to this far ahead (S1)
 * @param maxPendingPerMember      pending requests a member may hold at once (B1)
 * @param autoCompleteAfter        an unmarked confirmed lesson completes this long after its end (B7)
 */
public record BookingSettings(
        ZoneId studioTimeZone,
        Duration pendingExpiry,
        Duration memberCancellationNotice,
        Duration minimumNotice,
        Duration bookingHorizon,
        int maxPendingPerMember,
        Duration autoCompleteAfter) {

    public BookingSettings {
        Objects.requireNonNull(studioTimeZone, "studioTimeZone");
        Objects.requireNonNull(pendingExpiry, "pendingExpiry");
        Objects.requireNonNull(memberCancellationNotice, "memberCancellationNotice");
        Objects.requireNonNull(minimumNotice, "minimumNotice");
        Objects.requireNonNull(bookingHorizon, "bookingHorizon");
        Objects.requireNonNull(autoCompleteAfter, "autoCompleteAfter");
    }

    /** The defaults of DESIGN.md. */
    public static BookingSettings defaults() {
        return new BookingSettings(ZoneId.of("America/New_York"), Duration.ofHours(4), Duration.ofHours(24),
                Duration.ZERO, Duration.ofDays(365), 10, Duration.ofHours(24));
    }

    public BookingSettings withMaxPendingPerMember(int max) {
        return new BookingSettings(studioTimeZone, pendingExpiry, memberCancellationNotice, minimumNotice,
                bookingHorizon, max, autoCompleteAfter);
    }

    public BookingSettings withPendingExpiry(Duration expiry) {
        return new BookingSettings(studioTimeZone, expiry, memberCancellationNotice, minimumNotice,
                bookingHorizon, maxPendingPerMember, autoCompleteAfter);
    }
}
