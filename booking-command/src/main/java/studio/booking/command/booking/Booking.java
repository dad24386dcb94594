package studio.booking.command.booking;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.spring.stereotype.Aggregate;
import studio.booking.messages.booking.BookingCancelled;
import studio.booking.messages.booking.BookingCompleted;
import studio.booking.messages.booking.BookingConfirmed;
import studio.booking.messages.booking.BookingDeclined;
import studio.booking.messages.booking.BookingExpired;
import studio.booking.messages.booking.BookingMarkedNoShow;
import studio.booking.messages.booking.BookingRequested;
import studio.booking.messages.booking.BookingStatus;
import studio.booking.messages.booking.DeclineBooking;
import studio.booking.messages.booking.DeclineCause;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.BookingSettings;
import studio.booking.messages.common.PlainText;
import studio.booking.messages.common.RuleViolation;
import studio.booking.messages.slots.Slot;
import studio.booking.messages.thread.MarkThreadRead;
import studio.booking.messages.thread.MessagePosted;
import studio.booking.messages.thread.PostMessage;
import studio.booking.messages.thread.ThreadRead;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static studio.booking.messages.booking.BookingStatus.CANCELLED_BY_INSTRUCTOR;
import static studio.booking.messages.booking.BookingStatus.CANCELLED_BY_MEMBER;
import static studio.booking.messages.booking.BookingStatus.COMPLETED;
import static studio.booking.messages.booking.BookingStatus.CONFIRMED;
import static studio.booking.messages.booking.BookingStatus.DECLINED;
import static studio.booking.messages.booking.BookingStatus.NO_SHOW;
import static studio.booking.messages.booking.BookingStatus.PENDING;

/**
 * The life of one lesson request (B2–B7) and its message thread (M1, M2). Every transition is
 * checked against B6 ({@link BookingStatus#mayBecome}). Commands that need the ledger or other
 * bookings (request, confirm, cancel, complete, no-show) come through {@link BookingCommandHandler};
 * the rest are handled here. The thread lives here because it belongs to the booking: the
 * participants are known, and the booking's event stream is its whole history (docs/messaging.md).
 */
@Aggregate
public class Booking {

    static final String EXPIRY = "booking-expiry";
    static final String AUTO_COMPLETE = "booking-auto-complete";
    /** The deadline ids travel in the events' metadata, so a reloaded booking can still cancel them. */
    static final String DEADLINE_ID = "deadlineId";

    @AggregateIdentifier
    private UUID bookingId;
    private UUID instructorId;
    private UUID memberId;
    private Instant startTime;
    private Instant endTime;
    private BookingStatus status;
    private String expiryDeadlineId;
    /** B5: when a pending request expires. */
    private Instant expiresAt;
    private String autoCompleteDeadlineId;
    /** M2: the participants with a message from the other side they have not read yet. */
    private final Set<UUID> unreadBy = new HashSet<>();
    /** When the thread's latest message was written: what a read covers. */
    private Instant latestMessageAt;

    protected Booking() {
    }

    /** B1 has been checked by the caller; B5: expires at min(now + pending expiry, start). */
    public Booking(UUID bookingId, UUID instructorId, UUID memberId, Slot slot, String notes, Instant now,
                   BookingSettings settings, DeadlineManager deadlines) {
        Instant expiresAt = now.plus(settings.pendingExpiry());
        if (slot.start().isBefore(expiresAt)) {
            expiresAt = slot.start();
        }
        // the scope is named explicitly: the aggregate has no identifier until its first event
        String deadlineId = deadlines.schedule(expiresAt, EXPIRY, null,
                new AggregateScopeDescriptor(Booking.class.getSimpleName(), bookingId));
        apply(new BookingRequested(bookingId, instructorId, memberId, slot.start(), slot.end(), notes, expiresAt),
                MetaData.with(DEADLINE_ID, deadlineId));
    }

    public UUID instructorId() {
        return instructorId;
    }

    public Slot slot() {
        return new Slot(startTime, endTime);
    }

    /** B2, the booking's part, in the seed's order; the ledger decides the overlap in between. */
    public void checkConfirmable(Actor actor, Instant now) {
        requireVisible(actor);
        if (!status.mayBecome(CONFIRMED)) {
            throw RuleViolation.conflict("Booking not found or not pending");
        }
        if (!isStaffFor(actor)) {
            throw RuleViolation.forbidden("Not authorized to confirm this booking");
        }
        if (!startTime.isAfter(now)) {
            throw RuleViolation.conflict("This lesson has already started");
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            // B5: expired at its time, even while its deadline is late (a restart, a retry after a lost race)
            throw RuleViolation.conflict("Booking not found or not pending");
        }
    }

    public void confirm(Actor actor, Instant now, BookingSettings settings, DeadlineManager deadlines) {
        checkConfirmable(actor, now);
        cancelDeadline(deadlines, EXPIRY, expiryDeadlineId);
        String deadlineId = deadlines.schedule(endTime.plus(settings.autoCompleteAfter()), AUTO_COMPLETE, null,
                new AggregateScopeDescriptor(Booking.class.getSimpleName(), bookingId));
        apply(new BookingConfirmed(bookingId, instructorId, memberId, startTime, endTime),
                MetaData.with(DEADLINE_ID, deadlineId));
    }

    /** B3. */
    @CommandHandler
    public void handle(DeclineBooking cmd, Actor actor, DeadlineManager deadlines) {
        requireVisible(actor);
        if (!status.mayBecome(DECLINED)) {
            throw RuleViolation.conflict("Booking not found or not pending");
        }
        if (!isStaffFor(actor)) {
            throw RuleViolation.forbidden("Not authorized to decline this booking");
        }
        cancelDeadline(deadlines, EXPIRY, expiryDeadlineId);
        apply(new BookingDeclined(bookingId, instructorId, memberId, DeclineCause.DECLINED_BY_STAFF, cmd.reason(),
                null));
    }

    /** B2/A3: declined by the system, because another booking took the slot or the slot is gone. */
    public boolean declineBecause(DeclineCause cause, String reason, UUID causedBy, DeadlineManager deadlines) {
        if (!status.mayBecome(DECLINED)) {
            return false;
        }
        cancelDeadline(deadlines, EXPIRY, expiryDeadlineId);
        apply(new BookingDeclined(bookingId, instructorId, memberId, cause, reason, causedBy));
        return true;
    }

    /**
     * B4, checked in the seed's order: the booking's instructor, then the owner, at any time;
     * then the booking's member: a request always, a confirmed lesson only while its start is
     * strictly more than the notice (24 hours by default) away. Answers whether it had been confirmed.
     */
    public boolean cancel(Actor actor, String reason, Instant now, BookingSettings settings,
                          DeadlineManager deadlines) {
        requireVisible(actor);
        if (!status.mayBecome(CANCELLED_BY_MEMBER)) {
            throw RuleViolation.conflict("Booking not found or not cancellable");
        }
        BookingStatus next;
        if (actor.id().equals(instructorId) || actor.isOwner()) {
            next = CANCELLED_BY_INSTRUCTOR;
        } else if (actor.id().equals(memberId)) {
            // the 24-hour rule: exactly 24 hours before the start is already too late
            if (status == CONFIRMED && !startTime.isAfter(now.plus(settings.memberCancellationNotice()))) {
                throw RuleViolation.forbidden("Cannot cancel within 24 hours of start time. Contact your instructor.");
            }
            next = CANCELLED_BY_MEMBER;
        } else {
            throw RuleViolation.forbidden("Not authorized to cancel this booking");
        }
        boolean wasConfirmed = status == CONFIRMED;
        cancelDeadline(deadlines, EXPIRY, expiryDeadlineId);
        cancelDeadline(deadlines, AUTO_COMPLETE, autoCompleteDeadlineId);
        apply(new BookingCancelled(bookingId, instructorId, memberId, next, actor.id(), reason, wasConfirmed));
        return wasConfirmed;
    }

    /** B7; the ledger then frees what is left of the lesson's time. */
    public void complete(Actor actor, Instant now, DeadlineManager deadlines) {
        checkLessonMarkable(actor, now, COMPLETED, "Not authorized to complete this booking");
        cancelDeadline(deadlines, AUTO_COMPLETE, autoCompleteDeadlineId);
        apply(new BookingCompleted(bookingId, instructorId, memberId, false));
    }

    /** B7; the ledger then frees what is left of the lesson's time. */
    public void markNoShow(Actor actor, Instant now, DeadlineManager deadlines) {
        checkLessonMarkable(actor, now, NO_SHOW, "Not authorized to mark this booking as a no-show");
        cancelDeadline(deadlines, AUTO_COMPLETE, autoCompleteDeadlineId);
        apply(new BookingMarkedNoShow(bookingId, instructorId, memberId));
    }

    private void checkLessonMarkable(Actor actor, Instant now, BookingStatus next, String notAuthorized) {
        requireVisible(actor);
        if (!status.mayBecome(next)) {
            throw RuleViolation.conflict("Booking not found or not confirmed");
        }
        if (!isStaffFor(actor)) {
            throw RuleViolation.forbidden(notAuthorized);
        }
        if (startTime.isAfter(now)) {
            throw RuleViolation.conflict("The lesson has not started yet");
        }
    }

    /** M1: the booking's member or instructor writes, whatever the booking's status. */
    @CommandHandler
    public void handle(PostMessage cmd, Actor actor) {
        requireVisible(actor);
        if (!isParticipant(actor)) {
            throw RuleViolation.forbidden("Only the booking's member and instructor can send messages");
        }
        String content = cmd.content() == null ? "" : PlainText.strip(cmd.content());
        if (!PostMessage.isAcceptable(content)) {
            throw RuleViolation.invalid(PostMessage.CONTENT_RULE);
        }
        apply(new MessagePosted(bookingId, cmd.messageId(), instructorId, memberId, actor.id(), content));
    }

    /**
     * M2: a participant opened the thread. Records a read only when a message from the other side
     * was unread, so opening a read thread leaves no trace in the history. Answers whether it was unread.
     */
    @CommandHandler
    public boolean handle(MarkThreadRead cmd, Actor actor) {
        requireVisible(actor);
        if (!isParticipant(actor)) {
            throw RuleViolation.forbidden("Only the booking's member and instructor have read markers");
        }
        if (!unreadBy.contains(actor.id())) {
            return false;
        }
        apply(new ThreadRead(bookingId, actor.id(), latestMessageAt));
        return true;
    }

    /** B5: a request nobody answered in time. */
    @DeadlineHandler(deadlineName = EXPIRY)
    void expire() {
        if (status.mayBecome(BookingStatus.EXPIRED)) {
            apply(new BookingExpired(bookingId, instructorId, memberId));
        }
    }

    /** B7: a confirmed lesson nobody marked completes by itself. */
    @DeadlineHandler(deadlineName = AUTO_COMPLETE)
    void autoComplete() {
        if (status.mayBecome(COMPLETED)) {
            apply(new BookingCompleted(bookingId, instructorId, memberId, true));
        }
    }

    /** B8 on the write side: a member learns nothing about other members' bookings. */
    private void requireVisible(Actor actor) {
        if (actor == null) {
            throw RuleViolation.forbidden("Not authenticated");
        }
        if (!actor.role().isStaff() && !actor.id().equals(memberId)) {
            throw RuleViolation.notFound("Booking not found");
        }
    }

    private boolean isParticipant(Actor actor) {
        return actor.id().equals(memberId) || actor.id().equals(instructorId);
    }

    private boolean isStaffFor(Actor actor) {
        return actor.id().equals(instructorId) || actor.isOwner();
    }

    private static void cancelDeadline(DeadlineManager deadlines, String name, String id) {
        if (id != null) {
            deadlines.cancelSchedule(name, id);
        }
    }

    @EventSourcingHandler
    void on(BookingRequested e, @MetaDataValue(DEADLINE_ID) String deadlineId) {
        bookingId = e.bookingId();
        instructorId = e.instructorId();
        memberId = e.memberId();
        startTime = e.startTime();
        endTime = e.endTime();
        status = PENDING;
        expiryDeadlineId = deadlineId;
        expiresAt = e.expiresAt();
    }

    @EventSourcingHandler
    void on(BookingConfirmed e, @MetaDataValue(DEADLINE_ID) String deadlineId) {
        status = CONFIRMED;
        expiryDeadlineId = null;
        autoCompleteDeadlineId = deadlineId;
    }

    @EventSourcingHandler
    void on(BookingDeclined e) {
        status = DECLINED;
        expiryDeadlineId = null;
    }

    @EventSourcingHandler
    void on(BookingExpired e) {
        status = BookingStatus.EXPIRED;
        expiryDeadlineId = null;
    }

    @EventSourcingHandler
    void on(BookingCancelled e) {
        status = e.status();
        expiryDeadlineId = null;
        autoCompleteDeadlineId = null;
    }

    @EventSourcingHandler
    void on(BookingCompleted e) {
        status = COMPLETED;
        autoCompleteDeadlineId = null;
    }

    @EventSourcingHandler
    void on(BookingMarkedNoShow e) {
        status = NO_SHOW;
        autoCompleteDeadlineId = null;
    }

    /**
     * M2 by the order of events, not by comparing times: a message written in the same instant as a
     * read (a coarse or pinned clock) still counts as unread.
     */
    @EventSourcingHandler
    void on(MessagePosted e, @Timestamp Instant at) {
        latestMessageAt = at;
        if (e.senderId().equals(instructorId)) {
            unreadBy.add(memberId);
        } else if (e.senderId().equals(memberId)) {
            unreadBy.add(instructorId);
        }
    }

    @EventSourcingHandler
    void on(ThreadRead e) {
        unreadBy.remove(e.readerId());
    }
}
