package studio.booking.query;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import studio.booking.messages.availability.AvailabilityQueries.FindOverrideOwner;
import studio.booking.messages.availability.AvailabilityQueries.FindWindowOwner;
import studio.booking.messages.availability.AvailabilityQueries.GetAvailability;
import studio.booking.messages.availability.AvailabilityQueries.InstructorAvailability;
import studio.booking.messages.booking.BookingQueries.BookingList;
import studio.booking.messages.booking.BookingQueries.FindBooking;
import studio.booking.messages.booking.BookingQueries.FindBookings;
import studio.booking.messages.booking.BookingView;
import studio.booking.messages.common.BookingSettings;
import studio.booking.messages.common.Role;
import studio.booking.messages.history.HistoryQueries.BookingHistory;
import studio.booking.messages.history.HistoryQueries.FindBookingHistory;
import studio.booking.messages.member.MemberQueries.FindMember;
import studio.booking.messages.member.MemberQueries.FindMemberByEmail;
import studio.booking.messages.member.MemberQueries.ListInstructors;
import studio.booking.messages.member.MemberQueries.ListMembers;
import studio.booking.messages.member.MemberQueries.MemberList;
import studio.booking.messages.member.MemberRegistered;
import studio.booking.messages.member.MemberView;
import studio.booking.messages.slots.SlotQueries.CalendarMonth;
import studio.booking.messages.slots.SlotQueries.GetAvailableSlots;
import studio.booking.messages.slots.SlotQueries.GetCalendarMonth;
import studio.booking.messages.slots.SlotQueries.GetStudioCalendarMonth;
import studio.booking.messages.slots.SlotQueries.SlotList;
import studio.booking.query.availability.AvailabilityProjection;
import studio.booking.query.availability.AvailabilityQueryHandler;
import studio.booking.query.booking.BookingQueryHandler;
import studio.booking.query.booking.BookingsProjection;
import studio.booking.query.calendar.CalendarQueryHandler;
import studio.booking.query.history.BookingHistoryQueryHandler;
import studio.booking.query.member.MemberQueryHandler;
import studio.booking.query.member.MembersProjection;
import studio.booking.query.slots.SlotQueryHandler;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The components as the application gets them: found by component scan, their handlers taken by
 * Axon's annotation adapters, every query answered with the response type its Javadoc names.
 */
class AxonWiringTest extends ReadSideTest {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan("studio.booking.query")
    static class App {
        @Bean
        JdbcClient jdbcClient() {
            return JdbcClient.create(DATA_SOURCE);
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-02-02T14:00:00Z"), ZoneOffset.UTC);
        }

        @Bean
        BookingSettings bookingSettings() {
            return BookingSettings.defaults();
        }

        /** The booking history reads the event store (Axon's, provided by the application). */
        @Bean
        EventStore eventStore() {
            return EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        }
    }

    @Test
    void component_scan_finds_projections_and_query_handlers_and_axon_routes_events_and_queries_to_them() throws Exception {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(App.class)) {
            // events through Axon's adapter: the @Timestamp parameter is the event's own timestamp
            UUID id = UUID.randomUUID();
            Instant stamped = Instant.parse("2026-01-15T08:00:00Z");
            new AnnotationEventHandlerAdapter(context.getBean(MembersProjection.class)).handle(new GenericEventMessage<>(
                    UUID.randomUUID().toString(), new MemberRegistered(id, "Ivy@studio.test", "Ivy", Role.INSTRUCTOR, null,
                    "Europe/Paris"), Map.of(), stamped));
            assertThat(jdbc.sql("SELECT created_at FROM members WHERE id = :id").param("id", id)
                    .query(OffsetDateTime.class).single().toInstant()).isEqualTo(stamped);
            assertThat(new AnnotationEventHandlerAdapter(context.getBean(BookingsProjection.class)).supportsReset()).isTrue();
            assertThat(new AnnotationEventHandlerAdapter(context.getBean(AvailabilityProjection.class)).supportsReset())
                    .isTrue();

            SimpleQueryBus bus = SimpleQueryBus.builder().build();
            for (Class<?> handler : new Class<?>[]{MemberQueryHandler.class, AvailabilityQueryHandler.class,
                    BookingQueryHandler.class, SlotQueryHandler.class, CalendarQueryHandler.class,
                    BookingHistoryQueryHandler.class}) {
                new AnnotationQueryHandlerAdapter<>(context.getBean(handler)).subscribe(bus);
            }
            QueryGateway gateway = DefaultQueryGateway.builder().queryBus(bus).build();
            var staff = actor(id, Role.INSTRUCTOR);

            Optional<MemberView> found = gateway.query(new FindMember(id), ResponseTypes.optionalInstanceOf(MemberView.class)).get();
            assertThat(found).hasValueSatisfying(m -> assertThat(m.timeZone()).isEqualTo("Europe/Paris"));
            assertThat(gateway.query(new FindMemberByEmail("ivy@STUDIO.test"),
                    ResponseTypes.optionalInstanceOf(MemberView.class)).get()).isPresent();
            assertThat(gateway.query(new ListMembers(), MemberList.class).get().members()).hasSize(1);
            assertThat(gateway.query(new ListInstructors(), MemberList.class).get().members()).hasSize(1);
            assertThat(gateway.query(new GetAvailability(id), InstructorAvailability.class).get().weekly()).isEmpty();
            assertThat(gateway.query(new FindWindowOwner(UUID.randomUUID()), ResponseTypes.optionalInstanceOf(UUID.class))
                    .get()).isEmpty();
            assertThat(gateway.query(new FindOverrideOwner(UUID.randomUUID()), ResponseTypes.optionalInstanceOf(UUID.class))
                    .get()).isEmpty();
            assertThat(gateway.query(new FindBookings(staff, null, null, null, null, null), BookingList.class).get()
                    .bookings()).isEmpty();
            assertThat(gateway.query(new FindBooking(staff, UUID.randomUUID()),
                    ResponseTypes.optionalInstanceOf(BookingView.class)).get()).isEmpty();
            assertThat(gateway.query(new FindBookingHistory(staff, UUID.randomUUID()),
                    ResponseTypes.optionalInstanceOf(BookingHistory.class)).get()).isEmpty();
            assertThat(gateway.query(new GetAvailableSlots(id, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 9), null),
                    SlotList.class).get().slots()).isEmpty();
            assertThat(gateway.query(new GetCalendarMonth(staff, id, YearMonth.of(2026, 2), null), CalendarMonth.class)
                    .get().timeZone()).isEqualTo("Europe/Paris");
            assertThat(gateway.query(new GetStudioCalendarMonth(staff, YearMonth.of(2026, 2)), CalendarMonth.class)
                    .get().days()).hasSize(28);
        }
    }

}
