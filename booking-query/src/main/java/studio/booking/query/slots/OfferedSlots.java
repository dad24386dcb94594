package studio.booking.query.slots;

import org.springframework.stereotype.Component;
import studio.booking.messages.availability.AvailabilityOverride;
import studio.booking.messages.availability.WeeklyWindow;
import studio.booking.messages.common.BookingSettings;
import studio.booking.messages.slots.Slot;
import studio.booking.messages.slots.SlotCalculator;
import studio.booking.query.availability.AvailabilityReads;
import studio.booking.query.booking.BookingReads;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * S1–S3 on the read side: the slots still offered, computed per request from the availability
 * rows and the confirmed bookings (one indexed query per table) with the same
 * {@link SlotCalculator} the write side uses.
 */
@Component
public class OfferedSlots {

    private final AvailabilityReads availability;
    private final BookingReads bookings;
    private final Clock clock;
    private final BookingSettings settings;

    public OfferedSlots(AvailabilityReads availability, BookingReads bookings, Clock clock, BookingSettings settings) {
        this.availability = availability;
        this.bookings = bookings;
        this.clock = clock;
        this.settings = settings;
    }

    /** Slots of one instructor whose start falls on a local date (their zone) in {@code [from, to]}. */
    public List<Slot> of(UUID instructorId, ZoneId zone, LocalDate from, LocalDate to, Integer durationMinutes) {
        return of(Map.of(instructorId, zone), from, to, durationMinutes).getOrDefault(instructorId, List.of());
    }

    /**
     * Slots of several instructors, each in their own zone, local dates {@code [from, to]}: three
     * queries whatever the number of instructors.
     */
    public Map<UUID, List<Slot>> of(Map<UUID, ZoneId> instructors, LocalDate from, LocalDate to,
                                    Integer durationMinutes) {
        Map<UUID, List<Slot>> result = new HashMap<>();
        if (instructors.isEmpty() || to.isBefore(from)) {
            return result;
        }
        Instant now = clock.instant();
        Instant earliestExclusive = now.plus(settings.minimumNotice());
        Instant latest = now.plus(settings.bookingHorizon());
        // every slot lies inside its local date: these instants bound every candidate, whatever the zone
        Instant rangeStart = from.minusDays(1).atStartOfDay(ZoneId.of("UTC")).toInstant();
        Instant rangeEnd = to.plusDays(2).atStartOfDay(ZoneId.of("UTC")).toInstant();
        if (!rangeEnd.isAfter(earliestExclusive) || rangeStart.isAfter(latest)) {
            return result; // nothing of it can be offered: no need to read
        }
        Map<UUID, List<WeeklyWindow>> weekly = availability.weekly(instructors.keySet(), from, to);
        Map<UUID, List<AvailabilityOverride>> overrides = availability.overrides(instructors.keySet(), from, to);
        Map<UUID, List<Slot>> confirmed = bookings.confirmedIntervals(instructors.keySet(), rangeStart, rangeEnd);
        instructors.forEach((id, zone) -> {
            List<Slot> candidates = SlotCalculator.candidateSlots(weekly.getOrDefault(id, List.of()),
                    overrides.getOrDefault(id, List.of()), zone, from, to);
            List<Slot> offered = SlotCalculator.offerable(candidates, confirmed.getOrDefault(id, List.of()),
                    earliestExclusive, latest);
            result.put(id, SlotCalculator.ofDuration(offered, durationMinutes));
        });
        return result;
    }
}
