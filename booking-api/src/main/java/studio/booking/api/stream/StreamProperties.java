package studio.booking.api.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code booking.stream.*}: the live stream's knobs (docs/stream.md).
 *
 * @param heartbeat     how often every open stream gets an SSE comment, so proxies keep idle connections open
 * @param history       how many stored events this node remembers for {@code Last-Event-ID} catch-up
 * @param clientQueue   how many frames may wait for one client; a client further behind is dropped with a resync
 * @param writerThreads the shared threads that write to every client (writes never block: non-blocking I/O)
 * @param mapperThreads how many waiting events are mapped side by side (each reads views) when commits come
 *                      faster than one thread maps them
 */
@ConfigurationProperties("booking.stream")
public record StreamProperties(
        @DefaultValue("PT15S") Duration heartbeat,
        @DefaultValue("10000") int history,
        @DefaultValue("1000") int clientQueue,
        @DefaultValue("2") int writerThreads,
        @DefaultValue("4") int mapperThreads) {

    public StreamProperties {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("booking.stream.heartbeat must be positive");
        }
        if (history < 1 || clientQueue < 1 || writerThreads < 1 || mapperThreads < 1) {
            throw new IllegalArgumentException("booking.stream.history, client-queue, writer-threads and mapper-threads must be at least 1");
        }
    }
}
