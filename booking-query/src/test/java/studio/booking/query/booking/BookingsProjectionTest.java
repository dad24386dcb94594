package studio.booking.query.booking;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import studio.booking.messages.booking.BookingCancelled;
import studio.booking.messages.booking.BookingCompleted;
import studio.booking.messages.booking.BookingConfirmed;
import studio.booking.messages.booking.BookingDeclined;
import studio.booking.messages.booking.BookingExpired;
import studio.booking.messages.booking.BookingMarkedNoShow;
import studio.booking.messages.booking.BookingQueries.FindBooking;
import studio.booking.messages.booking.BookingQueries.FindBookings;
import studio.booking.messages.booking.BookingRequested;
import studio.booking.messages.booking.BookingStatus;
import studio.booking.messages.booking.BookingView;
import studio.booking.messages.booking.DeclineCause;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.Role;
import studio.booking.messages.slots.Slot;
import studio.booking.query.ReadSideTest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookingsProjectionTest extends ReadSideTest {

    static final LocalDate FEB_10 = LocalDate.of(2026, 2, 10);

    UUID instructor = member("Ines Instructor", Role.INSTRUCTOR);
    UUID otherInstructor = member("Olga Instructor", Role.INSTRUCTOR);
    UUID owner = member("Oscar Owner", Role.OWNER);
    UUID ana = member("Ana Member", Role.MEMBER_FULL);
    UUID ben = member("Ben Member", Role.MEMBER_LIMITED);

    Instant ten = at(FEB_10, "10:00", NEW_YORK);
    Instant eleven = at(FEB_10, "11:00", NEW_YORK);

    @Test
    void requested_booking_is_pending_with_names_notes_and_the_events_timestamps() {
        UUID id = UUID.randomUUID();
        Instant requestedAt = Instant.parse("2026-02-01T15:00:00Z");
        bookingsProjection.on(new BookingRequested(id, instructor, ana, ten, eleven, "salsa basics",
                requestedAt.plusSeconds(4 * 3600)), requestedAt);

        assertThat(bookingQueries.handle(new FindBooking(actor(ana, Role.MEMBER_FULL), id))).contains(new BookingView(id,
                instructor, "Ines Instructor", ana, "Ana Member", ten, eleven, BookingStatus.PENDING, "salsa basics", null,
                null, null, requestedAt, requestedAt, false));
    }

    @Test
    void statuses_follow_the_events() {
        UUID confirmedThenCompleted = confirmed(instructor, ana, ten, eleven);
        bookingsProjection.on(new BookingCompleted(confirmedThenCompleted, instructor, ana, true), now);
        UUID noShow = confirmed(instructor, ana, eleven, eleven.plusSeconds(3600));
        bookingsProjection.on(new BookingMarkedNoShow(noShow, instructor, ana), now);
        UUID expired = requested(instructor, ben, ten, eleven);
        bookingsProjection.on(new BookingExpired(expired, instructor, ben), now);
        UUID declined = requested(instructor, ben, ten, eleven);
        bookingsProjection.on(new BookingDeclined(declined, instructor, ben, DeclineCause.DECLINED_BY_STAFF,
                "I am away", null), now);
        UUID cancelled = requested(instructor, ben, ten, eleven);
        bookingsProjection.on(new BookingCancelled(cancelled, instructor, ben, BookingStatus.CANCELLED_BY_MEMBER, ben,
                "sick", false), now);

        Actor staff = actor(owner, Role.OWNER);
        assertThat(status(staff, confirmedThenCompleted)).isEqualTo(BookingStatus.COMPLETED);
        assertThat(status(staff, noShow)).isEqualTo(BookingStatus.NO_SHOW);
        assertThat(status(staff, expired)).isEqualTo(BookingStatus.EXPIRED);
        BookingView declinedView = bookingQueries.handle(new FindBooking(staff, declined)).orElseThrow();
        assertThat(declinedView.status()).isEqualTo(BookingStatus.DECLINED);
        assertThat(declinedView.cancellationReason()).isEqualTo("I am away");
        assertThat(declinedView.updatedAt()).isEqualTo(now);
        BookingView cancelledView = bookingQueries.handle(new FindBooking(staff, cancelled)).orElseThrow();
        assertThat(cancelledView.status()).isEqualTo(BookingStatus.CANCELLED_BY_MEMBER);
        assertThat(cancelledView.cancelledBy()).isEqualTo(ben);
        assertThat(cancelledView.cancellationReason()).isEqualTo("sick");
        assertThat(cancelledView.cancelledAt()).isEqualTo(now);
    }

    @Test
    void B2_exclusion_constraint_rejects_a_second_overlapping_confirmed_booking_of_one_instructor() {
        confirmed(instructor, ana, ten, eleven);
        UUID overlapping = requested(instructor, ben, ten.plusSeconds(1800), eleven.plusSeconds(1800));

        assertThatThrownBy(() -> bookingsProjection.on(new BookingConfirmed(overlapping, instructor, ben,
                ten.plusSeconds(1800), eleven.plusSeconds(1800)), now))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("no_instructor_overlap");
    }

    @Test
    void B2_exclusion_constraint_allows_pending_overlaps_other_instructors_back_to_back_and_freed_slots() {
        UUID first = confirmed(instructor, ana, ten, eleven);
        requested(instructor, ben, ten, eleven);
        requested(instructor, ana, ten, eleven);
        confirmed(otherInstructor, ben, ten, eleven);
        confirmed(instructor, ben, eleven, eleven.plusSeconds(3600));
        bookingsProjection.on(new BookingCancelled(first, instructor, ana, BookingStatus.CANCELLED_BY_INSTRUCTOR,
                instructor, null, true), now);
        confirmed(instructor, ben, ten, eleven);

        assertThat(jdbc.sql("SELECT count(*) FROM private_lesson_bookings WHERE status = 'confirmed'")
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void B8_members_see_only_their_own_bookings_and_staff_see_all() {
        UUID anas = requested(instructor, ana, ten, eleven);
        UUID bens = requested(otherInstructor, ben, eleven, eleven.plusSeconds(3600));

        assertThat(ids(new FindBookings(actor(ana, Role.MEMBER_FULL), null, null, null, null, Set.of())))
                .containsExactly(anas);
        assertThat(ids(new FindBookings(actor(ana, Role.MEMBER_FULL), null, ben, null, null, Set.of()))).isEmpty();
        assertThat(ids(new FindBookings(actor(instructor, Role.INSTRUCTOR), null, null, null, null, Set.of())))
                .containsExactly(anas, bens);
        assertThat(ids(new FindBookings(actor(owner, Role.OWNER), null, ben, null, null, null))).containsExactly(bens);

        assertThat(bookingQueries.handle(new FindBooking(actor(ana, Role.MEMBER_FULL), bens))).isEmpty();
        assertThat(bookingQueries.handle(new FindBooking(actor(ana, Role.MEMBER_FULL), anas))).isPresent();
        assertThat(bookingQueries.handle(new FindBooking(actor(otherInstructor, Role.INSTRUCTOR), anas))).isPresent();
        // a guest may look at slots, never at others' bookings
        assertThat(bookingQueries.handle(new FindBooking(actor(UUID.randomUUID(), Role.GUEST), anas))).isEmpty();
        assertThat(bookingQueries.handle(new FindBooking(actor(owner, Role.OWNER), UUID.randomUUID()))).isEmpty();
    }

    @Test
    void find_bookings_filters_by_instructor_status_and_inclusive_dates_sorted_by_start() {
        UUID late = requested(instructor, ana, at(FEB_10, "15:00", NEW_YORK), at(FEB_10, "16:00", NEW_YORK));
        UUID early = confirmed(instructor, ben, ten, eleven);
        UUID nextDay = requested(instructor, ana, at(FEB_10.plusDays(1), "09:00", NEW_YORK),
                at(FEB_10.plusDays(1), "10:00", NEW_YORK));
        requested(otherInstructor, ana, ten, eleven);
        Actor staff = actor(owner, Role.OWNER);

        assertThat(ids(new FindBookings(staff, instructor, null, FEB_10, FEB_10, Set.of()))).containsExactly(early, late);
        assertThat(ids(new FindBookings(staff, instructor, null, FEB_10, FEB_10.plusDays(1), Set.of())))
                .containsExactly(early, late, nextDay);
        assertThat(ids(new FindBookings(staff, instructor, null, FEB_10.plusDays(1), null, Set.of())))
                .containsExactly(nextDay);
        assertThat(ids(new FindBookings(staff, instructor, null, null, null, EnumSet.of(BookingStatus.PENDING))))
                .containsExactly(late, nextDay);
        assertThat(ids(new FindBookings(staff, instructor, ana, null, null,
                EnumSet.of(BookingStatus.PENDING, BookingStatus.CONFIRMED)))).containsExactly(late, nextDay);
    }

    @Test
    void find_bookings_dates_are_local_dates_of_the_instructors_zone_with_an_instructor_else_the_studios() {
        UUID tokyoInstructor = member("Taro", Role.INSTRUCTOR, "Asia/Tokyo");
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        // 08:00 on 11 February in Tokyo is still 10 February in New York
        UUID id = requested(tokyoInstructor, ana, at(FEB_10.plusDays(1), "08:00", tokyo),
                at(FEB_10.plusDays(1), "09:00", tokyo));
        Actor staff = actor(owner, Role.OWNER);

        assertThat(ids(new FindBookings(staff, tokyoInstructor, null, FEB_10.plusDays(1), FEB_10.plusDays(1), null)))
                .containsExactly(id);
        assertThat(ids(new FindBookings(staff, tokyoInstructor, null, FEB_10, FEB_10, null))).isEmpty();
        assertThat(ids(new FindBookings(staff, null, null, FEB_10, FEB_10, null))).containsExactly(id);
        assertThat(ids(new FindBookings(staff, null, null, FEB_10.plusDays(1), FEB_10.plusDays(1), null))).isEmpty();
    }

    private BookingStatus status(Actor viewer, UUID id) {
        return bookingQueries.handle(new FindBooking(viewer, id)).orElseThrow().status();
    }

    private java.util.List<UUID> ids(FindBookings query) {
        return bookingQueries.handle(query).bookings().stream().map(BookingView::id).toList();
    }

    @Test
    void confirmed_intervals_come_back_to_the_microsecond() {
        // odd microseconds near the ends of the range the read is exact for (epoch seconds as a float8)
        Instant[][] intervals = {
                {Instant.parse("2026-02-10T15:00:00.000001Z"), Instant.parse("2026-02-10T15:59:59.999999Z")},
                {Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("1970-01-01T00:00:00.000001Z")},
                {Instant.parse("2105-12-31T23:59:59.999999Z"), Instant.parse("2106-01-01T00:00:00.123457Z")}};
        for (Instant[] interval : intervals) {
            confirmed(instructor, ana, interval[0], interval[1]);
        }
        BookingReads reads = new BookingReads(jdbc);
        for (Instant[] interval : intervals) {
            assertThat(reads.confirmedIntervals(instructor, interval[0].minusSeconds(1), interval[1].plusSeconds(1)))
                    .containsExactly(new Slot(interval[0], interval[1]));
        }
    }

    @Test
    void S1_back_to_back_confirmed_lessons_are_read_as_one_busy_interval() {
        Instant ten = Instant.parse("2026-03-02T15:00:00Z");
        Instant eleven = ten.plusSeconds(3600);
        Instant noon = eleven.plusSeconds(3600);
        Instant two = noon.plusSeconds(7200);
        confirmed(instructor, ana, ten, eleven);
        confirmed(instructor, ben, eleven, noon);
        confirmed(instructor, ana, two, two.plusSeconds(1800));
        confirmed(otherInstructor, ben, noon, two);

        BookingReads reads = new BookingReads(jdbc);
        var mine = List.of(new Slot(ten, noon),
                new Slot(two, two.plusSeconds(1800)));
        assertThat(reads.confirmedIntervals(instructor, ten.minusSeconds(86400), two.plusSeconds(86400)))
                .containsExactlyInAnyOrderElementsOf(mine);
        assertThat(reads.confirmedIntervals(List.of(instructor, otherInstructor), ten.minusSeconds(86400),
                two.plusSeconds(86400)))
                .containsOnlyKeys(instructor, otherInstructor)
                .satisfies(byInstructor -> {
                    assertThat(byInstructor.get(instructor)).containsExactlyInAnyOrderElementsOf(mine);
                    assertThat(byInstructor.get(otherInstructor))
                            .containsExactly(new Slot(noon, two));
                });
    }
}
