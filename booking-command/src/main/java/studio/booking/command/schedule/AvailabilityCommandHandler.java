package studio.booking.command.schedule;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import studio.booking.command.booking.Booking;
import studio.booking.command.booking.BookingLookup;
import studio.booking.command.booking.BookingRef;
import studio.booking.command.ledger.InstructorLocks;
import studio.booking.command.member.MemberLookup;
import studio.booking.messages.availability.AddAvailabilityOverride;
import studio.booking.messages.availability.AddWeeklyWindow;
import studio.booking.messages.availability.AvailabilityChangeResult;
import studio.booking.messages.availability.RemoveAvailabilityOverride;
import studio.booking.messages.availability.RemoveWeeklyWindow;
import studio.booking.messages.booking.BookingStatus;
import studio.booking.messages.booking.DeclineCause;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.BookingSettings;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Availability changes (A1–A4). Under the instructor's exclusive lock, so no request or confirmation
 * of that instructor runs meanwhile; a change that removes slots declines the pending requests it
 * orphans and lists the confirmed lessons it leaves without a slot (A3), in the same unit of work.
 */
@Component
public class AvailabilityCommandHandler {

    private final Repository<InstructorSchedule> schedules;
    private final Repository<Booking> bookings;
    private final InstructorLocks locks;
    private final MemberLookup members;
    private final BookingLookup lookup;

    public AvailabilityCommandHandler(
            @Qualifier("instructorScheduleRepository") Repository<InstructorSchedule> schedules,
            @Qualifier("bookingRepository") Repository<Booking> bookings,
            InstructorLocks locks, MemberLookup members, BookingLookup lookup) {
        this.schedules = schedules;
        this.bookings = bookings;
        this.locks = locks;
        this.members = members;
        this.lookup = lookup;
    }

    /** A1. Adding a window never orphans anything. */
    @CommandHandler
    public UUID handle(AddWeeklyWindow cmd, Actor actor, Clock clock, BookingSettings settings) throws Exception {
        locks.exclusive(cmd.instructorId());
        ZoneId zone = zoneOf(cmd.instructorId(), settings);
        return schedule(cmd.instructorId()).invoke(s -> s.addWeeklyWindow(cmd.instructorId(), cmd.window(), actor,
                clock.instant().atZone(zone).toLocalDate()));
    }

    @CommandHandler
    public AvailabilityChangeResult handle(RemoveWeeklyWindow cmd, Actor actor, Clock clock, BookingSettings settings,
                                           DeadlineManager deadlines) throws Exception {
        locks.exclusive(cmd.instructorId());
        Orphans orphans = orphans(cmd.instructorId(), clock, settings);
        schedule(cmd.instructorId()).execute(s -> {
            orphans.before(s);
            s.removeWeeklyWindow(cmd.instructorId(), cmd.windowId(), actor);
        });
        return settle(orphans, cmd.instructorId(), cmd.windowId(), "Availability removed", deadlines);
    }

    /** A2: a block may orphan requests; extra hours never do. */
    @CommandHandler
    public AvailabilityChangeResult handle(AddAvailabilityOverride cmd, Actor actor, Clock clock,
                                           BookingSettings settings, DeadlineManager deadlines) throws Exception {
        locks.exclusive(cmd.instructorId());
        if (cmd.override().isExtraHours()) {
            schedule(cmd.instructorId()).execute(s -> s.addOverride(cmd.instructorId(), cmd.override(), actor));
            return AvailabilityChangeResult.none();
        }
        Orphans orphans = orphans(cmd.instructorId(), clock, settings);
        UUID overrideId = schedule(cmd.instructorId()).invoke(s -> {
            orphans.before(s);
            return s.addOverride(cmd.instructorId(), cmd.override(), actor);
        });
        return settle(orphans, cmd.instructorId(), overrideId, "Time blocked by the instructor", deadlines);
    }

    @CommandHandler
    public AvailabilityChangeResult handle(RemoveAvailabilityOverride cmd, Actor actor, Clock clock,
                                           BookingSettings settings, DeadlineManager deadlines) throws Exception {
        locks.exclusive(cmd.instructorId());
        Orphans orphans = orphans(cmd.instructorId(), clock, settings);
        schedule(cmd.instructorId()).execute(s -> {
            orphans.before(s);
            s.removeOverride(cmd.instructorId(), cmd.overrideId(), actor);
        });
        return settle(orphans, cmd.instructorId(), cmd.overrideId(), "Availability removed", deadlines);
    }

    private Orphans orphans(UUID instructorId, Clock clock, BookingSettings settings) {
        return new Orphans(lookup.upcoming(instructorId, clock.instant()), zoneOf(instructorId, settings));
    }

    /**
     * A3: decline the requests this change orphans; list (never cancel) the confirmed lessons it leaves
     * without a slot. Only what had a slot before the change and has none after it: a booking that was
     * already outside the hours (placed by staff, or left by an earlier change) is not this change's doing.
     */
    private AvailabilityChangeResult settle(Orphans orphans, UUID instructorId, UUID causedBy, String reason,
                                            DeadlineManager deadlines) throws Exception {
        List<BookingRef> lost = schedule(instructorId).invoke(orphans::after);
        List<UUID> declined = new ArrayList<>();
        List<UUID> conflicts = new ArrayList<>();
        for (BookingRef ref : lost) {
            if (ref.status() == BookingStatus.CONFIRMED) {
                conflicts.add(ref.bookingId());
            } else if (bookings.load(ref.bookingId().toString()).invoke(b -> b.declineBecause(
                    DeclineCause.SLOT_NO_LONGER_AVAILABLE, reason, causedBy, deadlines))) {
                declined.add(ref.bookingId());
            }
        }
        return new AvailabilityChangeResult(declined, conflicts);
    }

    /** The instructor's upcoming bookings, and which of them had a slot before the change. */
    private static final class Orphans {
        private final List<BookingRef> upcoming;
        private final ZoneId zone;
        private List<BookingRef> hadSlot = List.of();

        Orphans(List<BookingRef> upcoming, ZoneId zone) {
            this.upcoming = upcoming;
            this.zone = zone;
        }

        void before(InstructorSchedule schedule) {
            List<BookingRef> without = schedule.withoutSlot(upcoming, BookingRef::slot, zone);
            hadSlot = upcoming.stream().filter(ref -> !without.contains(ref)).toList();
        }

        List<BookingRef> after(InstructorSchedule schedule) {
            return schedule.withoutSlot(hadSlot, BookingRef::slot, zone);
        }
    }

    private Aggregate<InstructorSchedule> schedule(UUID instructorId) throws Exception {
        return schedules.loadOrCreate(InstructorSchedule.idOf(instructorId), InstructorSchedule::new);
    }

    private ZoneId zoneOf(UUID instructorId, BookingSettings settings) {
        return members.find(instructorId).map(m -> m.zone(settings.studioTimeZone()))
                .orElse(settings.studioTimeZone());
    }
}
