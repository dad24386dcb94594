package studio.booking.command.booking;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import studio.booking.command.support.FixtureClock;
import studio.booking.messages.booking.BookingCancelled;
import studio.booking.messages.booking.BookingCompleted;
import studio.booking.messages.booking.BookingConfirmed;
import studio.booking.messages.booking.BookingDeclined;
import studio.booking.messages.booking.BookingExpired;
import studio.booking.messages.booking.BookingMarkedNoShow;
import studio.booking.messages.booking.BookingRequested;
import studio.booking.messages.booking.BookingStatus;
import studio.booking.messages.booking.CancelBooking;
import studio.booking.messages.booking.CompleteBooking;
import studio.booking.messages.booking.ConfirmBooking;
import studio.booking.messages.booking.DeclineBooking;
import studio.booking.messages.booking.DeclineCause;
import studio.booking.messages.booking.MarkNoShow;
import studio.booking.messages.booking.RequestBooking;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.BookingSettings;
import studio.booking.messages.common.Role;
import studio.booking.messages.slots.Slot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static studio.booking.command.support.Violations.violation;
import static studio.booking.messages.common.RuleViolation.Kind.CONFLICT;
import static studio.booking.messages.common.RuleViolation.Kind.FORBIDDEN;
import static studio.booking.messages.common.RuleViolation.Kind.NOT_FOUND;

/**
 * The booking's life (B2–B7), one aggregate at a time. Request, confirm, cancel, complete and no-show
 * are multi-aggregate commands in the application; here a small handler drives the same aggregate
 * calls without locks, lookups and ledger. The application's own handler, with them, is under
 * {@code CommandFlowTest} (B1, B2, A3, B4) and the HTTP tests of booking-api.
 */
class BookingTest {

    private static final Instant T0 = Instant.parse("2030-03-04T15:00:00Z");
    private static final Instant START = T0.plus(Duration.ofDays(3));
    private static final Instant END = START.plus(Duration.ofHours(1));
    private static final UUID ID = UUID.randomUUID();
    private static final Actor INSTRUCTOR = new Actor(UUID.randomUUID(), Role.INSTRUCTOR);
    private static final Actor MEMBER = new Actor(UUID.randomUUID(), Role.MEMBER_FULL);
    private static final Actor OWNER = new Actor(UUID.randomUUID(), Role.OWNER);
    private static final Actor OTHER_INSTRUCTOR = new Actor(UUID.randomUUID(), Role.INSTRUCTOR);
    private static final Actor OTHER_MEMBER = new Actor(UUID.randomUUID(), Role.MEMBER_LIMITED);
    private static final BookingSettings SETTINGS = BookingSettings.defaults();


    /** The aggregate calls the application's BookingCommandHandler makes, minus locks, lookups and ledger. */
    static class Commands {
        private final Repository<Booking> bookings;

        Commands(Repository<Booking> bookings) {
            this.bookings = bookings;
        }

        @CommandHandler
        void handle(RequestBooking cmd, Clock clock, BookingSettings settings, DeadlineManager deadlines) throws Exception {
            bookings.newInstance(() -> new Booking(cmd.bookingId(), cmd.instructorId(), cmd.memberId(),
                    new Slot(cmd.startTime(), cmd.endTime()), cmd.notes(), clock.instant(), settings, deadlines));
        }

        @CommandHandler
        void handle(ConfirmBooking cmd, Actor actor, Clock clock, BookingSettings settings, DeadlineManager deadlines) {
            bookings.load(cmd.bookingId().toString()).execute(b -> b.confirm(actor, clock.instant(), settings, deadlines));
        }

        @CommandHandler
        boolean handle(CancelBooking cmd, Actor actor, Clock clock, BookingSettings settings, DeadlineManager deadlines) {
            return bookings.load(cmd.bookingId().toString())
                    .invoke(b -> b.cancel(actor, cmd.reason(), clock.instant(), settings, deadlines));
        }

        @CommandHandler
        void handle(CompleteBooking cmd, Actor actor, Clock clock, DeadlineManager deadlines) {
            bookings.load(cmd.bookingId().toString()).execute(b -> b.complete(actor, clock.instant(), deadlines));
        }

        @CommandHandler
        void handle(MarkNoShow cmd, Actor actor, Clock clock, DeadlineManager deadlines) {
            bookings.load(cmd.bookingId().toString()).execute(b -> b.markNoShow(actor, clock.instant(), deadlines));
        }
    }

    /** A fresh fixture per scenario: its stub deadline manager keeps what earlier scenarios scheduled. */
    private static AggregateTestFixture<Booking> fixture() {
        AggregateTestFixture<Booking> fixture = new AggregateTestFixture<>(Booking.class);
        fixture.registerInjectableResource(SETTINGS);
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
        fixture.registerAnnotatedCommandHandler(new Commands(fixture.getRepository()));
        return fixture;
    }

    private static Object as(Actor actor, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData());
    }

    private static RequestBooking request(Instant start) {
        return new RequestBooking(ID, INSTRUCTOR.id(), MEMBER.id(), start, start.plus(Duration.ofHours(1)), "Waltz");
    }

    private static BookingRequested requested() {
        return new BookingRequested(ID, INSTRUCTOR.id(), MEMBER.id(), START, END, "Waltz", T0.plus(Duration.ofHours(4)));
    }

    private static BookingConfirmed confirmed() {
        return new BookingConfirmed(ID, INSTRUCTOR.id(), MEMBER.id(), START, END);
    }

    private static Map<String, String> meta(Actor actor) {
        return actor.asMetaData();
    }

    // B1 ------------------------------------------------------------------------------------------
    // (who may request which interval is decided before the aggregate: BookingRequestRulesTest, and
    // with the application's own handler, CommandFlowTest)

    @Test
    void B1_a_request_is_recorded_for_its_member_and_is_pending_so_it_can_be_confirmed_or_declined() {
        fixture().givenCurrentTime(T0)
                .when(as(MEMBER, request(START)))
                .expectEvents(requested());
        fixture().givenCurrentTime(T0).andGivenCommands(request(START))
                .when(new ConfirmBooking(ID), meta(INSTRUCTOR))
                .expectEvents(confirmed());
        fixture().givenCurrentTime(T0).andGivenCommands(request(START))
                .when(new DeclineBooking(ID, null), meta(INSTRUCTOR))
                .expectEvents(new BookingDeclined(ID, INSTRUCTOR.id(), MEMBER.id(), DeclineCause.DECLINED_BY_STAFF,
                        null, null));
    }

    // B2 ------------------------------------------------------------------------------------------

    @Test
    void B2_instructor_or_owner_confirms_a_pending_request() {
        fixture().givenCurrentTime(T0).andGiven(requested())
                .when(new ConfirmBooking(ID), meta(INSTRUCTOR)).expectEvents(confirmed());
        fixture().givenCurrentTime(T0).andGiven(requested())
                .when(new ConfirmBooking(ID), meta(OWNER)).expectEvents(confirmed());
    }

    @Test
    void B2_only_the_booking_instructor_or_the_owner_confirms() {
        for (Actor actor : List.of(MEMBER, OTHER_INSTRUCTOR)) {
            fixture().givenCurrentTime(T0).andGiven(requested())
                    .when(new ConfirmBooking(ID), meta(actor))
                    .expectException(violation(FORBIDDEN, "Not authorized to confirm this booking"));
        }
    }

    @Test
    void B2_only_pending_and_not_started() {
        fixture().givenCurrentTime(T0).andGiven(requested(), confirmed())
                .when(new ConfirmBooking(ID), meta(INSTRUCTOR))
                .expectException(violation(CONFLICT, "Booking not found or not pending"));
        fixture().givenCurrentTime(START).andGiven(requested())
                .when(new ConfirmBooking(ID), meta(INSTRUCTOR))
                .expectException(violation(CONFLICT));
    }

    @Test
    void B8_other_members_do_not_see_the_booking() {
        fixture().givenCurrentTime(T0).andGiven(requested())
                .when(new ConfirmBooking(ID), meta(OTHER_MEMBER))
                .expectException(violation(NOT_FOUND, "Booking not found"));
    }

    // B3 ------------------------------------------------------------------------------------------

    @Test
    void B3_instructor_or_owner_declines_with_a_reason() {
        BookingDeclined declined = new BookingDeclined(ID, INSTRUCTOR.id(), MEMBER.id(), DeclineCause.DECLINED_BY_STAFF,
                "Away that week", null);
        fixture().givenCurrentTime(T0).andGiven(requested())
                .when(new DeclineBooking(ID, "Away that week"), meta(INSTRUCTOR)).expectEvents(declined);
        fixture().givenCurrentTime(T0).andGiven(requested())
                .when(new DeclineBooking(ID, "Away that week"), meta(OWNER)).expectEvents(declined);
    }

    @Test
    void B3_member_or_other_instructor_cannot_decline() {
        for (Actor actor : List.of(MEMBER, OTHER_INSTRUCTOR)) {
            fixture().givenCurrentTime(T0).andGiven(requested())
                    .when(new DeclineBooking(ID, null), meta(actor))
                    .expectException(violation(FORBIDDEN, "Not authorized to decline this booking"));
        }
        fixture().givenCurrentTime(T0).andGiven(requested())
                .when(new DeclineBooking(ID, null), meta(OTHER_MEMBER))
                .expectException(violation(NOT_FOUND, "Booking not found"));
    }

    @Test
    void B3_only_pending_is_declined() {
        fixture().givenCurrentTime(T0).andGiven(requested(), confirmed())
                .when(new DeclineBooking(ID, null), meta(INSTRUCTOR))
                .expectException(violation(CONFLICT, "Booking not found or not pending"));
    }

    // B4 ------------------------------------------------------------------------------------------

    private static BookingCancelled cancelled(BookingStatus status, Actor by, boolean wasConfirmed) {
        return new BookingCancelled(ID, INSTRUCTOR.id(), MEMBER.id(), status, by.id(), "Sick", wasConfirmed);
    }

    @Test
    void B4_member_cancels_a_pending_request_at_any_time() {
        fixture().givenCurrentTime(START.minus(Duration.ofMinutes(5))).andGiven(requested())
                .when(new CancelBooking(ID, "Sick"), meta(MEMBER))
                .expectEvents(cancelled(BookingStatus.CANCELLED_BY_MEMBER, MEMBER, false));
    }

    @Test
    void B4_member_cannot_cancel_inside_24h() {
        // exactly 24 hours before the start is already inside the notice
        fixture().givenCurrentTime(START.minus(Duration.ofHours(24))).andGiven(requested(), confirmed())
                .when(new CancelBooking(ID, "Sick"), meta(MEMBER))
                .expectException(violation(FORBIDDEN,
                        "Cannot cancel within 24 hours of start time. Contact your instructor."));
        fixture().givenCurrentTime(START.minus(Duration.ofHours(2))).andGiven(requested(), confirmed())
                .when(new CancelBooking(ID, "Sick"), meta(MEMBER))
                .expectException(violation(FORBIDDEN));
    }

    @Test
    void B4_member_cancels_a_confirmed_lesson_strictly_more_than_24h_ahead() {
        fixture().givenCurrentTime(START.minus(Duration.ofHours(24)).minusSeconds(1)).andGiven(requested(), confirmed())
                .when(new CancelBooking(ID, "Sick"), meta(MEMBER))
                .expectEvents(cancelled(BookingStatus.CANCELLED_BY_MEMBER, MEMBER, true));
    }

    @Test
    void B4_instructor_and_owner_cancel_at_any_time() {
        for (Actor actor : List.of(INSTRUCTOR, OWNER)) {
            fixture().givenCurrentTime(START.minus(Duration.ofMinutes(10))).andGiven(requested(), confirmed())
                    .when(new CancelBooking(ID, "Sick"), meta(actor))
                    .expectEvents(cancelled(BookingStatus.CANCELLED_BY_INSTRUCTOR, actor, true));
        }
    }

    @Test
    void B4_instructor_checked_before_member_when_booking_with_oneself_as_both() {
        // an instructor who is also the member of this booking cancels as its instructor
        Actor both = new Actor(MEMBER.id(), Role.INSTRUCTOR);
        BookingRequested own = new BookingRequested(ID, MEMBER.id(), MEMBER.id(), START, END, null, START);
        fixture().givenCurrentTime(START.minus(Duration.ofHours(1))).andGiven(own,
                        new BookingConfirmed(ID, MEMBER.id(), MEMBER.id(), START, END))
                .when(new CancelBooking(ID, null), meta(both))
                .expectEvents(new BookingCancelled(ID, MEMBER.id(), MEMBER.id(), BookingStatus.CANCELLED_BY_INSTRUCTOR,
                        MEMBER.id(), null, true));
    }

    @Test
    void B4_anyone_else_is_refused() {
        fixture().givenCurrentTime(T0).andGiven(requested())
                .when(new CancelBooking(ID, null), meta(OTHER_INSTRUCTOR))
                .expectException(violation(FORBIDDEN, "Not authorized to cancel this booking"));
        fixture().givenCurrentTime(T0).andGiven(requested())
                .when(new CancelBooking(ID, null), meta(OTHER_MEMBER))
                .expectException(violation(NOT_FOUND, "Booking not found"));
    }

    // B5 ------------------------------------------------------------------------------------------

    @Test
    void B5_request_schedules_expiry_after_the_pending_expiry() {
        fixture().givenCurrentTime(T0)
                .when(request(START))
                .expectEvents(requested())
                .expectScheduledDeadlineWithName(T0.plus(Duration.ofHours(4)), Booking.EXPIRY);
    }

    @Test
    void B5_expiry_is_at_the_start_when_that_comes_first() {
        Instant soon = T0.plus(Duration.ofHours(2));
        fixture().givenCurrentTime(T0)
                .when(request(soon))
                .expectEvents(new BookingRequested(ID, INSTRUCTOR.id(), MEMBER.id(), soon, soon.plus(Duration.ofHours(1)),
                        "Waltz", soon))
                .expectScheduledDeadlineWithName(soon, Booking.EXPIRY);
    }

    @Test
    void B5_an_unanswered_request_expires() {
        fixture().givenCurrentTime(T0).andGivenCommands(request(START))
                .whenTimeElapses(Duration.ofHours(4))
                .expectTriggeredDeadlinesWithName(Booking.EXPIRY)
                .expectEvents(new BookingExpired(ID, INSTRUCTOR.id(), MEMBER.id()));
    }

    @Test
    void B5_a_request_past_its_expiry_cannot_be_confirmed_even_before_its_deadline_ran() {
        Instant expiry = requested().expiresAt();
        fixture().givenCurrentTime(expiry).andGiven(requested())
                .when(new ConfirmBooking(ID), meta(INSTRUCTOR))
                .expectException(violation(CONFLICT, "Booking not found or not pending"));
        fixture().givenCurrentTime(expiry.minusMillis(1)).andGiven(requested())
                .when(new ConfirmBooking(ID), meta(INSTRUCTOR))
                .expectEvents(confirmed());
    }

    @Test
    void B5_expiry_is_dropped_when_the_request_leaves_pending() {
        fixture().givenCurrentTime(T0).andGivenCommands(request(START))
                .when(new ConfirmBooking(ID), meta(INSTRUCTOR))
                .expectNoScheduledDeadlineWithName(T0.plus(Duration.ofHours(4)), Booking.EXPIRY);
        fixture().givenCurrentTime(T0).andGivenCommands(request(START))
                .when(new DeclineBooking(ID, null), meta(INSTRUCTOR))
                .expectNoScheduledDeadlines();
        fixture().givenCurrentTime(T0).andGivenCommands(request(START))
                .when(new CancelBooking(ID, null), meta(MEMBER))
                .expectNoScheduledDeadlines();
    }

    // B6 ------------------------------------------------------------------------------------------

    private static final Map<BookingStatus, Object> ENDED = Map.of(
            BookingStatus.DECLINED, new BookingDeclined(ID, INSTRUCTOR.id(), MEMBER.id(), DeclineCause.DECLINED_BY_STAFF, null, null),
            BookingStatus.EXPIRED, new BookingExpired(ID, INSTRUCTOR.id(), MEMBER.id()),
            BookingStatus.CANCELLED_BY_MEMBER, new BookingCancelled(ID, INSTRUCTOR.id(), MEMBER.id(),
                    BookingStatus.CANCELLED_BY_MEMBER, MEMBER.id(), null, false),
            BookingStatus.CANCELLED_BY_INSTRUCTOR, new BookingCancelled(ID, INSTRUCTOR.id(), MEMBER.id(),
                    BookingStatus.CANCELLED_BY_INSTRUCTOR, INSTRUCTOR.id(), null, false),
            BookingStatus.COMPLETED, new BookingCompleted(ID, INSTRUCTOR.id(), MEMBER.id(), false),
            BookingStatus.NO_SHOW, new BookingMarkedNoShow(ID, INSTRUCTOR.id(), MEMBER.id()));

    private static List<Object> commands() {
        return List.of(new ConfirmBooking(ID), new DeclineBooking(ID, null), new CancelBooking(ID, null),
                new CompleteBooking(ID), new MarkNoShow(ID));
    }

    @Test
    void B6_nothing_leaves_a_final_status() {
        ENDED.forEach((status, event) -> {
            List<Object> history = status == BookingStatus.COMPLETED || status == BookingStatus.NO_SHOW
                    ? List.of(requested(), confirmed(), event) : List.of(requested(), event);
            for (Object command : commands()) {
                fixture().givenCurrentTime(T0).andGiven(history)
                        .when(command, meta(OWNER))
                        .expectException(violation(CONFLICT))
                        .expectNoEvents();
            }
        });
    }

    @Test
    void B6_pending_cannot_be_completed_or_no_show_and_confirmed_cannot_be_confirmed_or_declined() {
        for (Object command : List.of(new CompleteBooking(ID), new MarkNoShow(ID))) {
            fixture().givenCurrentTime(END).andGiven(requested())
                    .when(command, meta(OWNER)).expectException(violation(CONFLICT));
        }
        for (Object command : List.of(new ConfirmBooking(ID), new DeclineBooking(ID, null))) {
            fixture().givenCurrentTime(T0).andGiven(requested(), confirmed())
                    .when(command, meta(OWNER)).expectException(violation(CONFLICT));
        }
    }

    // B7 ------------------------------------------------------------------------------------------

    @Test
    void B7_complete_or_no_show_before_the_start_is_refused() {
        for (Object command : List.of(new CompleteBooking(ID), new MarkNoShow(ID))) {
            fixture().givenCurrentTime(START.minusSeconds(1)).andGiven(requested(), confirmed())
                    .when(command, meta(INSTRUCTOR))
                    .expectException(violation(CONFLICT, "The lesson has not started yet"));
        }
    }

    @Test
    void B7_instructor_or_owner_marks_a_started_lesson() {
        fixture().givenCurrentTime(START).andGiven(requested(), confirmed())
                .when(new CompleteBooking(ID), meta(INSTRUCTOR))
                .expectEvents(new BookingCompleted(ID, INSTRUCTOR.id(), MEMBER.id(), false));
        fixture().givenCurrentTime(START.plusSeconds(60)).andGiven(requested(), confirmed())
                .when(new MarkNoShow(ID), meta(OWNER))
                .expectEvents(new BookingMarkedNoShow(ID, INSTRUCTOR.id(), MEMBER.id()));
        fixture().givenCurrentTime(END).andGiven(requested(), confirmed())
                .when(new CompleteBooking(ID), meta(MEMBER))
                .expectException(violation(FORBIDDEN));
    }

    @Test
    void B7_confirming_schedules_auto_complete_after_the_end() {
        fixture().givenCurrentTime(T0).andGivenCommands(request(START))
                .when(new ConfirmBooking(ID), meta(INSTRUCTOR))
                .expectScheduledDeadlineWithName(END.plus(SETTINGS.autoCompleteAfter()), Booking.AUTO_COMPLETE);
    }

    @Test
    void B7_an_unmarked_lesson_completes_by_itself() {
        fixture().givenCurrentTime(T0).andGivenCommands(request(START), as(INSTRUCTOR, new ConfirmBooking(ID)))
                .whenTimeAdvancesTo(END.plus(Duration.ofHours(24)))
                .expectTriggeredDeadlinesWithName(Booking.AUTO_COMPLETE)
                .expectEvents(new BookingCompleted(ID, INSTRUCTOR.id(), MEMBER.id(), true));
    }

    @Test
    void B7_auto_complete_is_dropped_when_cancelled() {
        fixture().givenCurrentTime(T0).andGivenCommands(request(START), as(INSTRUCTOR, new ConfirmBooking(ID)))
                .when(new CancelBooking(ID, null), meta(INSTRUCTOR))
                .expectNoScheduledDeadlines();
    }
}
