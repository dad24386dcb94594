package studio.booking.api.support;

import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

/** Test helpers on the REST API: sign-ins and the members, instructors and windows a test needs. */
public class Api {

    public static final String OWNER_EMAIL = "owner@api-test.studio";
    public static final String OWNER_PASSWORD = "owner-password-1";
    public static final String PASSWORD = "password-123";

    /** A member created for a test: their id, email and a client signed in as them. */
    public record Member(UUID id, String email, String role, ApiClient client) {
    }

    private final IntSupplier port;

    Api(IntSupplier port) {
        this.port = port;
    }

    /** Helpers for an application started by the test itself. */
    public static Api on(int port) {
        return new Api(() -> port);
    }

    public int port() {
        return port.getAsInt();
    }

    /** A client that has not signed in. */
    public ApiClient anonymous() {
        return new ApiClient(port());
    }

    public ApiClient owner() {
        return anonymous().signIn(OWNER_EMAIL, OWNER_PASSWORD);
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@api-test.studio";
    }

    /** Registers a member with this role (as the owner) and signs them in. */
    public Member member(String role) {
        return member(role, Map.of());
    }

    public Member member(String role, Map<String, Object> extra) {
        String email = uniqueEmail(role.replace('_', '-'));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("display_name", "Test " + role + " " + email.substring(email.indexOf('-') + 1, email.indexOf('@')));
        body.put("role", role);
        body.put("password", PASSWORD);
        body.putAll(extra);
        JsonNode data = owner().post("/api/members", body).expect(201).json().path("data");
        UUID id = UUID.fromString(data.path("id").asString());
        return new Member(id, email, role, anonymous().signIn(email, PASSWORD));
    }

    public Member instructor() {
        return member("instructor", Map.of("time_zone", "America/New_York"));
    }

    /** Adds a weekly window as {@code by} and answers its id. */
    public UUID window(ApiClient by, UUID instructorId, int dayOfWeek, String start, String end, int minutes) {
        JsonNode data = by.post("/api/availability", Map.of("instructor_id", instructorId.toString(),
                        "day_of_week", dayOfWeek, "start_time", start, "end_time", end,
                        "slot_duration_minutes", minutes))
                .expect(201).json().path("data");
        return UUID.fromString(data.path("id").asString());
    }
}
