package studio.booking.api.booking;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.api.support.Lessons.book;
import static org.awaitility.Awaitility.await;

/**
 * B2 over a long life: the ledger is snapshotted every 100 events (Jackson 3), and a ledger
 * loaded from its snapshot still knows every confirmed interval — a snapshot that lost them
 * would let the ledger grant an interval twice.
 */
@ApiTest
class LedgerSnapshotTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void B2_a_snapshotted_ledger_keeps_every_confirmed_interval() {
        Api.Member instructor = api.instructor();
        for (int day = 0; day < 7; day++) {
            api.window(instructor.client(), instructor.id(), day, "06:00", "22:00", 15);
        }
        Api.Member member = api.member("member_full");
        LocalDate from = LocalDate.now(ZoneId.of("America/New_York")).plusDays(3);
        List<JsonNode> slots = new ArrayList<>();
        member.client().get("/api/slots/" + instructor.id() + "?start=" + from + "&end=" + from.plusDays(2))
                .expect(200).json().path("slots").forEach(slots::add);
        assertThat(slots).hasSizeGreaterThan(110);

        List<UUID> confirmed = new ArrayList<>();
        for (JsonNode slot : slots.subList(0, 110)) {
            UUID booking = UUID.fromString(book(member.client(), instructor.id(), slot));
            instructor.client().post("/api/bookings/" + booking + "/confirm", Map.of()).expect(200);
            confirmed.add(booking);
        }

        String ledger = "ledger:" + instructor.id();
        await().untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(ledger).query(Long.class).single()).isEqualTo(1L));
        String snapshot = new String(jdbc.sql("SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(ledger).query((rs, n) -> rs.getBytes(1)).single(), java.nio.charset.StandardCharsets.UTF_8);
        long snapshotSequence = jdbc.sql("SELECT sequence_number FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(ledger).query(Long.class).single();
        // every booking confirmed up to the snapshot is in it
        confirmed.subList(0, (int) snapshotSequence + 1).forEach(id -> assertThat(snapshot).contains(id.toString()));

        // loaded from the snapshot, the ledger frees a cancelled interval and grants it again
        ApiClient owner = api.owner();
        owner.post("/api/bookings/" + confirmed.get(0) + "/cancel", Map.of()).expect(200);
        UUID again = UUID.fromString(book(member.client(), instructor.id(), slots.get(0)));
        instructor.client().post("/api/bookings/" + again + "/confirm", Map.of()).expect(200);
    }
}
