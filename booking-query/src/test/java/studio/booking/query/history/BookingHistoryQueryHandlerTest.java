package studio.booking.query.history;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import studio.booking.messages.booking.BookingCompleted;
import studio.booking.messages.booking.BookingConfirmed;
import studio.booking.messages.booking.BookingDeclined;
import studio.booking.messages.booking.BookingExpired;
import studio.booking.messages.booking.BookingRequested;
import studio.booking.messages.booking.DeclineCause;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.Role;
import studio.booking.messages.history.HistoryQueries.BookingHistory;
import studio.booking.messages.history.HistoryQueries.FindBookingHistory;
import studio.booking.messages.history.HistoryQueries.HistoryEntry;
import studio.booking.messages.member.MemberProfileUpdated;
import studio.booking.messages.member.MemberRegistered;
import studio.booking.messages.thread.MessagePosted;
import studio.booking.messages.thread.ThreadRead;
import studio.booking.query.ReadSideTest;
import studio.booking.query.member.MemberReads;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** R2 on the read side: a booking's event stream as its history, with B8 applied. */
class BookingHistoryQueryHandlerTest extends ReadSideTest {

    private final EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final BookingHistoryQueryHandler handler = new BookingHistoryQueryHandler(store,
            new MemberReads(jdbc, settings));

    private final UUID instructor = member("Maria Santos", Role.INSTRUCTOR);
    private final UUID alex = member("Alex Morgan", Role.MEMBER_FULL);
    private final UUID sam = member("Sam Patel", Role.MEMBER_LIMITED);
    private final UUID booking = UUID.randomUUID();
    private final Instant start = Instant.parse("2026-02-10T15:00:00Z");
    private final Instant requestedAt = Instant.parse("2026-02-02T14:00:00.123456Z");
    private long sequence;

    @Test
    void R2_every_event_with_its_stable_type_time_actor_and_details() {
        UUID winner = UUID.randomUUID();
        append(new BookingRequested(booking, instructor, alex, start, start.plusSeconds(3600), "Tango, please",
                requestedAt.plus(Duration.ofHours(4))), requestedAt, by(alex, Role.MEMBER_FULL, "Alex M."));
        append(new MessagePosted(booking, UUID.randomUUID(), instructor, alex, instructor, "Bring shoes"),
                requestedAt.plusSeconds(60), by(instructor, Role.INSTRUCTOR, "Maria"));
        append(new ThreadRead(booking, alex, requestedAt.plusSeconds(60)), requestedAt.plusSeconds(120),
                by(alex, Role.MEMBER_FULL, "Alex M."));
        append(new BookingDeclined(booking, instructor, alex, DeclineCause.COMPETING_BOOKING_CONFIRMED,
                "Another booking was confirmed for this time", winner), requestedAt.plusSeconds(180),
                by(instructor, Role.INSTRUCTOR, "Maria"));

        BookingHistory history = handler.handle(new FindBookingHistory(actor(alex, Role.MEMBER_FULL), booking))
                .orElseThrow();

        assertThat(history.events()).extracting(HistoryEntry::sequence).containsExactly(0L, 1L, 2L, 3L);
        assertThat(history.events()).extracting(HistoryEntry::type)
                .containsExactly("booking_requested", "message_posted", "thread_read", "booking_declined");
        HistoryEntry requested = history.events().get(0);
        assertThat(requested.occurredAt()).isEqualTo(requestedAt);
        assertThat(requested.actorId()).isEqualTo(alex);
        assertThat(requested.actorName()).as("the name recorded at the time").isEqualTo("Alex M.");
        assertThat(requested.details()).containsExactly(entry("instructor_id", instructor.toString()),
                entry("member_id", alex.toString()), entry("start_time", "2026-02-10T15:00:00Z"),
                entry("end_time", "2026-02-10T16:00:00Z"), entry("notes", "Tango, please"),
                entry("expires_at", "2026-02-02T18:00:00Z"));
        assertThat(history.events().get(1).details()).containsEntry("sender_id", instructor.toString())
                .containsEntry("content", "Bring shoes").containsOnlyKeys("message_id", "sender_id", "content");
        assertThat(history.events().get(2).details()).containsExactly(entry("reader_id", alex.toString()),
                entry("read_up_to", "2026-02-02T14:01:00Z"));
        assertThat(history.events().get(3).details()).containsExactly(entry("cause", "competing_booking_confirmed"),
                entry("reason", "Another booking was confirmed for this time"), entry("caused_by", winner.toString()));
    }

    @Test
    void R2_events_without_a_recorded_name_show_the_current_name_and_deadlines_show_the_system() {
        append(new BookingRequested(booking, instructor, alex, start, start.plusSeconds(3600), null, start),
                requestedAt, by(alex, Role.MEMBER_FULL, null));
        membersProjection.on(new MemberProfileUpdated(alex, "Alexandra Morgan", null, null), requestedAt);
        append(new BookingExpired(booking, instructor, alex), requestedAt.plusSeconds(60), Map.of());

        BookingHistory history = handler.handle(new FindBookingHistory(actor(instructor, Role.INSTRUCTOR), booking))
                .orElseThrow();

        assertThat(history.events().get(0).actorName()).isEqualTo("Alexandra Morgan");
        HistoryEntry expired = history.events().get(1);
        assertThat(expired.type()).isEqualTo("booking_expired");
        assertThat(expired.actorId()).isNull();
        assertThat(expired.actorName()).isEqualTo(HistoryEntry.SYSTEM);
        assertThat(expired.details()).isEmpty();
    }

    @Test
    void R2_an_automatic_completion_is_the_systems() {
        append(new BookingRequested(booking, instructor, alex, start, start.plusSeconds(3600), null, start),
                requestedAt, by(alex, Role.MEMBER_FULL, "Alex"));
        append(new BookingConfirmed(booking, instructor, alex, start, start.plusSeconds(3600)),
                requestedAt.plusSeconds(60), by(instructor, Role.INSTRUCTOR, "Maria"));
        append(new BookingCompleted(booking, instructor, alex, true), start.plus(Duration.ofHours(25)), Map.of());

        HistoryEntry completed = handler.handle(new FindBookingHistory(actor(alex, Role.MEMBER_FULL), booking))
                .orElseThrow().events().get(2);

        assertThat(completed.type()).isEqualTo("booking_completed");
        assertThat(completed.actorId()).isNull();
        assertThat(completed.actorName()).isEqualTo("System");
        assertThat(completed.details()).containsExactly(entry("automatic", true));
    }

    @Test
    void B8_only_the_bookings_member_and_staff_see_its_history() {
        append(new BookingRequested(booking, instructor, alex, start, start.plusSeconds(3600), null, start),
                requestedAt, by(alex, Role.MEMBER_FULL, "Alex"));
        UUID owner = member("Studio Owner", Role.OWNER);

        assertThat(find(alex, Role.MEMBER_FULL, booking)).isPresent();
        assertThat(find(instructor, Role.INSTRUCTOR, booking)).isPresent();
        assertThat(find(owner, Role.OWNER, booking)).isPresent();
        assertThat(find(sam, Role.MEMBER_LIMITED, booking)).isEmpty();
        assertThat(find(UUID.randomUUID(), Role.INSTRUCTOR, UUID.randomUUID())).as("no such booking").isEmpty();
    }

    @Test
    void an_id_that_is_not_a_bookings_has_no_history() {
        UUID memberId = UUID.randomUUID();
        store.publish(new GenericDomainEventMessage<>("Member", memberId.toString(), 0,
                new MemberRegistered(memberId, "x@studio.test", "X", Role.MEMBER_FULL, null, null)));

        assertThat(find(instructor, Role.OWNER, memberId)).isEmpty();
    }

    private Optional<BookingHistory> find(UUID viewer, Role role, UUID bookingId) {
        return handler.handle(new FindBookingHistory(actor(viewer, role), bookingId));
    }

    private static Map<String, Object> by(UUID id, Role role, String name) {
        Map<String, Object> metaData = new HashMap<>(new Actor(id, role).asMetaData());
        if (name != null) {
            metaData.put(Actor.NAME_KEY, name);
        }
        metaData.put("deadlineId", "internal");
        return metaData;
    }

    private void append(Object payload, Instant at, Map<String, Object> metaData) {
        store.publish(new GenericDomainEventMessage<>("Booking", booking.toString(), sequence++, payload,
                MetaData.from(metaData), UUID.randomUUID().toString(), at));
    }
}
