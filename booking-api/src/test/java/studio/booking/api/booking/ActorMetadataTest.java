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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.api.support.Lessons.book;

/**
 * Who did what is kept with the events (it becomes the booking's history, R2): the actor of a
 * command travels as metadata onto every event it causes, including the requests a
 * confirmation declines on the way.
 */
@ApiTest
class ActorMetadataTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_event_carries_the_actor_of_the_command_that_caused_it() {
        Api.Member instructor = api.instructor();
        for (int day = 0; day < 7; day++) {
            api.window(instructor.client(), instructor.id(), day, "09:00", "12:00", 60);
        }
        Api.Member first = api.member("member_full");
        Api.Member second = api.member("member_limited");
        LocalDate date = LocalDate.now(ZoneId.of("America/New_York")).plusDays(3);
        JsonNode slot = first.client().get("/api/slots/" + instructor.id() + "?start=" + date + "&end=" + date)
                .expect(200).json().path("slots").get(0);
        UUID firstBooking = UUID.fromString(book(first.client(), instructor.id(), slot));
        UUID secondBooking = UUID.fromString(book(second.client(), instructor.id(), slot));

        instructor.client().post("/api/bookings/" + firstBooking + "/confirm", Map.of()).expect(200);

        assertThat(actorsOf(firstBooking)).containsExactly(
                "BookingRequested by " + first.id() + " as member_full",
                "BookingConfirmed by " + instructor.id() + " as instructor");
        assertThat(actorsOf(secondBooking)).containsExactly(
                "BookingRequested by " + second.id() + " as member_limited",
                "BookingDeclined by " + instructor.id() + " as instructor");
    }

    private List<String> actorsOf(UUID bookingId) {
        return jdbc.sql("SELECT payload_type, meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number")
                .param(bookingId.toString())
                .query((rs, n) -> {
                    JsonNode meta = ApiClient.JSON.readTree(rs.getBytes("meta_data"));
                    String type = rs.getString("payload_type");
                    return type.substring(type.lastIndexOf('.') + 1) + " by " + meta.path("actorId").asString()
                            + " as " + meta.path("actorRole").asString();
                }).list();
    }
}
