package studio.booking.query.availability;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import studio.booking.messages.availability.AvailabilityOverride;
import studio.booking.messages.availability.WeeklyWindow;
import studio.booking.query.support.Sql;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads of the availability tables: one indexed query per table. */
@Component
public class AvailabilityReads {

    private static final String WEEKLY = "SELECT id, instructor_id, day_of_week, start_time, end_time,"
            + " slot_duration_minutes, effective_from, effective_until FROM instructor_availability ";
    private static final String OVERRIDES = "SELECT id, instructor_id, override_date, start_time, end_time,"
            + " is_available, reason, slot_duration_minutes FROM availability_overrides ";

    private static final RowMapper<WeeklyWindow> WINDOW = (rs, n) -> new WeeklyWindow(Sql.uuid(rs, "id"),
            rs.getInt("day_of_week"), Sql.time(rs, "start_time"), Sql.time(rs, "end_time"),
            rs.getInt("slot_duration_minutes"), Sql.date(rs, "effective_from"), Sql.date(rs, "effective_until"));

    private static final RowMapper<AvailabilityOverride> OVERRIDE = (rs, n) -> new AvailabilityOverride(
            Sql.uuid(rs, "id"), Sql.date(rs, "override_date"), Sql.time(rs, "start_time"), Sql.time(rs, "end_time"),
            rs.getBoolean("is_available"), rs.getString("reason"), Sql.integer(rs, "slot_duration_minutes"));

    private final JdbcClient jdbc;

    public AvailabilityReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every weekly window of the instructor, by day and start. */
    public List<WeeklyWindow> weekly(UUID instructorId) {
        return jdbc.sql(WEEKLY + "WHERE instructor_id = :id ORDER BY day_of_week, start_time, end_time, id")
                .param("id", instructorId)
                .query(WINDOW)
                .list();
    }

    /** Every override of the instructor, by date and start (whole-day blocks first). */
    public List<AvailabilityOverride> overrides(UUID instructorId) {
        return jdbc.sql(OVERRIDES + "WHERE instructor_id = :id ORDER BY override_date, start_time NULLS FIRST, end_time, id")
                .param("id", instructorId)
                .query(OVERRIDE)
                .list();
    }

    /** Weekly windows of these instructors whose effective range meets {@code [from, to]}. */
    public Map<UUID, List<WeeklyWindow>> weekly(Collection<UUID> instructorIds, LocalDate from, LocalDate to) {
        if (instructorIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(WEEKLY + """
                        WHERE instructor_id = ANY(:ids) AND effective_from <= :to
                          AND (effective_until IS NULL OR effective_until >= :from)
                        ORDER BY day_of_week, start_time, id
                        """)
                .param("ids", instructorIds.toArray(UUID[]::new))
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> Map.entry(Sql.uuid(rs, "instructor_id"), WINDOW.mapRow(rs, n)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** Overrides of these instructors dated in {@code [from, to]}. */
    public Map<UUID, List<AvailabilityOverride>> overrides(Collection<UUID> instructorIds, LocalDate from, LocalDate to) {
        if (instructorIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(OVERRIDES + """
                        WHERE instructor_id = ANY(:ids) AND override_date BETWEEN :from AND :to
                        ORDER BY override_date, start_time NULLS FIRST, id
                        """)
                .param("ids", instructorIds.toArray(UUID[]::new))
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> Map.entry(Sql.uuid(rs, "instructor_id"), OVERRIDE.mapRow(rs, n)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    public Optional<UUID> windowOwner(UUID windowId) {
        return jdbc.sql("SELECT instructor_id FROM instructor_availability WHERE id = :id")
                .param("id", windowId)
                .query(UUID.class)
                .optional();
    }

    public Optional<UUID> overrideOwner(UUID overrideId) {
        return jdbc.sql("SELECT instructor_id FROM availability_overrides WHERE id = :id")
                .param("id", overrideId)
                .query(UUID.class)
                .optional();
    }
}
