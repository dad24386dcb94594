package studio.booking.query.thread;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import studio.booking.messages.booking.BookingQueries.FindBooking;
import studio.booking.messages.booking.BookingQueries.FindBookings;
import studio.booking.messages.booking.BookingView;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.Role;
import studio.booking.messages.slots.SlotQueries.CalendarBooking;
import studio.booking.messages.slots.SlotQueries.GetCalendarMonth;
import studio.booking.messages.thread.MessagePosted;
import studio.booking.messages.thread.MessageView;
import studio.booking.messages.thread.ThreadQueries.FindMessage;
import studio.booking.messages.thread.ThreadQueries.FindThread;
import studio.booking.messages.thread.ThreadQueries.ListUnreadThreads;
import studio.booking.messages.thread.ThreadQueries.MessageList;
import studio.booking.messages.thread.ThreadQueries.UnreadThread;
import studio.booking.messages.thread.ThreadRead;
import studio.booking.query.ReadSideTest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The threads projection (M1, M2) and the unread flag it gives the booking reads. */
class ThreadsProjectionTest extends ReadSideTest {

    UUID ines = member("Ines Instructor", Role.INSTRUCTOR);
    UUID owner = member("Oscar Owner", Role.OWNER);
    UUID ana = member("Ana Member", Role.MEMBER_FULL);
    UUID ben = member("Ben Member", Role.MEMBER_LIMITED);

    Actor asInes = actor(ines, Role.INSTRUCTOR);
    Actor asOwner = actor(owner, Role.OWNER);
    Actor asAna = actor(ana, Role.MEMBER_FULL);
    Actor asBen = actor(ben, Role.MEMBER_LIMITED);

    LocalDate feb10 = LocalDate.of(2026, 2, 10);
    UUID lesson = requested(ines, ana, at(feb10, "10:00", NEW_YORK), at(feb10, "11:00", NEW_YORK));
    UUID otherLesson = requested(ines, ana, at(feb10, "14:00", NEW_YORK), at(feb10, "15:00", NEW_YORK));

    /** Events of one booking's stream: their sequence numbers as the event store would give them. */
    final List<EventMessage<?>> history = new ArrayList<>();
    final Map<UUID, Long> sequences = new HashMap<>();
    Instant clock = Instant.parse("2026-02-01T12:00:00Z");

    UUID post(UUID booking, UUID sender, String content) {
        UUID id = UUID.randomUUID();
        record(booking, new MessagePosted(booking, id, ines, ana, sender, content));
        return id;
    }

    void read(UUID booking, UUID reader) {
        record(booking, new ThreadRead(booking, reader, clock));
    }

    /** Applies the event as the processor would and keeps it for a replay; time moves 30 seconds. */
    void record(UUID booking, Object payload) {
        clock = clock.plusSeconds(30);
        long sequence = sequences.merge(booking, 1L, Long::sum);
        EventMessage<?> event = new GenericDomainEventMessage<>("Booking", booking.toString(), sequence, payload,
                Map.of(), UUID.randomUUID().toString(), clock);
        history.add(event);
        handle(new AnnotationEventHandlerAdapter(threadsProjection), event);
    }

    static void handle(AnnotationEventHandlerAdapter projection, EventMessage<?> event) {
        try {
            projection.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    boolean unread(Actor viewer, UUID booking) {
        return bookingQueries.handle(new FindBooking(viewer, booking)).map(BookingView::unread).orElseThrow();
    }

    List<UUID> banner(Actor viewer) {
        return threadQueries.handle(new ListUnreadThreads(viewer)).unread().stream().map(UnreadThread::bookingId).toList();
    }

    @Test
    void M1_a_thread_lists_its_messages_in_order_with_sender_names_and_the_events_times() {
        UUID first = post(lesson, ana, "Can we focus on cross-body lead?");
        Instant firstAt = clock;
        UUID second = post(lesson, ines, "Absolutely!");

        MessageList thread = threadQueries.handle(new FindThread(asAna, lesson)).orElseThrow();
        assertThat(thread.messages()).containsExactly(
                new MessageView(first, lesson, ana, "Ana Member", "Can we focus on cross-body lead?", firstAt),
                new MessageView(second, lesson, ines, "Ines Instructor", "Absolutely!", clock));
        assertThat(threadQueries.handle(new FindMessage(asAna, second))).contains(thread.messages().get(1));
    }

    @Test
    void M1_the_thread_is_as_visible_as_its_booking() {
        UUID message = post(lesson, ana, "Hi");

        assertThat(threadQueries.handle(new FindThread(asOwner, lesson))).isPresent();
        assertThat(threadQueries.handle(new FindThread(actor(UUID.randomUUID(), Role.INSTRUCTOR), lesson))).isPresent();
        assertThat(threadQueries.handle(new FindThread(asBen, lesson))).isEmpty();
        assertThat(threadQueries.handle(new FindMessage(asBen, message))).isEmpty();
        assertThat(threadQueries.handle(new FindThread(asAna, UUID.randomUUID()))).isEmpty();
        assertThat(threadQueries.handle(new FindThread(null, lesson))).isEmpty();
    }

    @Test
    void M2_unread_for_the_other_side_until_they_read_never_for_the_writer_or_staff() {
        post(lesson, ana, "Hi");

        assertThat(unread(asInes, lesson)).isTrue();
        assertThat(unread(asAna, lesson)).isFalse();
        assertThat(unread(asOwner, lesson)).isFalse();
        assertThat(unread(asInes, otherLesson)).isFalse();

        read(lesson, ines);
        assertThat(unread(asInes, lesson)).isFalse();

        post(lesson, ines, "Hello");
        assertThat(unread(asAna, lesson)).isTrue();
        assertThat(unread(asInes, lesson)).isFalse();
    }

    @Test
    void M2_the_flag_is_in_every_booking_list_and_the_calendar() {
        post(otherLesson, ines, "Bring shoes");

        List<BookingView> list = bookingQueries.handle(new FindBookings(asAna, null, null, null, null, null)).bookings();
        assertThat(list).extracting(BookingView::id, BookingView::unread)
                .containsExactly(tuple(lesson, false),
                        tuple(otherLesson, true));
        assertThat(bookingQueries.handle(new FindBookings(asInes, ines, null, null, null, null)).bookings())
                .extracting(BookingView::unread).containsOnly(false);

        List<CalendarBooking> day = calendarQueries.handle(new GetCalendarMonth(asAna, ines, YearMonth.of(2026, 2), null))
                .days().get(9).bookings();
        assertThat(day).extracting(CalendarBooking::id, CalendarBooking::unread)
                .containsExactly(tuple(lesson, false),
                        tuple(otherLesson, true));
    }

    @Test
    void M2_the_banner_lists_unread_threads_newest_first_with_the_latest_message_from_the_other_side() {
        post(lesson, ines, "Bring shoes");
        post(lesson, ines, "And water");
        Instant lessonAt = clock;
        post(otherLesson, ines, "Can we move it?");
        post(otherLesson, ana, "Which time?"); // her own: the banner shows the other side's latest

        List<UnreadThread> banner = threadQueries.handle(new ListUnreadThreads(asAna)).unread();
        assertThat(banner).extracting(UnreadThread::bookingId, UnreadThread::latestMessage, UnreadThread::senderName)
                .containsExactly(tuple(otherLesson, "Can we move it?", "Ines Instructor"),
                        tuple(lesson, "And water", "Ines Instructor"));
        assertThat(banner.get(1).latestMessageAt()).isEqualTo(lessonAt);
        assertThat(banner(asInes)).containsExactly(otherLesson);
        assertThat(banner(asOwner)).isEmpty();

        read(otherLesson, ana);
        assertThat(banner(asAna)).containsExactly(lesson);
    }

    @Test
    void M2_an_instructor_who_is_a_member_now_no_longer_sees_their_old_threads_in_the_banner() {
        post(lesson, ana, "Hi");

        assertThat(banner(asInes)).containsExactly(lesson);
        assertThat(banner(actor(ines, Role.MEMBER_FULL))).isEmpty();
    }

    @Test
    void R3_reset_and_replay_rebuild_identical_rows() {
        post(lesson, ana, "Hi");
        post(lesson, ines, "Hello \uD83D\uDC83");
        read(lesson, ana);
        post(otherLesson, ines, "Bring shoes");
        post(lesson, ana, "See you");
        String before = dump();

        threadsProjection.reset();
        assertThat(dump()).doesNotContain("Bring shoes");
        AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(threadsProjection);
        history.forEach(event -> handle(projection, event));

        assertThat(dump()).isEqualTo(before).contains("Bring shoes", "\uD83D\uDC83");
    }

    private String dump() {
        return jdbc.sql("SELECT * FROM booking_messages ORDER BY id").query().listOfRows() + "\n"
                + jdbc.sql("SELECT * FROM booking_message_reads ORDER BY booking_id, member_id").query().listOfRows();
    }
}
