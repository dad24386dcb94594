package studio.booking.api.stream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.junit.jupiter.api.Test;
import studio.booking.messages.common.Role;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** Back-pressure of one stream, with a socket that takes data only when the test says so. */
class SseConnectionTest {

    /** Non-blocking output as the servlet container offers it. */
    static final class Socket extends ServletOutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        boolean ready = true;
        int flushes;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }

        @Override
        public void write(int b) {
            written.write(b);
        }

        @Override
        public void flush() {
            flushes++;
        }

        String text() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    private final Socket socket = new Socket();
    private final AsyncContext async = mock(AsyncContext.class);
    private final List<SseConnection> ended = new ArrayList<>();
    // writes run on the caller's thread here: the test sees their effect at once
    private final SseConnection connection = new SseConnection(new Viewer(UUID.randomUUID(), Role.MEMBER_FULL),
            "session", async, socket, Runnable::run, 3, ended::add);

    private static byte[] frame(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void R1_frames_are_written_in_order_and_flushed() {
        assertThat(connection.offer(frame("a"))).isTrue();
        assertThat(connection.offer(frame("b"))).isTrue();
        assertThat(socket.text()).isEqualTo("ab");
        assertThat(socket.flushes).isEqualTo(2);
    }

    @Test
    void R1_a_client_that_does_not_read_keeps_its_frames_waiting_until_the_container_says_it_can_take_them() {
        socket.ready = false;
        connection.offer(frame("a"));
        connection.offer(frame("b"));
        assertThat(socket.text()).isEmpty();
        socket.ready = true;
        connection.onWritePossible();
        assertThat(socket.text()).isEqualTo("ab");
    }

    @Test
    void R1_a_client_that_falls_behind_gets_a_resync_instead_of_what_it_missed_then_the_end() {
        socket.ready = false;
        assertThat(connection.offer(frame("a"))).isTrue();
        assertThat(connection.offer(frame("b"))).isTrue();
        assertThat(connection.offer(frame("c"))).isTrue();
        assertThat(connection.offer(frame("d"))).isFalse();

        connection.fallBehind(frame("resync"), System.nanoTime());
        assertThat(connection.offer(frame("e"))).isTrue(); // ignored: it is closing
        verify(async, never()).complete();
        socket.ready = true;
        connection.onWritePossible();
        assertThat(socket.text()).isEqualTo("resync");
        verify(async).complete();
        assertThat(ended).containsExactly(connection);
    }

    @Test
    void R1_ending_a_stream_drops_what_waits_and_completes_it_even_if_the_client_never_reads() {
        socket.ready = false;
        connection.offer(frame("a"));
        connection.end();
        verify(async).complete();
        assertThat(socket.text()).isEmpty();
        assertThat(ended).containsExactly(connection);
        assertThat(connection.offer(frame("b"))).isTrue();
        assertThat(socket.text()).isEmpty();
    }
}
