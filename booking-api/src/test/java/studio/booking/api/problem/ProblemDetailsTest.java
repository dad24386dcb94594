package studio.booking.api.problem;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md, Conventions: every error is application/problem+json; nothing a client sends yields a 5xx. */
@ApiTest
class ProblemDetailsTest {

    @Autowired
    Api api;

    @Test
    void malformed_json_is_400() {
        api.owner().post("/api/members", "{\"email\": ").problem(400);
        api.owner().post("/api/bookings", "[1, 2").problem(400);
    }

    @Test
    void a_wrongly_typed_json_value_is_400_naming_the_field() {
        JsonNode problem = api.owner().post("/api/availability", Map.of("instructor_id", UUID.randomUUID().toString(),
                "day_of_week", "Tuesday", "start_time", "10:00", "end_time", "11:00")).problem(400);
        assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo("day_of_week");
        assertThat(problem.path("detail").asString()).contains("day_of_week");

        JsonNode nested = api.owner().post("/api/bookings", Map.of("instructor_id", List.of(1, 2),
                "start_time", "2030-01-01T10:00:00Z", "end_time", "2030-01-01T11:00:00Z")).problem(400);
        assertThat(nested.path("errors").path(0).path("field").asString()).isEqualTo("instructor_id");
    }

    @Test
    void a_malformed_uuid_in_a_path_is_404() {
        ApiClient owner = api.owner();
        owner.get("/api/bookings/not-a-uuid").problem(404);
        owner.get("/api/slots/12345?start=2026-01-01&end=2026-01-02").problem(404);
        owner.delete("/api/availability/nope").problem(404);
        owner.patch("/api/members/xyz", Map.of("display_name", "X")).problem(404);
        owner.get("/api/bookings/%20/messages").problem(404);
    }

    @Test
    void a_request_the_firewall_rejects_is_a_400_problem_too() {
        ApiClient owner = api.owner();
        JsonNode problem = owner.get("/api/bookings/" + UUID.randomUUID() + ";x=1/messages").problem(400);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        // refused by Tomcat itself, before the application
        owner.get("/api/bookings/a%2Fb").problem(400);
        owner.get("/api/bookings/a%00b").problem(400);
    }

    @Test
    void a_malformed_uuid_in_a_query_parameter_is_400() {
        JsonNode problem = api.owner().get("/api/bookings?instructor_id=not-a-uuid").problem(400);
        assertThat(fields(problem)).contains("instructor_id");
    }

    @Test
    void validation_reports_every_bad_field_at_once() {
        JsonNode problem = api.owner().post("/api/members", Map.of("time_zone", "Mars/Olympus")).problem(400);

        assertThat(fields(problem)).contains("email", "display_name", "role", "password", "time_zone");
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    @Test
    void member_fields_are_checked_role_wire_name_and_password_length() {
        JsonNode problem = api.owner().post("/api/members", Map.of("email", "not-an-email", "display_name", "X",
                "role", "MemberFull", "password", "short")).problem(400);
        assertThat(fields(problem)).containsExactlyInAnyOrder("email", "role", "password");
    }

    @Test
    void booking_request_fields_are_all_checked() {
        String longNotes = "n".repeat(2001);
        JsonNode problem = api.owner().post("/api/bookings", Map.of("instructor_id", "x",
                "start_time", "tomorrow", "end_time", "2026-02-05T19:00:00", "notes", longNotes)).problem(400);
        assertThat(fields(problem)).contains("instructor_id", "start_time", "end_time", "notes");
    }

    @Test
    void availability_fields_are_all_checked() {
        JsonNode problem = api.owner().post("/api/availability", Map.of("day_of_week", 7, "start_time", "25:00",
                "end_time", "9am", "slot_duration_minutes", 5)).problem(400);
        assertThat(fields(problem)).contains("instructor_id", "day_of_week", "start_time", "end_time",
                "slot_duration_minutes");
    }

    @Test
    void unknown_json_fields_are_ignored() {
        JsonNode problem = api.owner().post("/api/members", Map.of("email", "x@y.z", "display_name", "Someone",
                "role", "guest", "password", "short", "favourite_dance", "tango")).problem(400);
        assertThat(fields(problem)).containsExactly("password");
    }

    @Test
    void slots_range_longer_than_61_days_or_backwards_is_400() {
        Api.Member instructor = api.instructor();
        ApiClient owner = api.owner();
        String base = "/api/slots/" + instructor.id();
        owner.get(base + "?start=2026-01-01&end=2026-03-04").problem(400);
        owner.get(base + "?start=2026-01-10&end=2026-01-09").problem(400);
        owner.get(base + "?start=2026-01-01&end=2026-03-03").expect(200);
        owner.get(base + "?start=2026-13-01&end=2026-01-02").problem(400);
    }

    @Test
    void slots_of_an_unknown_instructor_is_404() {
        api.owner().get("/api/slots/" + UUID.randomUUID() + "?start=2026-01-01&end=2026-01-02").problem(404);
    }

    @Test
    void calendar_month_must_be_yyyy_mm_and_the_studio_calendar_is_for_staff() {
        Api.Member instructor = api.instructor();
        ApiClient owner = api.owner();
        owner.get("/api/calendar/" + instructor.id() + "?month=2026-2").problem(400);
        owner.get("/api/calendar/all?month=February").problem(400);
        api.member("member_full").client().get("/api/calendar/all?month=2026-02").problem(403);
    }

    @Test
    void an_unknown_booking_status_filter_is_400() {
        JsonNode problem = api.owner().get("/api/bookings?status=pending,sleeping").problem(400);
        assertThat(fields(problem)).containsExactly("status");
    }

    @Test
    void unknown_route_wrong_method_and_wrong_media_type() {
        ApiClient owner = api.owner();
        owner.get("/api/no-such-thing").problem(404);
        owner.send("PUT", "/api/members", "{}", "application/json").problem(405);
        owner.send("POST", "/api/members", "email=x", "text/plain").problem(415);
    }

    @Test
    void an_unknown_window_or_override_is_404() {
        ApiClient owner = api.owner();
        owner.delete("/api/availability/" + UUID.randomUUID()).problem(404);
        owner.delete("/api/availability/overrides/" + UUID.randomUUID()).problem(404);
        owner.get("/api/bookings/" + UUID.randomUUID()).problem(404);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }
}
