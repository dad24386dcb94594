package studio.booking.query.calendar;

import org.junit.jupiter.api.Test;
import studio.booking.messages.booking.BookingStatus;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.MemberDeactivated;
import studio.booking.messages.slots.SlotQueries.CalendarBooking;
import studio.booking.messages.slots.SlotQueries.CalendarDay;
import studio.booking.messages.slots.SlotQueries.CalendarMonth;
import studio.booking.messages.slots.SlotQueries.GetCalendarMonth;
import studio.booking.messages.slots.SlotQueries.GetStudioCalendarMonth;
import studio.booking.messages.slots.SlotQueries.InstructorSummary;
import studio.booking.query.ReadSideTest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarQueryHandlerTest extends ReadSideTest {

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    static final int MONDAY = 1;
    static final int TUESDAY = 2;

    // "now" is Monday 2 February 2026, 09:00 in New York
    UUID nina = member("Nina", Role.INSTRUCTOR);                       // New York (the studio's zone)
    UUID lars = member("Lars", Role.INSTRUCTOR, "America/Los_Angeles");
    UUID owner = member("Olivia", Role.OWNER);
    UUID ana = member("Ana", Role.MEMBER_FULL);
    UUID ben = member("Ben", Role.MEMBER_LIMITED);

    {
        weekly(nina, MONDAY, "10:00", "13:00", 60);
        weekly(lars, TUESDAY, "22:00", "23:00", 30); // 01:00–02:00 on Wednesday in New York
    }

    CalendarMonth month(UUID viewer, Role role, UUID instructor) {
        return calendarQueries.handle(new GetCalendarMonth(actor(viewer, role), instructor, FEBRUARY, null));
    }

    static CalendarDay day(CalendarMonth month, int dayOfMonth) {
        return month.days().get(dayOfMonth - 1);
    }

    @Test
    void every_date_of_the_month_with_the_future_slots_still_offered() {
        CalendarMonth month = month(ana, Role.MEMBER_FULL, nina);

        assertThat(month.instructor()).isEqualTo(new InstructorSummary(nina, "Nina", null, "America/New_York"));
        assertThat(month.timeZone()).isEqualTo("America/New_York");
        assertThat(month.days()).extracting(CalendarDay::date)
                .containsExactlyElementsOf(FEBRUARY.atDay(1).datesUntil(FEBRUARY.plusMonths(1).atDay(1)).toList());
        assertThat(month.days()).extracting(CalendarDay::availableSlots)
                .containsExactly(0, 3, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0);
    }

    @Test
    void slots_of_past_times_and_confirmed_bookings_are_not_counted_pending_ones_are() {
        setNow(at(LocalDate.of(2026, 2, 2), "10:30", NEW_YORK));
        confirmed(nina, ana, at(LocalDate.of(2026, 2, 9), "10:00", NEW_YORK), at(LocalDate.of(2026, 2, 9), "11:00", NEW_YORK));
        requested(nina, ben, at(LocalDate.of(2026, 2, 16), "10:00", NEW_YORK), at(LocalDate.of(2026, 2, 16), "11:00", NEW_YORK));

        CalendarMonth month = month(ana, Role.MEMBER_FULL, nina);

        assertThat(day(month, 2).availableSlots()).isEqualTo(2);
        assertThat(day(month, 9).availableSlots()).isEqualTo(2);
        assertThat(day(month, 16).availableSlots()).isEqualTo(3);
    }

    @Test
    void S2_days_are_the_instructors_local_dates_for_slots_and_bookings() {
        // Tuesday 10 February 22:00 in Los Angeles is Wednesday 11 February in New York and in UTC
        UUID late = requested(lars, ana, at(LocalDate.of(2026, 2, 10), "22:30", LOS_ANGELES),
                at(LocalDate.of(2026, 2, 10), "23:00", LOS_ANGELES));

        CalendarMonth month = month(owner, Role.OWNER, lars);

        assertThat(month.timeZone()).isEqualTo("America/Los_Angeles");
        assertThat(day(month, 10).availableSlots()).isEqualTo(2);
        assertThat(day(month, 11).availableSlots()).isZero();
        assertThat(day(month, 10).bookings()).extracting(CalendarBooking::id).containsExactly(late);
        assertThat(day(month, 11).bookings()).isEmpty();

        // the studio's view puts the same slots and booking on Wednesday, in New York
        CalendarMonth studio = calendarQueries.handle(new GetStudioCalendarMonth(actor(owner, Role.OWNER), FEBRUARY));
        assertThat(day(studio, 10).availableSlots()).isZero();
        assertThat(day(studio, 11).availableSlots()).isEqualTo(2);
        assertThat(day(studio, 11).bookings()).extracting(CalendarBooking::id).containsExactly(late);
    }

    @Test
    void a_booking_late_on_the_last_local_day_of_the_month_stays_in_that_month() {
        UUID lastDay = requested(lars, ana, at(LocalDate.of(2026, 2, 28), "22:00", LOS_ANGELES),
                at(LocalDate.of(2026, 2, 28), "23:00", LOS_ANGELES));

        assertThat(day(month(owner, Role.OWNER, lars), 28).bookings()).extracting(CalendarBooking::id)
                .containsExactly(lastDay);
        CalendarMonth studio = calendarQueries.handle(new GetStudioCalendarMonth(actor(owner, Role.OWNER), FEBRUARY));
        assertThat(studio.days()).allSatisfy(d -> assertThat(d.bookings()).isEmpty());
    }

    @Test
    void B8_members_see_their_own_bookings_staff_see_all_with_names() {
        LocalDate feb9 = LocalDate.of(2026, 2, 9);
        UUID anas = confirmed(nina, ana, at(feb9, "10:00", NEW_YORK), at(feb9, "11:00", NEW_YORK));
        UUID bens = requested(nina, ben, at(feb9, "11:00", NEW_YORK), at(feb9, "12:00", NEW_YORK));

        assertThat(day(month(ana, Role.MEMBER_FULL, nina), 9).bookings()).containsExactly(new CalendarBooking(anas,
                BookingStatus.CONFIRMED, at(feb9, "10:00", NEW_YORK), at(feb9, "11:00", NEW_YORK), nina, "Nina", ana,
                "Ana", false));
        assertThat(day(month(ben, Role.MEMBER_LIMITED, nina), 9).bookings()).extracting(CalendarBooking::id)
                .containsExactly(bens);
        assertThat(day(month(UUID.randomUUID(), Role.GUEST, nina), 9).bookings()).isEmpty();
        assertThat(day(month(lars, Role.INSTRUCTOR, nina), 9).bookings()).extracting(CalendarBooking::id)
                .containsExactly(anas, bens);
        assertThat(day(month(owner, Role.OWNER, nina), 9).bookings()).extracting(CalendarBooking::memberName)
                .containsExactly("Ana", "Ben");
    }

    @Test
    void S3_duration_filters_the_counted_slots() {
        assertThat(day(calendarQueries.handle(new GetCalendarMonth(actor(ana, Role.MEMBER_FULL), lars, FEBRUARY, 30)), 10)
                .availableSlots()).isEqualTo(2);
        assertThat(day(calendarQueries.handle(new GetCalendarMonth(actor(ana, Role.MEMBER_FULL), lars, FEBRUARY, 60)), 10)
                .availableSlots()).isZero();
    }

    @Test
    void studio_month_sums_the_slots_of_every_active_instructor() {
        weekly(owner, MONDAY, "09:30", "10:30", 60);
        UUID gone = member("Gone", Role.INSTRUCTOR);
        weekly(gone, MONDAY, "15:00", "16:00", 60);
        membersProjection.on(new MemberDeactivated(gone), eventTime());

        CalendarMonth studio = calendarQueries.handle(new GetStudioCalendarMonth(actor(owner, Role.OWNER), FEBRUARY));

        assertThat(studio.instructor()).isNull();
        assertThat(studio.timeZone()).isEqualTo("America/New_York");
        assertThat(studio.days()).hasSize(28);
        assertThat(day(studio, 2).availableSlots()).isEqualTo(3 + 1);
        assertThat(day(studio, 4).availableSlots()).isEqualTo(2); // Lars's Tuesday evening, Wednesday in New York
        assertThat(day(studio, 9).availableSlots()).isEqualTo(3 + 1);
    }

    @Test
    void an_unknown_instructor_has_an_empty_month() {
        CalendarMonth month = month(owner, Role.OWNER, UUID.randomUUID());
        assertThat(month.instructor()).isNull();
        assertThat(month.days()).hasSize(28).allSatisfy(d -> {
            assertThat(d.availableSlots()).isZero();
            assertThat(d.bookings()).isEmpty();
        });
    }
}
