package studio.booking.api.ui;

import studio.booking.api.support.Api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the browser tests set up through the API before they act in the browser, and how the UI words it. */
final class Fixtures {

    static final ZoneId NEW_YORK = ZoneId.of(Ui.ZONE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private Fixtures() {
    }

    static String name(Api.Member member) {
        return member.client().get("/api/me").expect(200).json().path("display_name").asString();
    }

    static String firstName(Api.Member member) {
        return name(member).split(" ")[0];
    }

    /** "Thu, Feb 5", as the UI writes a date. */
    static String day(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("EEE, MMM d", Locale.US));
    }

    /** "Thu, Feb 5", or "Thu, Feb 5, 2027" when not this year: as the UI writes a lesson's date. */
    static String lessonDay(LocalDate date) {
        return date.getYear() == LocalDate.now(NEW_YORK).getYear() ? day(date) : day(date) + ", " + date.getYear();
    }

    /** "2:00 PM", as the UI writes a New York time. */
    static String time(String localTime) {
        return LocalTime.parse(localTime).format(TIME);
    }

    /** "2:00 PM": an instant as the UI writes it in New York. */
    static String clock(String instant) {
        return Instant.parse(instant).atZone(NEW_YORK).format(TIME);
    }

    /** The instant of a New York local date and time, as the API writes it. */
    static String instant(LocalDate date, String localTime) {
        return date.atTime(LocalTime.parse(localTime)).atZone(NEW_YORK).toInstant().toString();
    }

    static Instant at(LocalDate date, String localTime) {
        return date.atTime(LocalTime.parse(localTime)).atZone(NEW_YORK).toInstant();
    }

    /** The next date (from {@code daysAhead} on) falling on this weekday (0 = Sunday). */
    static LocalDate next(int dayOfWeek, int daysAhead) {
        LocalDate date = LocalDate.now(NEW_YORK).plusDays(daysAhead);
        while (date.getDayOfWeek().getValue() % 7 != dayOfWeek) {
            date = date.plusDays(1);
        }
        return date;
    }
}
