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
        Aggregate<InstructorSchedule> schedule = schedule(cmd.instructorId());
        schedule.execute(s -> s.removeWeeklyWindow(cmd.instructorId(), cmd.windowId(), actor));
        return settle(cmd.instructorId(), schedule, cmd.windowId(), "Availability removed", clock, settings, deadlines);
    }

    /** A2: a block may orphan requests; extra hours never do. */
    @CommandHandler
    public AvailabilityChangeResult handle(AddAvailabilityOverride cmd, Actor actor, Clock clock,
                                           BookingSettings settings, DeadlineManager deadlines) throws Exception {
        locks.exclusive(cmd.instructorId());
        Aggregate<InstructorSchedule> schedule = schedule(cmd.instructorId());
        UUID overrideId = schedule.invoke(s -> s.addOverride(cmd.instructorId(), cmd.override(), actor));
        if (cmd.override().isExtraHours()) {
            return AvailabilityChangeResult.none();
        }
        return settle(cmd.instructorId(), schedule, overrideId, "Time blocked by the instructor", clock, settings,
                deadlines);
    }

    @CommandHandler
    public AvailabilityChangeResult handle(RemoveAvailabilityOverride cmd, Actor actor, Clock clock,
                                           BookingSettings settings, DeadlineManager deadlines) throws Exception {
        locks.exclusive(cmd.instructorId());
        Aggregate<InstructorSchedule> schedule = schedule(cmd.instructorId());
        schedule.execute(s -> s.removeOverride(cmd.instructorId(), cmd.overrideId(), actor));
        return settle(cmd.instructorId(), schedule, cmd.overrideId(), "Availability removed", clock, settings,
                deadlines);
    }

    /** A3: decline the orphaned requests; list (never cancel) the orphaned confirmed lessons. */
    private AvailabilityChangeResult settle(UUID instructorId, Aggregate<InstructorSchedule> schedule, UUID causedBy,
                                            String reason, Clock clock, BookingSettings settings,
                                            DeadlineManager deadlines) {
        ZoneId zone = zoneOf(instructorId, settings);
        List<BookingRef> upcoming = lookup.upcoming(instructorId, clock.instant());
        List<BookingRef> lost = schedule.invoke(s -> s.withoutSlot(upcoming, BookingRef::slot, zone));
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

    private Aggregate<InstructorSchedule> schedule(UUID instructorId) throws Exception {
        return schedules.loadOrCreate(InstructorSchedule.idOf(instructorId), InstructorSchedule::new);
    }

    private ZoneId zoneOf(UUID instructorId, BookingSettings settings) {
        return members.find(instructorId).map(m -> m.zone(settings.studioTimeZone()))
                .orElse(settings.studioTimeZone());
    }
}
