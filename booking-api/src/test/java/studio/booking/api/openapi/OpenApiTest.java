package studio.booking.api.openapi;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiTest;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md: an OpenAPI document served by the app describes the API (public, no sign-in). */
@ApiTest
class OpenApiTest {

    @Autowired
    Api api;

    @Test
    void the_openapi_document_describes_every_endpoint() {
        JsonNode document = api.anonymous().get("/v3/api-docs").expect(200).json();
        JsonNode paths = document.path("paths");
        // the signed-in member is resolved by the server, never a client parameter
        assertThat(document.toString()).doesNotContain("\"name\":\"actor\"", "\"name\":\"viewer\"",
                "\"name\":\"current\"");

        assertThat(paths.has("/api/auth/login")).isTrue();
        assertThat(paths.has("/api/auth/logout")).isTrue();
        assertThat(paths.has("/api/me")).isTrue();
        assertThat(paths.has("/api/members")).isTrue();
        assertThat(paths.has("/api/members/{id}")).isTrue();
        assertThat(paths.has("/api/instructors")).isTrue();
        assertThat(paths.has("/api/availability")).isTrue();
        assertThat(paths.has("/api/availability/{instructorId}")).isTrue();
        assertThat(paths.has("/api/availability/overrides")).isTrue();
        assertThat(paths.has("/api/availability/overrides/{id}")).isTrue();
        assertThat(paths.has("/api/slots/{instructorId}")).isTrue();
        assertThat(paths.has("/api/calendar/{instructorId}")).isTrue();
        assertThat(paths.has("/api/calendar/all")).isTrue();
        assertThat(paths.has("/api/bookings")).isTrue();
        assertThat(paths.has("/api/bookings/{id}")).isTrue();
        assertThat(paths.has("/api/stream")).isTrue();
        assertThat(paths.has("/api/bookings/{id}/history")).isTrue();
        assertThat(paths.path("/api/admin/replay").has("post") && paths.path("/api/admin/replay").has("get")).isTrue();
        // request and response shapes in the wire's snake_case
        assertThat(document.path("components").path("schemas").path("WindowRequest").path("properties")
                .has("instructor_id")).as(document.path("components").path("schemas").path("WindowRequest").toString())
                .isTrue();
        // a booking as API.md lists it, every field (null ones included)
        JsonNode booking = document.path("components").path("schemas").path("BookingRow");
        assertThat(booking.path("properties").propertyNames()).as(booking.toString()).containsExactlyInAnyOrder(
                "id", "instructor_id", "instructor_name", "member_id", "member_name", "start_time", "end_time",
                "status", "notes", "cancelled_at", "cancelled_by", "cancellation_reason", "created_at",
                "updated_at", "unread");
        assertThat(document.path("components").path("schemas").path("CalendarBookingRow").path("properties")
                .propertyNames()).contains("member_name", "unread").doesNotContain("notes");
        for (String action : new String[]{"confirm", "decline", "cancel", "complete", "no-show"}) {
            assertThat(paths.has("/api/bookings/{id}/" + action)).as(action).isTrue();
        }
        // how to sign in, and what a protected operation answers without it
        assertThat(document.path("components").path("securitySchemes").propertyNames())
                .contains("session", "csrf", "bearer");
        assertThat(paths.path("/api/admin/replay").path("post").path("responses").propertyNames()).contains("401", "403");
        assertThat(paths.path("/api/bookings/{id}/messages").path("get").path("responses").propertyNames())
                .contains("401").doesNotContain("403");
        assertThat(paths.path("/api/auth/login").path("post").path("security").isArray()).isTrue();
        assertThat(paths.path("/api/auth/login").path("post").path("security")).isEmpty();
    }

    /**
     * API.md: the document describes the contract, so it must hold together (every reference resolves),
     * show errors as what they are (problem+json, Conventions) and carry the status codes API.md lists.
     */
    @Test
    void the_openapi_document_is_whole_and_describes_errors_as_problems() {
        JsonNode document = api.anonymous().get("/v3/api-docs").expect(200).json();
        JsonNode schemas = document.path("components").path("schemas");
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/components/schemas/");
            assertThat(schemas.has(ref.substring("#/components/schemas/".length()))).as(ref).isTrue();
        });

        JsonNode paths = document.path("paths");
        assertThat(paths.propertyNames()).isNotEmpty().allSatisfy(path -> assertThat(path).startsWith("/api/"));
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("responses").properties().stream()
                        .filter(response -> response.getKey().startsWith("4"))
                        .forEach(response -> assertThat(response.getValue().path("content").toString())
                                .as("%s %s %s", operation.getKey(), path.getKey(), response.getKey())
                                .isEqualTo("{\"application/problem+json\":{\"schema\":{\"$ref\":\"#/components/schemas/Problem\"}}}"))));

        // the status codes API.md names, and the Conventions' 400 / 404 where an operation can give them
        assertThat(codes(paths, "/api/bookings", "post")).contains("201", "200", "400", "403", "404", "409");
        for (String action : new String[]{"confirm", "decline", "cancel", "complete", "no-show"}) {
            assertThat(codes(paths, "/api/bookings/{id}/" + action, "post")).as(action).contains("200", "403", "404", "409");
        }
        assertThat(codes(paths, "/api/bookings/{id}", "get")).contains("200", "404");
        assertThat(codes(paths, "/api/bookings", "get")).contains("200", "400");
        assertThat(codes(paths, "/api/availability", "post")).contains("201", "400", "403", "409");
        assertThat(codes(paths, "/api/availability/{id}", "delete")).contains("200", "403", "404");
        assertThat(codes(paths, "/api/availability/overrides/{id}", "delete")).contains("200", "403", "404");
        assertThat(codes(paths, "/api/members", "post")).contains("201", "400", "403", "409");
        assertThat(codes(paths, "/api/calendar/all", "get")).contains("200", "400", "403");
        assertThat(codes(paths, "/api/slots/{instructorId}", "get")).contains("200", "400", "404");
        List<String> requiredSlotParameters = new ArrayList<>();
        for (JsonNode parameter : paths.path("/api/slots/{instructorId}").path("get").path("parameters")) {
            if (parameter.path("required").asBoolean()) {
                requiredSlotParameters.add(parameter.path("name").asString());
            }
        }
        assertThat(requiredSlotParameters).containsExactlyInAnyOrder("instructorId", "start", "end");
    }

    private static List<String> codes(JsonNode paths, String path, String method) {
        return new ArrayList<>(paths.path(path).path(method).path("responses").propertyNames());
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asString());
                }
                collectRefs(field.getValue(), refs);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    @Test
    void health_is_public() {
        api.anonymous().get("/actuator/health").expect(200);
    }
}
