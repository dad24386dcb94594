package studio.booking.command;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.booking.command.booking.Booking;
import studio.booking.command.booking.BookingCommandHandler;
import studio.booking.command.booking.BookingLookup;
import studio.booking.command.ledger.InstructorLocks;
import studio.booking.command.ledger.SlotLedger;
import studio.booking.command.member.Member;
import studio.booking.command.member.MemberLookup;
import studio.booking.command.schedule.AvailabilityCommandHandler;
import studio.booking.command.schedule.InstructorSchedule;
import studio.booking.command.schedule.ScheduleSnapshots;
import studio.booking.command.support.TestDatabase;
import studio.booking.messages.availability.AddWeeklyWindow;
import studio.booking.messages.availability.AvailabilityChangeResult;
import studio.booking.messages.availability.RemoveWeeklyWindow;
import studio.booking.messages.availability.WeeklyWindow;
import studio.booking.messages.booking.BookingRequestResult;
import studio.booking.messages.booking.CancelBooking;
import studio.booking.messages.booking.ConfirmBooking;
import studio.booking.messages.booking.ConfirmationResult;
import studio.booking.messages.booking.RequestBooking;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.BookingSettings;
import studio.booking.messages.common.Role;
import studio.booking.messages.common.RuleViolation;
import studio.booking.messages.member.RegisterMember;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The external handlers end to end on a plain Axon configuration: in-memory event store, the
 * lookups and advisory locks on a real PostgreSQL (auto-commit here; the application adds the
 * Spring transaction), lookups updated by subscribing handlers that propagate failures.
 */
class CommandFlowTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-03-04T12:00:00Z"), ZoneOffset.UTC); // Monday
    private static final LocalDate NEXT_MONDAY = LocalDate.of(2030, 3, 11);

    private Configuration axon;
    private CommandGateway gateway;
    private final Actor instructor = new Actor(UUID.randomUUID(), Role.INSTRUCTOR);
    private final Actor ann = new Actor(UUID.randomUUID(), Role.MEMBER_FULL);
    private final Actor bea = new Actor(UUID.randomUUID(), Role.MEMBER_LIMITED);

    @BeforeEach
    void start() {
        MemberLookup members = new MemberLookup(TestDatabase.jdbc());
        BookingLookup bookings = new BookingLookup(TestDatabase.jdbc());
        InstructorLocks locks = new InstructorLocks(TestDatabase.jdbc());
        StubDeadlineManager deadlines = new StubDeadlineManager(CLOCK.instant());
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(ParameterResolverFactory.class, c -> MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(getClass()),
                        new SimpleResourceParameterResolverFactory(
                                List.of(CLOCK, BookingSettings.defaults(), members, deadlines))))
                .configureAggregate(Member.class)
                .configureAggregate(InstructorSchedule.class)
                .configureAggregate(SlotLedger.class)
                .configureAggregate(Booking.class)
                .registerCommandHandler(c -> new BookingCommandHandler(
                        new ScheduleSnapshots(c.repository(InstructorSchedule.class), c.eventStore()),
                        c.repository(SlotLedger.class), c.repository(Booking.class), locks, bookings))
                .registerCommandHandler(c -> new AvailabilityCommandHandler(c.repository(InstructorSchedule.class),
                        c.repository(Booking.class), locks, members, bookings))
                .eventProcessing(p -> p.usingSubscribingEventProcessors()
                        .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                        .registerEventHandler(c -> members)
                        .registerEventHandler(c -> bookings))
                .buildConfiguration();
        axon.start();
        gateway = axon.commandGateway();
        register(instructor, "Ivy");
        register(ann, "Ann");
        register(bea, "Bea");
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private void register(Actor actor, String name) {
        gateway.sendAndWait(new RegisterMember(actor.id(), actor.id() + "@studio.test", name, actor.role(), null, null));
    }

    private <R> R send(Actor actor, Object command) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData()));
    }

    private static Instant monday(int hour, int minute) {
        return ZonedDateTime.of(NEXT_MONDAY, LocalTime.of(hour, minute), NEW_YORK).toInstant();
    }

    private RequestBooking request(Actor member, int hour, int minute) {
        Instant start = monday(hour, minute);
        return new RequestBooking(UUID.randomUUID(), instructor.id(), null, start, start.plusSeconds(3600), null);
    }

    private UUID mondayMorningWindow() {
        return send(instructor, new AddWeeklyWindow(instructor.id(),
                new WeeklyWindow(null, 1, LocalTime.of(9, 0), LocalTime.of(12, 0), 60, null, null)));
    }

    private static void refused(Runnable command, String detail) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.detail()).isEqualTo(detail));
    }

    @Test
    void B1_a_double_click_makes_one_booking_and_several_members_may_ask_for_one_slot() {
        mondayMorningWindow();
        BookingRequestResult first = send(ann, request(ann, 9, 0));
        assertThat(first.created()).isTrue();
        assertThat(this.<BookingRequestResult>send(ann, request(ann, 9, 0)))
                .isEqualTo(new BookingRequestResult(first.bookingId(), false));
        BookingRequestResult rival = send(bea, request(bea, 9, 0));
        assertThat(rival.created()).isTrue();
        assertThat(rival.bookingId()).isNotEqualTo(first.bookingId());
        refused(() -> send(bea, request(bea, 9, 30)), "Requested time is not an available slot");
    }

    @Test
    void B2_confirming_declines_the_overlapping_requests_in_the_same_unit_of_work() {
        mondayMorningWindow();
        BookingRequestResult first = send(ann, request(ann, 9, 0));
        BookingRequestResult rival = send(bea, request(bea, 9, 0));
        BookingRequestResult later = send(bea, request(bea, 10, 0));

        ConfirmationResult confirmed = send(instructor, new ConfirmBooking(first.bookingId()));

        assertThat(confirmed.declined()).containsExactly(rival.bookingId());
        refused(() -> send(instructor, new ConfirmBooking(rival.bookingId())), "Booking not found or not pending");
        refused(() -> send(bea, request(bea, 9, 0)), "This slot is already confirmed");
        assertThat(this.<ConfirmationResult>send(instructor, new ConfirmBooking(later.bookingId())).declined()).isEmpty();
    }

    @Test
    void A3_removing_a_window_declines_its_pending_requests_and_lists_its_confirmed_lessons() {
        UUID window = mondayMorningWindow();
        BookingRequestResult lesson = send(ann, request(ann, 9, 0));
        send(instructor, new ConfirmBooking(lesson.bookingId()));
        BookingRequestResult pending = send(bea, request(bea, 10, 0));

        AvailabilityChangeResult removed = send(instructor, new RemoveWeeklyWindow(instructor.id(), window));

        assertThat(removed.declined()).containsExactly(pending.bookingId());
        assertThat(removed.conflicts()).containsExactly(lesson.bookingId());
        refused(() -> send(instructor, new ConfirmBooking(pending.bookingId())), "Booking not found or not pending");
        refused(() -> send(instructor, new CancelBooking(pending.bookingId(), null)), "Booking not found or not cancellable");
    }

    @Test
    void B4_cancelling_a_confirmed_lesson_frees_its_time_in_the_ledger() {
        mondayMorningWindow();
        BookingRequestResult first = send(ann, request(ann, 9, 0));
        send(instructor, new ConfirmBooking(first.bookingId()));

        send(instructor, new CancelBooking(first.bookingId(), "Studio closed"));

        BookingRequestResult again = send(bea, request(bea, 9, 0));
        assertThat(this.<ConfirmationResult>send(instructor, new ConfirmBooking(again.bookingId())).declined()).isEmpty();
    }

    @Test
    void B1_requests_see_every_change_of_the_schedule_they_read() {
        assertThatThrownBy(() -> send(ann, request(ann, 9, 0))).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.detail()).isEqualTo("Requested time is not an available slot"));
        UUID window = send(instructor, new AddWeeklyWindow(instructor.id(),
                new WeeklyWindow(null, 1, LocalTime.of(9, 0), LocalTime.of(12, 0), 60, null, null)));
        assertThat(this.<BookingRequestResult>send(ann, request(ann, 9, 0)).created()).isTrue();
        send(instructor, new RemoveWeeklyWindow(instructor.id(), window));
        assertThatThrownBy(() -> send(bea, request(bea, 10, 0))).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.detail()).isEqualTo("Requested time is not an available slot"));
        send(instructor, new AddWeeklyWindow(instructor.id(),
                new WeeklyWindow(null, 1, LocalTime.of(10, 0), LocalTime.of(11, 0), 60, null, null)));
        assertThat(this.<BookingRequestResult>send(bea, request(bea, 10, 0)).created()).isTrue();
    }

    @Test
    void unknown_booking_is_not_found() {
        assertThatThrownBy(() -> send(instructor, new ConfirmBooking(UUID.randomUUID())))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.NOT_FOUND));
    }
}
