package studio.booking.messages.slots;

import studio.booking.messages.availability.AvailabilityOverride;
import studio.booking.messages.availability.WeeklyWindow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Rules S1–S3: which slots an instructor's availability yields. Pure java.time, shared by the write
 * side (is a requested interval a slot? which requests does a change orphan?) and the read side
 * (slots and calendar), so both always agree.
 */
public final class SlotCalculator {

    private SlotCalculator() {
    }

    /**
     * S1/S2: weekly windows on matching days inside their effective range, cut into back-to-back
     * slots, minus blocked days and any slot overlapping a blocked part of a day, plus extra hours.
     * Only slots whose start falls on a local date in {@code [from, to]} are returned, sorted, each
     * distinct slot once. Confirmed bookings, notice and horizon are not applied here: see
     * {@link #offerable}.
     *
     * <p>It runs for every slots and calendar request, over a month of 15-minute slots (~2,000), so it
     * allocates little more than the slots themselves: a slot starts on its local date, so the days
     * come out in order and only each day's slots need sorting and de-duplicating, in one list reused
     * for every day (a sorted set kept an entry per slot, the slots' p99 paid for it in young
     * collections; docs/BENCHMARKS.md).
     */
    public static List<Slot> candidateSlots(Collection<WeeklyWindow> weekly, Collection<AvailabilityOverride> overrides,
                                            ZoneId zone, LocalDate from, LocalDate to) {
        List<Slot> slots = new ArrayList<>();
        List<Slot> day = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            day.clear();
            slotsOn(date, weekly, overrides, zone, day);
            day.sort(null); // in place, and without allocating when the day's slots already come sorted
            Slot previous = null;
            for (Slot slot : day) {
                if (!slot.equals(previous)) {
                    slots.add(slot);
                }
                previous = slot;
            }
        }
        return Collections.unmodifiableList(slots);
    }

    /** Adds the slots of one local date to {@code out}, in no particular order, possibly twice. */
    private static void slotsOn(LocalDate date, Collection<WeeklyWindow> weekly,
                                Collection<AvailabilityOverride> overrides, ZoneId zone, List<Slot> out) {
        boolean dayBlocked = false;
        List<Slot> blockedParts = new ArrayList<>();
        for (AvailabilityOverride o : overrides) {
            if (!o.overrideDate().equals(date)) {
                continue;
            }
            if (o.blocksWholeDay()) {
                dayBlocked = true;
            } else if (o.blocksPartOfDay()) {
                Instant blockStart = instant(date, o.startTime(), zone);
                Instant blockEnd = instant(date, o.endTime(), zone);
                // a block lying wholly in a DST gap resolves to an empty interval: it blocks nothing
                if (blockEnd.isAfter(blockStart)) {
                    blockedParts.add(new Slot(blockStart, blockEnd));
                }
            } else if (o.isExtraHours()) {
                // extra hours are always added, whatever is blocked (A2)
                cut(date, o.startTime(), o.endTime(), durationOf(o), zone, List.of(), out);
            }
        }
        if (!dayBlocked) {
            for (WeeklyWindow w : weekly) {
                if (w.appliesOn(date)) {
                    cut(date, w.startTime(), w.endTime(), w.slotDurationMinutes(), zone, blockedParts, out);
                }
            }
        }
    }

    /** A loop, not a stream: it runs for every candidate slot of a month (docs/BENCHMARKS.md). */
    private static boolean overlapsAny(Slot slot, List<Slot> parts) {
        for (Slot part : parts) {
            if (slot.overlaps(part)) {
                return true;
            }
        }
        return false;
    }

    private static int durationOf(AvailabilityOverride o) {
        return o.slotDurationMinutes() == null ? WeeklyWindow.DEFAULT_SLOT_DURATION_MINUTES : o.slotDurationMinutes();
    }

    /**
     * S2: local start and end become instants as {@link ZonedDateTime#of} resolves them; slots are
     * cut on the real timeline from the start instant, the last ending no later than the end instant.
     * Added to {@code out}, except those overlapping a blocked part of the day.
     */
    private static void cut(LocalDate date, LocalTime start, LocalTime end, int durationMinutes, ZoneId zone,
                            List<Slot> blockedParts, List<Slot> out) {
        Instant from = instant(date, start, zone);
        Instant until = instant(date, end, zone);
        Duration length = Duration.ofMinutes(durationMinutes);
        for (Instant s = from, e = s.plus(length); !e.isAfter(until); s = e, e = s.plus(length)) {
            Slot slot = new Slot(s, e);
            if (!overlapsAny(slot, blockedParts)) {
                out.add(slot);
            }
        }
    }

    private static Instant instant(LocalDate date, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    /**
     * S1: of the candidates, those still offered: not overlapping a confirmed booking, starting
     * strictly after {@code earliestStartExclusive} (now + minimum notice) and no later than
     * {@code latestStart} (now + booking horizon).
     */
    public static List<Slot> offerable(List<Slot> candidates, Collection<Slot> confirmed,
                                       Instant earliestStartExclusive, Instant latestStart) {
        Busy busy = new Busy(confirmed);
        List<Slot> result = new ArrayList<>();
        for (Slot slot : candidates) {
            if (slot.start().isAfter(earliestStartExclusive)
                    && !slot.start().isAfter(latestStart)
                    && !busy.overlaps(slot)) {
                result.add(slot);
            }
        }
        return result;
    }

    /**
     * Confirmed intervals sorted by start, with the latest end among each prefix: a slot overlaps
     * one of them exactly when some interval starting before the slot ends also ends after the
     * slot starts. A month with thousands of confirmed lessons costs a binary search per slot.
     */
    private static final class Busy {
        private final Instant[] starts;
        private final Instant[] latestEndSoFar;

        Busy(Collection<Slot> intervals) {
            List<Slot> sorted = intervals.stream().sorted().toList();
            starts = new Instant[sorted.size()];
            latestEndSoFar = new Instant[sorted.size()];
            Instant latest = Instant.MIN;
            for (int i = 0; i < sorted.size(); i++) {
                starts[i] = sorted.get(i).start();
                latest = sorted.get(i).end().isAfter(latest) ? sorted.get(i).end() : latest;
                latestEndSoFar[i] = latest;
            }
        }

        boolean overlaps(Slot slot) {
            int startingBeforeSlotEnds = firstNotBefore(slot.end());
            return startingBeforeSlotEnds > 0 && latestEndSoFar[startingBeforeSlotEnds - 1].isAfter(slot.start());
        }

        /** Index of the first interval starting at or after {@code instant}. */
        private int firstNotBefore(Instant instant) {
            int low = 0;
            int high = starts.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (starts[mid].isBefore(instant)) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }

    /** S3: only slots of exactly this length; {@code null} keeps all. */
    public static List<Slot> ofDuration(List<Slot> slots, Integer durationMinutes) {
        if (durationMinutes == null) {
            return slots;
        }
        return slots.stream().filter(s -> s.durationMinutes() == durationMinutes).toList();
    }
}
