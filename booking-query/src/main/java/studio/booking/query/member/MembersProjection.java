package studio.booking.query.member;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import studio.booking.messages.member.MemberDeactivated;
import studio.booking.messages.member.MemberProfileUpdated;
import studio.booking.messages.member.MemberReactivated;
import studio.booking.messages.member.MemberRegistered;
import studio.booking.messages.member.MemberRoleChanged;

import org.axonframework.eventhandling.Timestamp;
import studio.booking.query.replay.ProjectionTables;
import studio.booking.query.support.Sql;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code members} table. Every value comes from the events and their timestamps, so a replay
 * rebuilds identical rows (R3).
 */
@Component
@ProcessingGroup(MembersProjection.PROCESSING_GROUP)
@ProjectionTables("members")
public class MembersProjection {

    public static final String PROCESSING_GROUP = "members-projection";

    private final JdbcClient jdbc;

    public MembersProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(MemberRegistered event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO members (id, email, display_name, role, avatar_url, time_zone, active, created_at, updated_at)
                        VALUES (:id, :email, :displayName, :role, :avatarUrl, :timeZone, TRUE, :at, :at)
                        """)
                .param("id", event.memberId())
                .param("email", event.email())
                .param("displayName", event.displayName())
                .param("role", event.role().wire())
                .param("avatarUrl", event.avatarUrl())
                .param("timeZone", event.timeZone())
                .param("at", Sql.ts(at))
                .update();
    }

    @EventHandler
    public void on(MemberProfileUpdated event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE members SET display_name = :displayName, avatar_url = :avatarUrl, time_zone = :timeZone,
                               updated_at = :at
                         WHERE id = :id
                        """)
                .param("id", event.memberId())
                .param("displayName", event.displayName())
                .param("avatarUrl", event.avatarUrl())
                .param("timeZone", event.timeZone())
                .param("at", Sql.ts(at))
                .update();
    }

    @EventHandler
    public void on(MemberRoleChanged event, @Timestamp Instant at) {
        jdbc.sql("UPDATE members SET role = :role, updated_at = :at WHERE id = :id")
                .param("id", event.memberId())
                .param("role", event.role().wire())
                .param("at", Sql.ts(at))
                .update();
    }

    @EventHandler
    public void on(MemberDeactivated event, @Timestamp Instant at) {
        setActive(event.memberId(), false, at);
    }

    @EventHandler
    public void on(MemberReactivated event, @Timestamp Instant at) {
        setActive(event.memberId(), true, at);
    }

    private void setActive(UUID memberId, boolean active, Instant at) {
        jdbc.sql("UPDATE members SET active = :active, updated_at = :at WHERE id = :id")
                .param("id", memberId)
                .param("active", active)
                .param("at", Sql.ts(at))
                .update();
    }

    /** Replay starts from an empty table. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE members").update();
    }
}
