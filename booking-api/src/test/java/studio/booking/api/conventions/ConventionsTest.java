package studio.booking.api.conventions;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.api.support.Lessons.UTC_INSTANT;
import static studio.booking.api.support.Lessons.booking;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.request;
import static studio.booking.api.support.Lessons.windowAndSlots;
import static studio.booking.api.support.Lessons.with;

/** API.md, Conventions: 401/403/CSRF, instants, unknown fields, malformed input, never a 5xx. */
@ApiTest
class ConventionsTest {

    @Autowired
    Api api;

    @Test
    void not_signed_in_state_changes_are_401_not_a_csrf_403() {
        ApiClient anonymous = api.anonymous();
        anonymous.get("/api/me"); // holds an XSRF-TOKEN cookie now, but no session
        UUID any = UUID.randomUUID();
        for (ApiClient client : List.of(anonymous, api.anonymous(), api.anonymous().echoCsrf(false))) {
            client.post("/api/bookings", request(any, "2030-01-01T10:00:00Z", "2030-01-01T11:00:00Z")).problem(401);
            client.post("/api/bookings/" + any + "/confirm", null).problem(401);
            client.post("/api/bookings/" + any + "/cancel", Map.of()).problem(401);
            client.post("/api/bookings/" + any + "/decline", Map.of()).problem(401);
            client.post("/api/bookings/" + any + "/complete", null).problem(401);
            client.post("/api/bookings/" + any + "/no-show", null).problem(401);
            client.post("/api/bookings/" + any + "/messages", Map.of("content", "Hi")).problem(401);
            client.post("/api/availability", Map.of("instructor_id", any.toString())).problem(401);
            client.delete("/api/availability/" + any).problem(401);
            client.delete("/api/availability/overrides/" + any).problem(401);
            client.post("/api/admin/replay", null).problem(401);
            client.post("/api/members", Map.of("email", "x@y.test")).problem(401);
            client.patch("/api/members/" + any, Map.of("display_name", "X")).problem(401);
            JsonNode problem = client.post("/api/availability/overrides", Map.of()).problem(401);
            assertThat(problem.path("detail").asString()).doesNotContain("CSRF");
        }
    }

    /** Bad input is a 4xx, also when it is huge: a body is read up to 64 KiB, never whole into the heap. */
    @Test
    void a_body_over_64_KiB_is_413_whether_its_length_is_announced_or_not() {
        Api.Member member = api.member("member_full");
        String huge = "a".repeat(2_000_000);
        String endpoint = "/api/bookings/" + UUID.randomUUID() + "/messages";

        JsonNode announced = member.client().post(endpoint, Map.of("content", huge)).problem(413);
        assertThat(announced.path("detail").asString()).isEqualTo("Request body too large: at most 64 KiB");
        JsonNode chunked = member.client().postChunked(endpoint, "{\"content\":\"" + huge + "\"}")
                .problem(413);
        assertThat(chunked.path("detail").asString()).isEqualTo("Request body too large: at most 64 KiB");
        JsonNode signIn = api.anonymous().post("/api/auth/login", Map.of("email", "x@y.test", "password", huge))
                .problem(413);
        assertThat(signIn.path("status").asInt()).isEqualTo(413);

        // ~24 KiB: the longest body the API needs (2000 characters, each escaped as a surrogate pair) still fits
        String emoji = "\\ud83d\\udc83".repeat(2000);
        member.client().send("POST", "/api/auth/login", "{\"email\":\"" + member.email() + "\",\"password\":\""
                + Api.PASSWORD + "\",\"ignored\":\"" + emoji + "\"}", "application/json").expect(204);
    }

    @Test
    void after_sign_out_a_state_change_is_401() {
        ApiClient member = api.member("member_full").client();
        member.post("/api/auth/logout", null).expect(204);
        member.post("/api/bookings", request(UUID.randomUUID(), "2030-01-01T10:00:00Z", "2030-01-01T11:00:00Z"))
                .problem(401);
        member.echoCsrf(false).post("/api/bookings/" + UUID.randomUUID() + "/cancel", null).problem(401);
    }

    @Test
    void a_signed_in_state_change_without_the_csrf_header_stays_403() {
        Api.Member member = api.member("member_full");
        JsonNode problem = member.client().echoCsrf(false).post("/api/bookings",
                request(UUID.randomUUID(), "2030-01-01T10:00:00Z", "2030-01-01T11:00:00Z")).problem(403);
        assertThat(problem.path("detail").asString()).contains("CSRF");
        member.client().echoCsrf(true);
    }

    @Test
    void instants_are_written_in_utc_with_seconds_and_accepted_with_any_offset() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(8);
        JsonNode slot = windowAndSlots(api, instructor, date, "10:00", "11:00", 60).get(0);
        Instant start = Instant.parse(slot.path("slot_start").asString());
        Instant end = Instant.parse(slot.path("slot_end").asString());

        String startOffset = start.atOffset(ZoneOffset.ofHours(-5)).toString();
        assertThat(startOffset).endsWith("-05:00");
        String bookingId = member.client().post("/api/bookings", request(instructor.id(), startOffset,
                end.atOffset(ZoneOffset.ofHours(9)).toString())).expect(201).json().path("booking_id").asString();

        JsonNode booking = booking(member.client(), bookingId);
        assertThat(booking.path("start_time").asString()).matches(UTC_INSTANT).isEqualTo(start.toString());
        assertThat(booking.path("end_time").asString()).matches(UTC_INSTANT).isEqualTo(end.toString());
        assertThat(booking.path("created_at").asString()).matches(UTC_INSTANT);
        assertThat(booking.path("updated_at").asString()).matches(UTC_INSTANT);
        assertThat(slot.path("slot_start").asString()).matches(UTC_INSTANT);
    }

    @Test
    void unknown_json_fields_are_ignored() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_limited");
        JsonNode slot = windowAndSlots(api, instructor, inDays(9), "10:00", "11:00", 60).get(0);

        member.client().post("/api/bookings", with(request(instructor.id(), slot), "colour", "red")).expect(201);
        instructor.client().post("/api/availability", Map.of("instructor_id", instructor.id().toString(),
                "day_of_week", 3, "start_time", "06:00", "end_time", "07:00", "unknown", List.of(1, 2))).expect(201);
    }

    @Test
    void malformed_json_and_wrong_types_are_400_problems() {
        Api.Member instructor = api.instructor();
        ApiClient client = instructor.client();
        client.send("POST", "/api/bookings", "{\"instructor_id\": ", "application/json").problem(400);
        client.send("POST", "/api/availability", "not json at all", "application/json").problem(400);
        client.send("POST", "/api/bookings", "[1, 2]", "application/json").problem(400);
        client.post("/api/availability", Map.of("instructor_id", instructor.id().toString(), "day_of_week", "monday",
                "start_time", "10:00", "end_time", "11:00")).problem(400);
        client.post("/api/availability", Map.of("instructor_id", 42, "day_of_week", 1,
                "start_time", 10, "end_time", "11:00")).problem(400);
        client.post("/api/availability/overrides", Map.of("instructor_id", instructor.id().toString(),
                "override_date", "2030-02-30", "is_available", "sometimes")).problem(400);
        client.post("/api/bookings", Map.of("instructor_id", instructor.id().toString(), "start_time", "tomorrow",
                "end_time", List.of())).problem(400);
        api.owner().post("/api/members", Map.of("email", 7, "display_name", Map.of(), "role", true,
                "password", 12345678)).problem(400);
    }

    @Test
    void a_scalar_of_the_wrong_type_is_400_not_coerced() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        JsonNode slot = windowAndSlots(api, instructor, inDays(9), "10:00", "11:00", 60).get(0);
        member.client().post("/api/bookings", with(request(instructor.id(), slot), "notes", 5)).problem(400);
        member.client().post("/api/bookings", with(request(instructor.id(), slot), "notes", true)).problem(400);
        member.client().post("/api/bookings", with(request(instructor.id(), slot), "notes", Map.of("a", 1)))
                .problem(400);
        instructor.client().post("/api/availability", Map.of("instructor_id", instructor.id().toString(),
                "day_of_week", "1", "start_time", "06:00", "end_time", "07:00")).problem(400);
        instructor.client().post("/api/availability", Map.of("instructor_id", instructor.id().toString(),
                "day_of_week", 1.5, "start_time", "06:00", "end_time", "07:00")).problem(400);
        instructor.client().post("/api/availability/overrides", Map.of("instructor_id", instructor.id().toString(),
                "override_date", inDays(9).toString(), "is_available", "false")).problem(400);
        instructor.client().post("/api/availability/overrides", Map.of("instructor_id", instructor.id().toString(),
                "override_date", inDays(9).toString(), "is_available", 0)).problem(400);
        member.client().post("/api/bookings", request(instructor.id(), slot)).expect(201);
    }

    @Test
    void nothing_a_client_sends_yields_a_5xx() {
        Api.Member instructor = api.instructor();
        ApiClient client = instructor.client();
        String[] paths = {"/api/bookings", "/api/bookings/not-a-uuid/confirm", "/api/bookings/" + UUID.randomUUID()
                + "/cancel", "/api/availability", "/api/availability/overrides", "/api/members",
                "/api/bookings/not-a-uuid/decline"};
        String[] bodies = {"", "{}", "null", "[]", "\"text\"", "{\"reason\": 5}", "{\"instructor_id\": null}",
                "{\"start_time\": \"2026-13-45T99:00:00Z\"}", "{\"day_of_week\": 1e400}", "\u0000\u0001",
                "{\"day_of_week\": 99999999999999999999, \"slot_duration_minutes\": -1}",
                "{\"override_date\": \"+999999999-12-31\", \"is_available\": false}",
                "{\"effective_from\": \"-999999999-01-01\", \"effective_until\": \"+999999999-12-31\"}",
                "{\"start_time\": \"+1000000000-01-01T00:00:00Z\", \"end_time\": \"9999-12-31T23:59:59Z\"}"};
        List<String> all = new java.util.ArrayList<>(List.of(bodies));
        String id = "\"instructor_id\": \"" + instructor.id() + "\"";
        all.add("{" + id + ", \"day_of_week\": 1, \"start_time\": \"00:00\", \"end_time\": \"23:59\","
                + " \"effective_from\": \"+999999999-01-01\"}");
        all.add("{" + id + ", \"day_of_week\": 1, \"start_time\": \"00:00\", \"end_time\": \"23:59\","
                + " \"effective_from\": \"-999999999-01-01\", \"effective_until\": \"-999999999-01-02\"}");
        all.add("{" + id + ", \"override_date\": \"+999999999-12-31\", \"is_available\": true,"
                + " \"start_time\": \"00:00\", \"end_time\": \"23:59\"}");
        all.add("{" + id + ", \"override_date\": \"-999999999-01-01\", \"is_available\": false}");
        all.add("{" + id + ", \"start_time\": \"+1000000000-01-01T00:00:00Z\","
                + " \"end_time\": \"+1000000000-01-01T01:00:00Z\"}");
        all.add("{" + id + ", \"start_time\": \"-1000000000-01-01T00:00:00Z\","
                + " \"end_time\": \"-1000000000-01-01T01:00:00Z\"}");
        for (String path : paths) {
            for (String body : all) {
                for (String type : new String[]{"application/json", "text/plain"}) {
                    ApiClient.Response response = client.send("POST", path, body, type);
                    assertThat(response.status()).as("POST %s %s %s: %s", path, type, body, response.body())
                            .isLessThan(500);
                }
            }
        }
        String[] gets = {"/api/bookings/not-a-uuid", "/api/bookings?status=%25", "/api/bookings?start=x",
                "/api/slots/not-a-uuid?start=2026-01-01&end=2026-01-02", "/api/slots/" + instructor.id(),
                "/api/slots/" + instructor.id() + "?start=2026-01-01&end=2026-01-02&duration=abc",
                "/api/calendar/" + instructor.id() + "?month=2026-13", "/api/calendar/not-a-uuid",
                "/api/availability/not-a-uuid", "/api/bookings/" + UUID.randomUUID() + "/history",
                "/api/slots/" + instructor.id() + "?start=2026-01-01&end=2026-01-02&duration=99999999999999999999",
                "/api/slots/" + instructor.id() + "?start=-999999999-01-01&end=+999999999-12-31",
                "/api/slots/" + instructor.id() + "?start=9999-12-31&end=9999-12-31",
                "/api/calendar/" + instructor.id() + "?month=-999999999-01",
                "/api/calendar/all?month=0000-00", "/api/calendar/all?month=0001-01",
                "/api/calendar/all?month=9999-12", "/api/calendar/" + instructor.id() + "?month=0001-01",
                "/api/calendar/" + instructor.id() + "?month=9999-12",
                "/api/slots/" + instructor.id() + "?start=0001-01-01&end=0001-01-31",
                "/api/bookings?start=0001-01-01&end=9999-12-31", "/api/bookings?start=-999999999-01-01",
                "/api/bookings?end=+999999999-12-31", "/api/bookings?status=,,,"};
        for (String path : gets) {
            ApiClient.Response response = client.get(path);
            assertThat(response.status()).as("GET %s: %s", path, response.body()).isLessThan(500);
        }
    }

    @Test
    void long_values_at_and_past_their_limits_are_stored_or_400_never_5xx() {
        ApiClient owner = api.owner();
        Api.Member instructor = api.instructor();
        List<ApiClient.Response> answers = new java.util.ArrayList<>();
        answers.add(owner.post("/api/members", Map.of("email", "a".repeat(5000) + "@x.test", "display_name", "Long",
                "role", "member_full", "password", Api.PASSWORD)));
        answers.add(owner.post("/api/members", Map.of("email", Api.uniqueEmail("long"), "display_name",
                "\uD83D\uDC83".repeat(200), "role", "member_full", "password", "p".repeat(5000))));
        answers.add(owner.patch("/api/members/" + instructor.id(), Map.of("avatar_url", "https://x.test/"
                + "a".repeat(1985))));
        answers.add(owner.patch("/api/members/" + instructor.id(), Map.of("avatar_url", "a".repeat(2001))));
        answers.add(instructor.client().post("/api/availability/overrides", Map.of("instructor_id",
                instructor.id().toString(), "override_date", inDays(20).toString(), "is_available", false,
                "reason", "r".repeat(500))));
        answers.add(instructor.client().post("/api/availability/overrides", Map.of("instructor_id",
                instructor.id().toString(), "override_date", inDays(21).toString(), "is_available", false,
                "reason", "r".repeat(501))));
        JsonNode slot = windowAndSlots(api, instructor, inDays(22), "10:00", "11:00", 60).get(0);
        Api.Member member = api.member("member_full");
        String id = member.client().post("/api/bookings", request(instructor.id(), slot)).expect(201).json()
                .path("booking_id").asString();
        answers.add(instructor.client().post("/api/bookings/" + id + "/decline", Map.of("reason",
                "\uD83D\uDC83".repeat(2000))));
        for (ApiClient.Response answer : answers) {
            assertThat(answer.status()).as("%s %s: %s", answer.raw().request().method(), answer.raw().request().uri(),
                    answer.body()).isLessThan(500);
        }
    }

    @Test
    void a_malformed_id_in_a_path_is_404() {
        ApiClient client = api.instructor().client();
        client.get("/api/bookings/not-a-uuid").problem(404);
        for (String action : List.of("confirm", "decline", "cancel", "complete", "no-show")) {
            client.post("/api/bookings/123/" + action, Map.of()).problem(404);
        }
        client.delete("/api/availability/not-a-uuid").problem(404);
        client.delete("/api/availability/overrides/not-a-uuid").problem(404);
        client.get("/api/availability/not-a-uuid").problem(404);
        client.get("/api/calendar/not-a-uuid?month=2026-01").problem(404);
        client.get("/api/slots/not-a-uuid?start=2026-01-01&end=2026-01-01").problem(404);
        api.owner().patch("/api/members/not-a-uuid", Map.of("display_name", "X")).problem(404);
    }

    @Test
    void an_id_of_something_else_in_a_booking_path_is_404_not_500() {
        Api.Member member = api.member("member_full");
        String notABooking = "/api/bookings/" + member.id();
        api.owner().get(notABooking).problem(404);
        for (String action : List.of("confirm", "decline", "cancel", "complete", "no-show")) {
            api.owner().post(notABooking + "/" + action, Map.of()).problem(404);
        }
        api.owner().get(notABooking + "/messages").problem(404);
        api.owner().post(notABooking + "/messages", Map.of("content", "Hi")).problem(404);
    }

    @Test
    void a_nul_character_in_text_is_400_never_5xx() {
        Api.Member instructor = api.instructor();
        JsonNode slot = windowAndSlots(api, instructor, inDays(23), "10:00", "11:00", 60).get(0);
        Api.Member member = api.member("member_full");
        ApiClient.Response request = member.client().post("/api/bookings", with(request(instructor.id(), slot), "notes",
                "a\u0000b"));
        assertThat(request.status()).as(request.body()).isLessThan(500);
        String id = member.client().post("/api/bookings", request(instructor.id(), slot)).json().path("booking_id")
                .asString();
        member.client().post("/api/bookings/" + id + "/messages", Map.of("content", "a\u0000b")).problem(400);
        ApiClient.Response decline = instructor.client().post("/api/bookings/" + id + "/decline",
                Map.of("reason", "a\u0000b"));
        assertThat(decline.status()).as(decline.body()).isLessThan(500);
    }
}
