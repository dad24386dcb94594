package studio.booking.query.slots;

import org.junit.jupiter.api.Test;
import studio.booking.messages.common.Role;
import studio.booking.messages.slots.SlotQueries.GetAvailableSlots;
import studio.booking.query.ReadSideTest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-side target: slots of one instructor-month with 10,000 bookings in history, one indexed
 * query per table. The plan is asserted exactly; the time loosely (shared CI machines), and printed.
 */
class SlotPerformanceTest extends ReadSideTest {

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
                        EXPLAIN SELECT start_time, end_time FROM private_lesson_bookings
                         WHERE instructor_id = :id AND status = 'confirmed'
                           AND tstzrange(start_time, end_time) && tstzrange(:from, :until)
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
        for (int i = 0; i < 1000; i++) {
            slotQueries.handle(query);
        }
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            slotQueries.handle(query);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double p50 = nanos[nanos.length / 2] / 1e6;
        double p99 = nanos[(int) (nanos.length * 0.99)] / 1e6;
        System.out.printf("slots of one instructor-month, 10,000 bookings: %d slots, p50 %.2f ms, p99 %.2f ms%n",
                offered, p50, p99);
        // on an idle machine p99 stays near the 10 ms target; shared build machines add scheduling noise
        assertThat(p50).as("p50 in ms").isLessThan(10.0);
        assertThat(p99).as("p99 in ms (target 10 ms)").isLessThan(50.0);
    }
}
