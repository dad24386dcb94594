package studio.booking.command.member;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.MemberDeactivated;
import studio.booking.messages.member.MemberProfileUpdated;
import studio.booking.messages.member.MemberReactivated;
import studio.booking.messages.member.MemberRegistered;
import studio.booking.messages.member.MemberRoleChanged;

import java.util.Optional;
import java.util.UUID;

/**
 * {@code cmd_members}: email uniqueness, and who may book or teach (B1). Kept current in the
 * command's transaction (subscribing processor), so a check always sees committed members.
 */
@Component
@ProcessingGroup("command-lookups")
public class MemberLookup implements MemberEmails {

    private final JdbcClient jdbc;

    public MemberLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isTaken(String email, UUID exceptMemberId) {
        return jdbc.sql("SELECT count(*) FROM cmd_members WHERE lower(email) = lower(?) AND member_id <> ?")
                .params(email, exceptMemberId).query(Long.class).single() > 0;
    }

    public Optional<MemberRecord> find(UUID memberId) {
        return jdbc.sql("SELECT member_id, email, role, active, time_zone FROM cmd_members WHERE member_id = ?")
                .param(memberId).query(MemberLookup::row).optional();
    }

    private static MemberRecord row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new MemberRecord(rs.getObject("member_id", UUID.class), rs.getString("email"),
                Role.fromWire(rs.getString("role")), rs.getBoolean("active"), rs.getString("time_zone"));
    }

    @EventHandler
    void on(MemberRegistered e) {
        jdbc.sql("INSERT INTO cmd_members (member_id, email, role, active, time_zone) VALUES (?, ?, ?, true, ?)")
                .params(e.memberId(), e.email(), e.role().wire(), e.timeZone()).update();
    }

    @EventHandler
    void on(MemberProfileUpdated e) {
        jdbc.sql("UPDATE cmd_members SET time_zone = ? WHERE member_id = ?").params(e.timeZone(), e.memberId()).update();
    }

    @EventHandler
    void on(MemberRoleChanged e) {
        jdbc.sql("UPDATE cmd_members SET role = ? WHERE member_id = ?").params(e.role().wire(), e.memberId()).update();
    }

    @EventHandler
    void on(MemberDeactivated e) {
        jdbc.sql("UPDATE cmd_members SET active = false WHERE member_id = ?").param(e.memberId()).update();
    }

    @EventHandler
    void on(MemberReactivated e) {
        jdbc.sql("UPDATE cmd_members SET active = true WHERE member_id = ?").param(e.memberId()).update();
    }
}
