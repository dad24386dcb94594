package studio.booking.api.booking;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiTest;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.api.support.Lessons.book;

/**
 * The second line of defence (DESIGN.md, Write side): the projection's exclusion constraint runs
 * in the command's transaction, and when it refuses, the whole command fails and nothing of it
 * stays — no events, no lookup rows, no projection rows — instead of an error logged and
 * swallowed behind a 200 (AXON-NOTES: silent data loss).
 */
@ApiTest
class ProjectionConstraintTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void B2_an_exclusion_violation_in_the_projection_fails_the_confirmation_and_rolls_it_all_back() {
        Api.Member instructor = api.instructor();
        for (int day = 0; day < 7; day++) {
            api.window(instructor.client(), instructor.id(), day, "09:00", "12:00", 60);
        }
        Api.Member member = api.member("member_full");
        LocalDate date = LocalDate.now(ZoneId.of("America/New_York")).plusDays(4);
        JsonNode slot = member.client().get("/api/slots/" + instructor.id() + "?start=" + date + "&end=" + date)
                .expect(200).json().path("slots").get(0);
        UUID booking = UUID.fromString(book(member.client(), instructor.id(), slot));
        long eventsBefore = eventCount(booking, instructor.id());

        // a confirmed row the ledger never granted: only the projection's constraint can refuse now
        jdbc.sql("""
                        INSERT INTO private_lesson_bookings (id, instructor_id, member_id, start_time, end_time, status,
                                                             created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, 'confirmed', now(), now())
                        """)
                .params(UUID.randomUUID(), instructor.id(), member.id(),
                        OffsetDateTime.parse(slot.path("slot_start").asString()),
                        OffsetDateTime.parse(slot.path("slot_end").asString()))
                .update();

        JsonNode problem = instructor.client().post("/api/bookings/" + booking + "/confirm", Map.of()).problem(409);

        assertThat(problem.path("detail").asString()).isEqualTo("Time slot already confirmed for another booking");
        assertThat(eventCount(booking, instructor.id())).as("no event of the failed command was stored").isEqualTo(eventsBefore);
        assertThat(jdbc.sql("SELECT status FROM cmd_bookings WHERE booking_id = ?").param(booking)
                .query(String.class).single()).isEqualTo("pending");
        assertThat(member.client().get("/api/bookings/" + booking).expect(200).json().path("data").path("status")
                .asString()).isEqualTo("pending");
    }

    /** Events of the booking and of its instructor's ledger. */
    private long eventCount(UUID booking, UUID instructor) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN (?, ?)")
                .params(booking.toString(), "ledger:" + instructor).query(Long.class).single();
    }
}
