package studio.booking.api.stream;

import java.nio.charset.StandardCharsets;

/**
 * Server-sent-events wire format (WHATWG HTML, "Server-sent events"). Every frame is encoded once and
 * shared by all clients that receive it. Payloads are single-line JSON, so one {@code data:} line
 * suffices.
 */
final class SseFrames {

    /** A comment: ignored by clients, keeps proxies from closing an idle connection. */
    static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.UTF_8);

    private SseFrames() {
    }

    static byte[] event(EventId id, String name, String json) {
        return ("id: " + id + "\nevent: " + name + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An id without data: per the standard it sets the client's last event id but dispatches nothing, so
     * a client that saw no event before losing its connection still resumes from here.
     */
    static byte[] position(EventId id) {
        return ("id: " + id + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Tells the client to refetch what it shows; its id resumes the stream from here. */
    static byte[] resync(EventId position, String reason) {
        return event(position, "resync", "{\"reason\":\"" + reason + "\"}");
    }
}
