package studio.booking.api.support;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Static helpers for the HTTP tests: dates in the instructors' zone, slots, requests and bookings. */
public final class Lessons {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** The fields of a booking in API.md, exactly. */
    public static final List<String> BOOKING_FIELDS = List.of("id", "instructor_id", "instructor_name", "member_id",
            "member_name", "start_time", "end_time", "status", "notes", "cancelled_at", "cancelled_by",
            "cancellation_reason", "created_at", "updated_at", "unread");

    public static final String UTC_INSTANT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    private Lessons() {
    }

    /** A date {@code days} ahead in New York. */
    public static LocalDate inDays(int days) {
        return LocalDate.now(NEW_YORK).plusDays(days);
    }

    /** 0 = Sunday … 6 = Saturday. */
    public static int dayOfWeek(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7;
    }

    public static List<JsonNode> slots(ApiClient client, UUID instructorId, LocalDate date) {
        return list(client.get("/api/slots/" + instructorId + "?start=" + date + "&end=" + date)
                .expect(200).json().path("slots"));
    }

    public static List<String> starts(List<JsonNode> slots) {
        return slots.stream().map(s -> s.path("slot_start").asString()).toList();
    }

    public static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    public static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }

    public static Map<String, Object> request(UUID instructorId, JsonNode slot) {
        return request(instructorId, slot.path("slot_start").asString(), slot.path("slot_end").asString());
    }

    public static Map<String, Object> request(UUID instructorId, String start, String end) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instructor_id", instructorId.toString());
        body.put("start_time", start);
        body.put("end_time", end);
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    /** Requests the slot as the client and answers the new booking's id (201). */
    public static String book(ApiClient client, UUID instructorId, JsonNode slot) {
        return client.post("/api/bookings", request(instructorId, slot)).expect(201).json()
                .path("booking_id").asString();
    }

    public static JsonNode booking(ApiClient client, String bookingId) {
        return client.get("/api/bookings/" + bookingId).expect(200).json().path("data");
    }

    public static String status(ApiClient client, String bookingId) {
        return booking(client, bookingId).path("status").asString();
    }

    public static Instant start(JsonNode slot) {
        return Instant.parse(slot.path("slot_start").asString());
    }

    /** A window on {@code date}'s weekday and its slots on that date (asserted non-empty). */
    public static List<JsonNode> windowAndSlots(Api api, Api.Member instructor, LocalDate date, String from,
                                                String to, int minutes) {
        api.window(instructor.client(), instructor.id(), dayOfWeek(date), from, to, minutes);
        List<JsonNode> slots = slots(instructor.client(), instructor.id(), date);
        assertThat(slots).isNotEmpty();
        return slots;
    }

    public static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
