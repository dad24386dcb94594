package studio.booking.command.booking;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import studio.booking.command.ledger.InstructorLocks;
import studio.booking.command.ledger.SlotLedger;
import studio.booking.command.schedule.ScheduleSnapshots;
import studio.booking.messages.booking.BookingRequestResult;
import studio.booking.messages.booking.BookingStatus;
import studio.booking.messages.booking.CancelBooking;
import studio.booking.messages.booking.CompleteBooking;
import studio.booking.messages.booking.ConfirmBooking;
import studio.booking.messages.booking.ConfirmationResult;
import studio.booking.messages.booking.DeclineCause;
import studio.booking.messages.booking.MarkNoShow;
import studio.booking.messages.booking.RequestBooking;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.BookingSettings;
import studio.booking.messages.common.RuleViolation;
import studio.booking.messages.slots.Slot;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The booking commands that involve more than one aggregate. Each takes the instructor's advisory
 * lock first, then loads aggregates in the one order InstructorSchedule → SlotLedger → Booking(s)
 * (docs/architecture.md), so concurrent commands never deadlock and a confirmation sees every
 * committed request it competes with.
 */
@Component
public class BookingCommandHandler {

    private final ScheduleSnapshots schedules;
    private final Repository<SlotLedger> ledgers;
    private final Repository<Booking> bookings;
    private final InstructorLocks locks;
    private final BookingLookup lookup;

    public BookingCommandHandler(ScheduleSnapshots schedules,
                                 @Qualifier("slotLedgerRepository") Repository<SlotLedger> ledgers,
                                 @Qualifier("bookingRepository") Repository<Booking> bookings,
                                 InstructorLocks locks, BookingLookup lookup) {
        this.schedules = schedules;
        this.ledgers = ledgers;
        this.bookings = bookings;
        this.locks = locks;
        this.lookup = lookup;
    }

    /**
     * B1. Three round trips before the new booking's writes: the locks, the facts, the schedule's
     * version (docs/BENCHMARKS.md).
     */
    @CommandHandler
    public BookingRequestResult handle(RequestBooking cmd, Actor actor, Clock clock, BookingSettings settings,
                                       DeadlineManager deadlines) throws Exception {
        // the member the lesson is for, unless the rules refuse the request; locked before anything is read
        UUID memberId = actor == null ? null : cmd.memberId() == null ? actor.id() : cmd.memberId();
        locks.request(cmd.instructorId(), memberId);
        RequestFacts facts = lookup.requestFacts(actor == null ? null : actor.id(), cmd.memberId(),
                cmd.instructorId(), memberId, cmd.startTime(), cmd.endTime());
        Instant now = clock.instant();
        BookingRequestRules.memberFor(cmd, actor, facts.requester(), facts.member());
        BookingRequestRules.checkRequest(cmd, memberId, facts.instructor(), now);
        if (facts.identicalPending().isPresent()) {
            return new BookingRequestResult(facts.identicalPending().get(), false);
        }
        Slot slot = new Slot(cmd.startTime(), cmd.endTime());
        ZoneId zone = facts.instructor().get().zone(settings.studioTimeZone());
        boolean isSlot = schedules.current(cmd.instructorId()).offers(slot, zone);
        BookingRequestRules.checkSlot(slot.start(), facts.confirmedOverlap(), isSlot, facts.pendingCount(),
                !memberId.equals(actor.id()), now, settings);

        UUID bookingId = cmd.bookingId() == null ? UUID.randomUUID() : cmd.bookingId();
        bookings.newInstance(() -> new Booking(bookingId, cmd.instructorId(), memberId, slot, cmd.notes(), now,
                settings, deadlines));
        return new BookingRequestResult(bookingId, true);
    }

    /** B2: the ledger grants the interval, then every overlapping request is declined in this unit of work. */
    @CommandHandler
    public ConfirmationResult handle(ConfirmBooking cmd, Actor actor, Clock clock, BookingSettings settings,
                                     DeadlineManager deadlines) throws Exception {
        UUID instructorId = instructorOf(cmd.bookingId());
        Aggregate<SlotLedger> ledger = lockedLedger(instructorId);
        Instant now = clock.instant();
        Aggregate<Booking> booking = bookings.load(cmd.bookingId().toString());
        booking.execute(b -> b.checkConfirmable(actor, now));
        Slot slot = booking.invoke(Booking::slot);
        ledger.execute(l -> l.reserve(instructorId, cmd.bookingId(), slot.start(), slot.end()));
        booking.execute(b -> b.confirm(actor, now, settings, deadlines));

        List<UUID> declined = new ArrayList<>();
        for (BookingRef competitor : competitors(cmd.bookingId(),
                lookup.overlapping(instructorId, BookingStatus.PENDING, slot))) {
            boolean done = bookings.load(competitor.bookingId().toString()).invoke(b -> b.declineBecause(
                    DeclineCause.COMPETING_BOOKING_CONFIRMED, "Another booking was confirmed for this time",
                    cmd.bookingId(), deadlines));
            if (done) {
                declined.add(competitor.bookingId());
            }
        }
        return new ConfirmationResult(declined);
    }

    /** B2: the requests a confirmation declines — every other pending one overlapping it. */
    static List<BookingRef> competitors(UUID confirmed, List<BookingRef> overlappingPending) {
        return overlappingPending.stream()
                .filter(b -> !b.bookingId().equals(confirmed) && b.status() == BookingStatus.PENDING)
                .toList();
    }

    /** B4: a cancelled confirmed lesson frees its interval in the ledger. */
    @CommandHandler
    public void handle(CancelBooking cmd, Actor actor, Clock clock, BookingSettings settings,
                       DeadlineManager deadlines) throws Exception {
        Aggregate<SlotLedger> ledger = lockedLedger(instructorOf(cmd.bookingId()));
        boolean wasConfirmed = bookings.load(cmd.bookingId().toString())
                .invoke(b -> b.cancel(actor, cmd.reason(), clock.instant(), settings, deadlines));
        if (wasConfirmed) {
            ledger.execute(l -> l.release(cmd.bookingId()));
        }
    }

    /**
     * B7: a lesson marked completed or a no-show before its end gives the rest of its time back, so
     * the ledger agrees with the slots (which count confirmed lessons only).
     */
    @CommandHandler
    public void handle(CompleteBooking cmd, Actor actor, Clock clock, DeadlineManager deadlines) throws Exception {
        markLesson(cmd.bookingId(), b -> b.complete(actor, clock.instant(), deadlines));
    }

    /** B7, as {@link #handle(CompleteBooking, Actor, Clock, DeadlineManager)}. */
    @CommandHandler
    public void handle(MarkNoShow cmd, Actor actor, Clock clock, DeadlineManager deadlines) throws Exception {
        markLesson(cmd.bookingId(), b -> b.markNoShow(actor, clock.instant(), deadlines));
    }

    private void markLesson(UUID bookingId, Consumer<Booking> mark) throws Exception {
        Aggregate<SlotLedger> ledger = lockedLedger(instructorOf(bookingId));
        bookings.load(bookingId.toString()).execute(mark);
        ledger.execute(l -> l.release(bookingId));
    }

    /** The instructor's lock, then their ledger: what every command touching both takes before any booking. */
    private Aggregate<SlotLedger> lockedLedger(UUID instructorId) throws Exception {
        locks.exclusive(instructorId);
        return ledgers.loadOrCreate(SlotLedger.idOf(instructorId), SlotLedger::new);
    }

    private UUID instructorOf(UUID bookingId) {
        return lookup.instructorOf(bookingId).orElseThrow(() -> RuleViolation.notFound("Booking not found"));
    }
}
