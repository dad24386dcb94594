package studio.booking.query;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import studio.booking.messages.availability.AvailabilityOverride;
import studio.booking.messages.availability.AvailabilityOverrideAdded;
import studio.booking.messages.availability.WeeklyWindow;
import studio.booking.messages.availability.WeeklyWindowAdded;
import studio.booking.messages.booking.BookingConfirmed;
import studio.booking.messages.booking.BookingRequested;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.BookingSettings;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.MemberRegistered;
import studio.booking.query.availability.AvailabilityProjection;
import studio.booking.query.availability.AvailabilityQueryHandler;
import studio.booking.query.availability.AvailabilityReads;
import studio.booking.query.booking.BookingQueryHandler;
import studio.booking.query.booking.BookingReads;
import studio.booking.query.booking.BookingsProjection;
import studio.booking.query.calendar.CalendarQueryHandler;
import studio.booking.query.member.MemberQueryHandler;
import studio.booking.query.member.MemberReads;
import studio.booking.query.member.MembersProjection;
import studio.booking.query.slots.OfferedSlots;
import studio.booking.query.slots.SlotQueryHandler;
import studio.booking.query.thread.ThreadQueryHandler;
import studio.booking.query.thread.ThreadReads;
import studio.booking.query.thread.ThreadsProjection;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Base of the read-side tests: one real PostgreSQL per test JVM (embedded), migrated by Flyway
 * with this module's migrations, the projections and query handlers wired by hand, and every
 * table emptied through the projections' reset handlers for each test (JUnit makes one
 * instance per test).
 */
public abstract class ReadSideTest {

    protected static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    protected static final DataSource DATA_SOURCE = startDatabase();

    protected final JdbcClient jdbc = JdbcClient.create(DATA_SOURCE);

    /** "Now" for every test: Monday 2 February 2026, 09:00 in New York. */
    protected Instant now = ZonedDateTime.of(2026, 2, 2, 9, 0, 0, 0, NEW_YORK).toInstant();
    protected BookingSettings settings = BookingSettings.defaults();

    protected MembersProjection membersProjection;
    protected AvailabilityProjection availabilityProjection;
    protected BookingsProjection bookingsProjection;
    protected ThreadsProjection threadsProjection;
    protected MemberQueryHandler memberQueries;
    protected AvailabilityQueryHandler availabilityQueries;
    protected BookingQueryHandler bookingQueries;
    protected SlotQueryHandler slotQueries;
    protected CalendarQueryHandler calendarQueries;
    protected ThreadQueryHandler threadQueries;

    private static DataSource startDatabase() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going anyway
                }
            }));
            // one connection kept open, as a pool would: no connection set-up in measured reads
            DataSource ds = new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    true);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            return ds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs before the fields of a test class, so they may already write givens. */
    protected ReadSideTest() {
        wire();
        membersProjection.reset();
        availabilityProjection.reset();
        bookingsProjection.reset();
        threadsProjection.reset();
    }

    /** (Re)builds the components, e.g. after a test changed {@link #now} or {@link #settings}. */
    protected void wire() {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        membersProjection = new MembersProjection(jdbc);
        availabilityProjection = new AvailabilityProjection(jdbc);
        bookingsProjection = new BookingsProjection(jdbc);
        threadsProjection = new ThreadsProjection(jdbc);
        MemberReads memberReads = new MemberReads(jdbc, settings);
        AvailabilityReads availabilityReads = new AvailabilityReads(jdbc);
        BookingReads bookingReads = new BookingReads(jdbc);
        OfferedSlots offeredSlots = new OfferedSlots(availabilityReads, bookingReads, clock, settings);
        memberQueries = new MemberQueryHandler(memberReads);
        availabilityQueries = new AvailabilityQueryHandler(availabilityReads);
        bookingQueries = new BookingQueryHandler(bookingReads, memberReads);
        slotQueries = new SlotQueryHandler(memberReads, offeredSlots);
        calendarQueries = new CalendarQueryHandler(memberReads, bookingReads, offeredSlots);
        threadQueries = new ThreadQueryHandler(new ThreadReads(jdbc), bookingReads);
    }

    protected void setNow(Instant instant) {
        now = instant;
        wire();
    }

    protected void setSettings(BookingSettings newSettings) {
        settings = newSettings;
        wire();
    }

    // ---- givens, written through the projections as the event handlers would be called ----

    protected Instant eventTime() {
        return now.minus(Duration.ofDays(30));
    }

    protected UUID member(String name, Role role) {
        return member(name, role, null);
    }

    protected UUID member(String name, Role role, String zone) {
        UUID id = UUID.randomUUID();
        membersProjection.on(new MemberRegistered(id, name.toLowerCase().replace(' ', '.') + "@studio.test", name, role,
                null, zone), eventTime());
        return id;
    }

    protected static Actor actor(UUID id, Role role) {
        return new Actor(id, role);
    }

    protected UUID weekly(UUID instructorId, int dayOfWeek, String start, String end, int minutes) {
        UUID id = UUID.randomUUID();
        availabilityProjection.on(new WeeklyWindowAdded(instructorId, new WeeklyWindow(id, dayOfWeek,
                LocalTime.parse(start), LocalTime.parse(end), minutes, LocalDate.of(2026, 1, 1), null)), eventTime());
        return id;
    }

    protected UUID override(UUID instructorId, AvailabilityOverride override) {
        availabilityProjection.on(new AvailabilityOverrideAdded(instructorId, override), eventTime());
        return override.overrideId();
    }

    protected UUID requested(UUID instructorId, UUID memberId, Instant start, Instant end) {
        UUID id = UUID.randomUUID();
        bookingsProjection.on(new BookingRequested(id, instructorId, memberId, start, end, "notes",
                eventTime().plus(Duration.ofHours(4))), eventTime());
        return id;
    }

    protected UUID confirmed(UUID instructorId, UUID memberId, Instant start, Instant end) {
        UUID id = requested(instructorId, memberId, start, end);
        bookingsProjection.on(new BookingConfirmed(id, instructorId, memberId, start, end), eventTime().plusSeconds(60));
        return id;
    }

    protected static Instant at(LocalDate date, String time, ZoneId zone) {
        return ZonedDateTime.of(date, LocalTime.parse(time), zone).toInstant();
    }
}
