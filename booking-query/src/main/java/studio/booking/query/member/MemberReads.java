package studio.booking.query.member;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import studio.booking.messages.common.BookingSettings;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.MemberView;
import studio.booking.query.support.Sql;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the members table, shared by the query handlers of every feature. */
@Component
public class MemberReads {

    private static final String COLUMNS = "id, email, display_name, role, avatar_url, time_zone, active";

    private final JdbcClient jdbc;
    private final BookingSettings settings;
    private final RowMapper<MemberView> mapper;

    public MemberReads(JdbcClient jdbc, BookingSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.mapper = (rs, n) -> new MemberView(Sql.uuid(rs, "id"), rs.getString("email"),
                rs.getString("display_name"), Role.fromWire(rs.getString("role")), rs.getString("avatar_url"),
                zoneOf(rs.getString("time_zone")).getId(), rs.getBoolean("active"));
    }

    public Optional<MemberView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM members WHERE id = :id")
                .param("id", id)
                .query(mapper)
                .optional();
    }

    /** The zone the member set, without the studio's default (null when none). */
    public Optional<String> ownTimeZone(UUID id) {
        return jdbc.sql("SELECT time_zone FROM members WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    public Optional<MemberView> findByEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM members WHERE lower(email) = lower(:email)")
                .param("email", email.trim())
                .query(mapper)
                .optional();
    }

    public List<MemberView> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM members ORDER BY display_name, id")
                .query(mapper)
                .list();
    }

    /** Active members with role instructor or owner, by display name. */
    public List<MemberView> activeInstructors() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM members WHERE active AND role IN ('instructor', 'owner')"
                        + " ORDER BY display_name, id")
                .query(mapper)
                .list();
    }

    /** S2: the member's own zone, or the studio's when they set none. */
    public ZoneId zoneOf(String storedZone) {
        return Sql.zoneOr(storedZone, settings.studioTimeZone());
    }

    public ZoneId studioZone() {
        return settings.studioTimeZone();
    }
}
