package studio.booking.command.schedule;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import studio.booking.messages.availability.AvailabilityOverride;
import studio.booking.messages.availability.AvailabilityOverrideAdded;
import studio.booking.messages.availability.AvailabilityOverrideRemoved;
import studio.booking.messages.availability.WeeklyWindow;
import studio.booking.messages.availability.WeeklyWindowAdded;
import studio.booking.messages.availability.WeeklyWindowRemoved;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.RuleViolation;
import studio.booking.messages.slots.Slot;
import studio.booking.messages.slots.SlotCalculator;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One instructor's availability (identifier {@link #idOf}: derived from the instructor id): weekly windows (A1) and date overrides (A2),
 * changed only by the instructor or the owner (A4). Created by its first change. The availability
 * handler drives it, because a change may orphan requests (A3) that it must decline too.
 */
@Aggregate(lockFactory = "scheduleLockFactory")
public class InstructorSchedule {

    /** Not the bare instructor id: Axon keys event streams by identifier alone, and the Member has that one. */
    @AggregateIdentifier
    private String scheduleId;
    private UUID instructorId;
    private final Map<UUID, WeeklyWindow> weekly = new LinkedHashMap<>();
    private final Map<UUID, AvailabilityOverride> overrides = new LinkedHashMap<>();

    public InstructorSchedule() {
    }

    /** The aggregate identifier of an instructor's schedule. */
    public static String idOf(UUID instructorId) {
        return "schedule:" + instructorId;
    }

    /** A1. Answers the window's id. {@code today}: the instructor's local date, the default start. */
    public UUID addWeeklyWindow(UUID instructorId, WeeklyWindow window, Actor actor, LocalDate today) {
        authorize(instructorId, actor);
        if (window == null) {
            throw RuleViolation.invalid("A weekly window is required");
        }
        if (window.dayOfWeek() < 0 || window.dayOfWeek() > 6) {
            throw RuleViolation.invalid("day_of_week must be between 0 (Sunday) and 6 (Saturday)");
        }
        requireTimes(window.startTime(), window.endTime());
        int duration = window.slotDurationMinutes() == 0 ? WeeklyWindow.DEFAULT_SLOT_DURATION_MINUTES
                : window.slotDurationMinutes();
        requireDuration(duration);
        LocalDate from = window.effectiveFrom() == null ? today : window.effectiveFrom();
        if (window.effectiveUntil() != null && window.effectiveUntil().isBefore(from)) {
            throw RuleViolation.invalid("effective_until must not be before effective_from");
        }
        UUID id = window.windowId() == null ? UUID.randomUUID() : window.windowId();
        WeeklyWindow added = new WeeklyWindow(id, window.dayOfWeek(), window.startTime(), window.endTime(), duration,
                from, window.effectiveUntil());
        if (weekly.values().stream().anyMatch(w -> overlap(w, added))) {
            throw RuleViolation.conflict("This window overlaps another window on the same day");
        }
        apply(new WeeklyWindowAdded(instructorId, added));
        return id;
    }

    public void removeWeeklyWindow(UUID instructorId, UUID windowId, Actor actor) {
        authorize(instructorId, actor);
        if (windowId == null || !weekly.containsKey(windowId)) {
            throw RuleViolation.notFound("Availability window not found");
        }
        apply(new WeeklyWindowRemoved(instructorId, windowId));
    }

    /** A2: a whole-day block, a part-day block, or extra hours. Answers the override's id. */
    public UUID addOverride(UUID instructorId, AvailabilityOverride o, Actor actor) {
        authorize(instructorId, actor);
        if (o == null || o.overrideDate() == null) {
            throw RuleViolation.invalid("override_date is required");
        }
        if ((o.startTime() == null) != (o.endTime() == null)) {
            throw RuleViolation.invalid("Give both start_time and end_time, or neither");
        }
        if (o.startTime() != null) {
            requireTimes(o.startTime(), o.endTime());
        }
        Integer duration = null;
        if (o.isExtraHours()) {
            if (o.startTime() == null) {
                throw RuleViolation.invalid("Extra hours need a start_time and an end_time");
            }
            duration = o.slotDurationMinutes() == null ? WeeklyWindow.DEFAULT_SLOT_DURATION_MINUTES
                    : o.slotDurationMinutes();
            requireDuration(duration);
            boolean clash = overrides.values().stream().anyMatch(other -> other.isExtraHours()
                    && other.overrideDate().equals(o.overrideDate())
                    && o.startTime().isBefore(other.endTime()) && other.startTime().isBefore(o.endTime()));
            if (clash) {
                throw RuleViolation.conflict("These extra hours overlap other extra hours on that date");
            }
        }
        UUID id = o.overrideId() == null ? UUID.randomUUID() : o.overrideId();
        apply(new AvailabilityOverrideAdded(instructorId, new AvailabilityOverride(id, o.overrideDate(),
                o.startTime(), o.endTime(), o.available(), o.reason(), duration)));
        return id;
    }

    public void removeOverride(UUID instructorId, UUID overrideId, Actor actor) {
        authorize(instructorId, actor);
        if (overrideId == null || !overrides.containsKey(overrideId)) {
            throw RuleViolation.notFound("Availability override not found");
        }
        apply(new AvailabilityOverrideRemoved(instructorId, overrideId));
    }

    /** S1/S2: is this interval one of the schedule's slots (on the local date of its start)? */
    public boolean offers(Slot slot, ZoneId zone) {
        LocalDate date = slot.start().atZone(zone).toLocalDate();
        return SlotCalculator.candidateSlots(weekly.values(), overrides.values(), zone, date, date).contains(slot);
    }

    /** A3: of these bookings, those whose interval is no longer a slot of the schedule. */
    public <T> List<T> withoutSlot(Collection<T> bookings, Function<T, Slot> slotOf, ZoneId zone) {
        List<T> lost = new ArrayList<>();
        for (T booking : bookings) {
            if (!offers(slotOf.apply(booking), zone)) {
                lost.add(booking);
            }
        }
        return lost;
    }

    /** A4: the instructor itself (while they still teach) or the owner. */
    private static void authorize(UUID instructorId, Actor actor) {
        if (actor == null
                || !((actor.id().equals(instructorId) && actor.role() != null && actor.role().isStaff())
                || actor.isOwner())) {
            throw RuleViolation.forbidden("Not authorized to change this instructor's availability");
        }
    }

    private static void requireTimes(LocalTime start, LocalTime end) {
        if (start == null || end == null || !start.isBefore(end)) {
            throw RuleViolation.invalid("start_time must be before end_time");
        }
    }

    private static void requireDuration(int minutes) {
        if (minutes < WeeklyWindow.MIN_SLOT_DURATION_MINUTES || minutes > WeeklyWindow.MAX_SLOT_DURATION_MINUTES) {
            throw RuleViolation.invalid("slot_duration_minutes must be between 15 and 240");
        }
    }

    /** A1: same day, times overlap, and the effective ranges meet. */
    private static boolean overlap(WeeklyWindow a, WeeklyWindow b) {
        return a.dayOfWeek() == b.dayOfWeek()
                && a.startTime().isBefore(b.endTime()) && b.startTime().isBefore(a.endTime())
                && (a.effectiveUntil() == null || !a.effectiveUntil().isBefore(b.effectiveFrom()))
                && (b.effectiveUntil() == null || !b.effectiveUntil().isBefore(a.effectiveFrom()));
    }

    @EventSourcingHandler
    void on(WeeklyWindowAdded e) {
        scheduleId = idOf(e.instructorId());
        instructorId = e.instructorId();
        weekly.put(e.window().windowId(), e.window());
    }

    @EventSourcingHandler
    void on(WeeklyWindowRemoved e) {
        weekly.remove(e.windowId());
    }

    @EventSourcingHandler
    void on(AvailabilityOverrideAdded e) {
        scheduleId = idOf(e.instructorId());
        instructorId = e.instructorId();
        overrides.put(e.override().overrideId(), e.override());
    }

    @EventSourcingHandler
    void on(AvailabilityOverrideRemoved e) {
        overrides.remove(e.overrideId());
    }
}
