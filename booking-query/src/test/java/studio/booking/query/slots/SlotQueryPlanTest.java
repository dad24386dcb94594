package studio.booking.query.slots;

import org.junit.jupiter.api.Test;
import studio.booking.messages.common.Role;
import studio.booking.messages.slots.SlotQueries.GetAvailableSlots;
import studio.booking.query.ReadSideTest;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side's shape for the speed target (slots of one instructor-month with 10,000 bookings in
 * history): confirmed bookings are read through the exclusion constraint's GIST index, never a
 * scan. The speed itself is measured by bench/run.sh (docs/BENCHMARKS.md), not by a test.
 */
class SlotQueryPlanTest extends ReadSideTest {

    UUID instructor = member("Busy", Role.INSTRUCTOR);
    UUID member = member("Regular", Role.MEMBER_FULL);

    @Test
    void slots_of_one_instructor_month_with_ten_thousand_bookings_use_the_indexes() {
        for (int day = 0; day < 7; day++) {
            weekly(instructor, day, "08:00", "22:00", 30);
        }
        // 10,000 bookings of this instructor from 2023 to 2029 (6 a day, a third confirmed), plus other instructors'
        jdbc.sql("""
                        INSERT INTO private_lesson_bookings (id, instructor_id, member_id, start_time, end_time, status,
                               created_at, updated_at)
                        SELECT gen_random_uuid(), :instructor, :member,
                               TIMESTAMPTZ '2023-03-01 14:00Z' + (i / 6) * INTERVAL '1 day' + (i % 6) * INTERVAL '1 hour',
                               TIMESTAMPTZ '2023-03-01 14:30Z' + (i / 6) * INTERVAL '1 day' + (i % 6) * INTERVAL '1 hour',
                               (ARRAY['confirmed', 'pending', 'completed'])[1 + i % 3]::booking_status,
                               TIMESTAMPTZ '2023-01-01Z', TIMESTAMPTZ '2023-01-01Z'
                          FROM generate_series(0, 9999) AS i
                        """)
                .param("instructor", instructor).param("member", member).update();
        jdbc.sql("""
                        INSERT INTO private_lesson_bookings (id, instructor_id, member_id, start_time, end_time, status,
                               created_at, updated_at)
                        SELECT gen_random_uuid(), gen_random_uuid(), :member,
                               TIMESTAMPTZ '2023-03-01 14:00Z' + i * INTERVAL '3 hours',
                               TIMESTAMPTZ '2023-03-01 15:00Z' + i * INTERVAL '3 hours', 'confirmed', now(), now()
                          FROM generate_series(0, 19999) AS i
                        """)
                .param("member", member).update();
        jdbc.sql("VACUUM ANALYZE").update();

        String plan = String.join("\n", jdbc.sql("""
                        EXPLAIN SELECT lower(busy), upper(busy)
                          FROM (SELECT unnest(range_agg(tstzrange(start_time, end_time))) AS busy
                                  FROM private_lesson_bookings
                                 WHERE instructor_id = :id AND status = 'confirmed'
                                   AND tstzrange(start_time, end_time) && tstzrange(:from, :until)) merged
                        """)
                .param("id", instructor)
                .param("from", java.time.OffsetDateTime.parse("2026-02-01T00:00:00Z"))
                .param("until", java.time.OffsetDateTime.parse("2026-03-02T00:00:00Z"))
                .query(String.class).list());
        assertThat(plan).contains("no_instructor_overlap").doesNotContain("Seq Scan");

        GetAvailableSlots query = new GetAvailableSlots(instructor, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28),
                null);
        int offered = slotQueries.handle(query).slots().size();
        assertThat(offered).isGreaterThan(500);
    }
}
