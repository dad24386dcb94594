package studio.booking.api.support;

import tools.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of {@code GET /api/stream} that parses server-sent events as a browser's EventSource does:
 * events, comments (heartbeats) and the last event id, also from frames without data.
 */
public final class EventStream implements AutoCloseable {

    public static final Duration PROMPTLY = Duration.ofSeconds(10);

    /** One dispatched event. */
    public record Event(String id, String name, String data) {

        public JsonNode json() {
            return ApiClient.JSON.readTree(data);
        }
    }

    private final HttpResponse<Stream<String>> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger comments = new AtomicInteger();
    private volatile String lastEventId;
    private volatile boolean ended;
    private volatile RuntimeException endCause;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "test-event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream as the client, asserting 200 and the event-stream type. */
    public static EventStream open(ApiClient client) {
        return open(client, null);
    }

    public static EventStream open(ApiClient client, String lastEventId) {
        HttpResponse<Stream<String>> response = client.getLines("/api/stream",
                lastEventId == null ? Map.of() : Map.of("Last-Event-ID", lastEventId));
        assertThat(response.statusCode()).as("status of GET /api/stream").isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        return new EventStream(response);
    }

    private void read() {
        Map<String, String> fields = new HashMap<>();
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (fields.containsKey("id")) {
                        lastEventId = fields.get("id");
                    }
                    if (!data.isEmpty()) {
                        events.add(new Event(lastEventId, fields.getOrDefault("event", "message"),
                                data.substring(0, data.length() - 1)));
                    }
                    fields.clear();
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    if (field.equals("data")) {
                        data.append(value).append('\n');
                    } else {
                        fields.put(field, value);
                    }
                }
            });
        } catch (RuntimeException closed) {
            endCause = closed; // closed by the test, or the connection broke
        } finally {
            ended = true;
        }
    }

    /** Every event received so far, in order. */
    public List<Event> events() {
        return new ArrayList<>(events);
    }

    public List<Event> events(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    /** The id a browser would send as Last-Event-ID now (null before any). */
    public String lastEventId() {
        return lastEventId;
    }

    public int comments() {
        return comments.get();
    }

    public boolean ended() {
        return ended;
    }

    /** Waits for the first event (received so far or later) that matches. */
    public Event await(String name, Predicate<JsonNode> matches) {
        return await(name, matches, PROMPTLY);
    }

    public Event await(String name, Predicate<JsonNode> matches, Duration within) {
        Event[] found = new Event[1];
        try {
            Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(10)).until(() -> {
                for (Event e : events) {
                    if (e.name().equals(name) && matches.test(e.json())) {
                        found[0] = e;
                        return true;
                    }
                }
                return false;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no such '" + name + "' event within " + within + "; the stream "
                    + (ended ? "ended (" + endCause + ")" : "is open") + " and received: " + events, e);
        }
        return found[0];
    }

    /** Events received before the first one that matches (which must come). */
    public List<Event> before(String name, Predicate<JsonNode> matches) {
        Event fence = await(name, matches);
        List<Event> all = events();
        return all.subList(0, all.indexOf(fence));
    }

    /** Until the stream's first frame (the position it starts from) has arrived: it is registered then. */
    public EventStream awaitConnected() {
        Awaitility.await().atMost(PROMPTLY).until(() -> lastEventId != null);
        return this;
    }

    public void awaitEnd() {
        Awaitility.await().atMost(PROMPTLY).until(this::ended);
    }

    /** Disconnects, as a browser tab that closes. */
    @Override
    public void close() {
        response.body().close();
    }
}
