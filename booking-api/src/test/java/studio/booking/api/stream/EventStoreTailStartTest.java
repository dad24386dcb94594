package studio.booking.api.stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiTest;
import studio.booking.api.support.EventStream;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R1 with several nodes: a transaction of another node may hold an index just below the head this
 * node's tail starts from, and commit after it. Its event must still reach this node's streams.
 */
@ApiTest
class EventStoreTailStartTest {

    @Autowired
    EventStoreTail tail;

    @Autowired
    DataSource dataSource;

    @Autowired
    Api api;

    @Test
    void R1_an_event_committed_below_the_head_after_the_tail_started_is_streamed() throws Exception {
        Api.Member instructor = api.instructor();
        api.window(instructor.client(), instructor.id(), 2, "10:00", "11:00", 60);
        try (Connection otherNode = dataSource.getConnection()) {
            otherNode.setAutoCommit(false);
            // "another node" appends an event for this instructor (a copy of their window's event) and has
            // not committed yet: it holds an index below the head that follows
            try (PreparedStatement append = otherNode.prepareStatement("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                    time_stamp, payload_type, payload_revision, payload, meta_data)
                    SELECT ?, ?, 0, type, time_stamp, payload_type, payload_revision, payload, meta_data
                      FROM domain_event_entry
                     WHERE payload_type LIKE '%WeeklyWindowAdded' AND aggregate_identifier LIKE '%' || ?
                    """)) {
                append.setString(1, UUID.randomUUID().toString());
                append.setString(2, UUID.randomUUID().toString());
                append.setString(3, instructor.id().toString());
                assertThat(append.executeUpdate()).isOne();
            }
            api.instructor(); // commits above it: the head
            tail.stop();
            tail.start();
            try (EventStream stream = EventStream.open(api.member("member_full").client())) {
                stream.awaitConnected();

                otherNode.commit();

                stream.await("availability", json -> json.path("instructor_id").asString()
                        .equals(instructor.id().toString()));
            }
        }
    }
}
