package studio.booking.query;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import studio.booking.messages.availability.AvailabilityOverride;
import studio.booking.messages.availability.AvailabilityOverrideAdded;
import studio.booking.messages.availability.AvailabilityOverrideRemoved;
import studio.booking.messages.availability.WeeklyWindow;
import studio.booking.messages.availability.WeeklyWindowAdded;
import studio.booking.messages.availability.WeeklyWindowRemoved;
import studio.booking.messages.booking.BookingCancelled;
import studio.booking.messages.booking.BookingCompleted;
import studio.booking.messages.booking.BookingConfirmed;
import studio.booking.messages.booking.BookingDeclined;
import studio.booking.messages.booking.BookingRequested;
import studio.booking.messages.booking.BookingStatus;
import studio.booking.messages.booking.DeclineCause;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.MemberProfileUpdated;
import studio.booking.messages.member.MemberRegistered;
import studio.booking.messages.member.MemberRoleChanged;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** R3: reset and replay of the same events rebuild every projection row for row. */
class ReplayTest extends ReadSideTest {

    private final List<EventMessage<?>> history = new ArrayList<>();
    private Instant clock = Instant.parse("2026-01-10T12:00:00Z");

    private void event(Object payload) {
        clock = clock.plusSeconds(97);
        history.add(new GenericEventMessage<>(UUID.randomUUID().toString(), payload, Map.of(), clock));
    }

    @Test
    void R3_reset_and_replay_rebuild_identical_rows() throws Exception {
        UUID ines = UUID.randomUUID();
        UUID ana = UUID.randomUUID();
        event(new MemberRegistered(ines, "ines@studio.test", "Ines", Role.MEMBER_FULL, null, null));
        event(new MemberRegistered(ana, "ana@studio.test", "Ana", Role.MEMBER_FULL, "https://img/a.png", "Europe/Rome"));
        event(new MemberRoleChanged(ines, Role.MEMBER_FULL, Role.INSTRUCTOR));
        event(new MemberProfileUpdated(ana, "Ana R.", null, null));
        UUID window = UUID.randomUUID();
        event(new WeeklyWindowAdded(ines, new WeeklyWindow(window, 1, LocalTime.of(10, 0), LocalTime.of(12, 0), 60,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))));
        event(new WeeklyWindowAdded(ines, new WeeklyWindow(UUID.randomUUID(), 3, LocalTime.of(17, 0), LocalTime.of(19, 0),
                30, LocalDate.of(2026, 1, 1), null)));
        UUID block = UUID.randomUUID();
        event(new AvailabilityOverrideAdded(ines, new AvailabilityOverride(block, LocalDate.of(2026, 2, 9), null, null,
                false, "away", null)));
        event(new AvailabilityOverrideAdded(ines, new AvailabilityOverride(UUID.randomUUID(), LocalDate.of(2026, 2, 14),
                LocalTime.of(9, 0), LocalTime.of(10, 0), true, "extra", 30)));
        event(new WeeklyWindowRemoved(ines, window));
        event(new AvailabilityOverrideRemoved(ines, block));
        Instant start = Instant.parse("2026-02-11T22:00:00Z");
        UUID b1 = UUID.randomUUID();
        UUID b2 = UUID.randomUUID();
        event(new BookingRequested(b1, ines, ana, start, start.plusSeconds(1800), "hi", start.minusSeconds(3600)));
        event(new BookingRequested(b2, ines, ana, start, start.plusSeconds(1800), null, start.minusSeconds(3600)));
        event(new BookingConfirmed(b1, ines, ana, start, start.plusSeconds(1800)));
        event(new BookingDeclined(b2, ines, ana, DeclineCause.COMPETING_BOOKING_CONFIRMED, "slot taken", b1));
        event(new BookingCompleted(b1, ines, ana, true));
        UUID b3 = UUID.randomUUID();
        event(new BookingRequested(b3, ines, ana, start.plusSeconds(3600), start.plusSeconds(5400), null, start));
        event(new BookingConfirmed(b3, ines, ana, start.plusSeconds(3600), start.plusSeconds(5400)));
        event(new BookingCancelled(b3, ines, ana, BookingStatus.CANCELLED_BY_INSTRUCTOR, ines, "ill", true));

        List<AnnotationEventHandlerAdapter> projections = List.of(new AnnotationEventHandlerAdapter(membersProjection),
                new AnnotationEventHandlerAdapter(availabilityProjection),
                new AnnotationEventHandlerAdapter(bookingsProjection));
        play(projections);
        String before = dump();

        for (AnnotationEventHandlerAdapter projection : projections) {
            projection.prepareReset();
        }
        assertThat(dump()).doesNotContain("ines@studio.test");
        play(projections);

        assertThat(dump()).isEqualTo(before).contains("cancelled_by_instructor", "slot taken", "Ana R.");
    }

    private void play(List<AnnotationEventHandlerAdapter> projections) throws Exception {
        for (EventMessage<?> event : history) {
            for (AnnotationEventHandlerAdapter projection : projections) {
                if (projection.canHandle(event)) {
                    projection.handle(event);
                }
            }
        }
    }

    private String dump() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("members", "instructor_availability", "availability_overrides",
                "private_lesson_bookings")) {
            all.append(table).append(": ")
                    .append(jdbc.sql("SELECT * FROM " + table + " ORDER BY id").query().listOfRows()).append('\n');
        }
        return all.toString();
    }
}
