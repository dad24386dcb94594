package studio.booking.query.availability;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import studio.booking.messages.availability.AvailabilityOverride;
import studio.booking.messages.availability.AvailabilityOverrideAdded;
import studio.booking.messages.availability.AvailabilityOverrideRemoved;
import studio.booking.messages.availability.WeeklyWindow;
import studio.booking.messages.availability.WeeklyWindowAdded;
import studio.booking.messages.availability.WeeklyWindowRemoved;
import studio.booking.query.replay.ProjectionTables;
import studio.booking.query.support.Sql;

import java.sql.Types;
import java.time.Instant;

/**
 * The {@code instructor_availability} and {@code availability_overrides} tables: one row per
 * window or override, deleted when it is removed. Values from the events only (R3).
 */
@Component
@ProcessingGroup(AvailabilityProjection.PROCESSING_GROUP)
@ProjectionTables({"instructor_availability", "availability_overrides"})
public class AvailabilityProjection {

    public static final String PROCESSING_GROUP = "availability-projection";

    private final JdbcClient jdbc;

    public AvailabilityProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(WeeklyWindowAdded event, @Timestamp Instant at) {
        WeeklyWindow w = event.window();
        jdbc.sql("""
                        INSERT INTO instructor_availability (id, instructor_id, day_of_week, start_time, end_time,
                               slot_duration_minutes, is_active, effective_from, effective_until, created_at, updated_at)
                        VALUES (:id, :instructorId, :day, :start, :end, :duration, TRUE, :from, :until, :at, :at)
                        """)
                .param("id", w.windowId())
                .param("instructorId", event.instructorId())
                .param("day", w.dayOfWeek())
                .param("start", w.startTime())
                .param("end", w.endTime())
                .param("duration", w.slotDurationMinutes())
                .param("from", w.effectiveFrom())
                .param("until", w.effectiveUntil(), Types.DATE)
                .param("at", Sql.ts(at))
                .update();
    }

    @EventHandler
    public void on(WeeklyWindowRemoved event) {
        jdbc.sql("DELETE FROM instructor_availability WHERE id = :id")
                .param("id", event.windowId())
                .update();
    }

    @EventHandler
    public void on(AvailabilityOverrideAdded event, @Timestamp Instant at) {
        AvailabilityOverride o = event.override();
        jdbc.sql("""
                        INSERT INTO availability_overrides (id, instructor_id, override_date, start_time, end_time,
                               is_available, reason, slot_duration_minutes, created_at)
                        VALUES (:id, :instructorId, :date, :start, :end, :available, :reason, :duration, :at)
                        """)
                .param("id", o.overrideId())
                .param("instructorId", event.instructorId())
                .param("date", o.overrideDate())
                .param("start", o.startTime(), Types.TIME)
                .param("end", o.endTime(), Types.TIME)
                .param("available", o.available())
                .param("reason", o.reason(), Types.VARCHAR)
                .param("duration", o.slotDurationMinutes(), Types.INTEGER)
                .param("at", Sql.ts(at))
                .update();
    }

    @EventHandler
    public void on(AvailabilityOverrideRemoved event) {
        jdbc.sql("DELETE FROM availability_overrides WHERE id = :id")
                .param("id", event.overrideId())
                .update();
    }

    /** Replay starts from empty tables. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE instructor_availability, availability_overrides").update();
    }
}
