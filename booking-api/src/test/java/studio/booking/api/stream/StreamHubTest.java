package studio.booking.api.stream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.booking.messages.common.Role;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** R1, the hub alone: which of the streams it is handed it keeps. */
class StreamHubTest {

    private final StreamHub hub = new StreamHub(new StreamProperties(Duration.ofSeconds(15), 100, 10, 1, 1));

    @AfterEach
    void shutDown() throws InterruptedException {
        hub.shutDown();
    }

    /** A stream request as the servlet container hands it over, with a socket that takes everything. */
    private static AsyncContext streamRequest() throws IOException {
        AsyncContext async = mock(AsyncContext.class);
        ServletResponse response = mock(ServletResponse.class);
        when(async.getResponse()).thenReturn(response);
        when(response.getOutputStream()).thenReturn(new SseConnectionTest.Socket());
        return async;
    }

    /**
     * A role change or a deactivation stored between the request's read of the member and the stream's
     * registration ends no stream (this one was not there yet): the hub asks again once it is there.
     */
    @Test
    void R1_a_stream_whose_member_changed_while_it_opened_ends_and_an_unchanged_one_stays() throws IOException {
        hub.begin(0);
        Viewer demoted = new Viewer(UUID.randomUUID(), Role.INSTRUCTOR);
        Viewer unknown = new Viewer(UUID.randomUUID(), Role.INSTRUCTOR);
        Viewer unchanged = new Viewer(UUID.randomUUID(), Role.MEMBER_FULL);

        hub.open(demoted, "a", streamRequest(), null, () -> false);
        hub.open(unknown, "b", streamRequest(), null, () -> {
            throw new IllegalStateException("the members projection cannot be read");
        });
        hub.open(unchanged, "c", streamRequest(), null, () -> true);

        assertThat(hub.openStreams(demoted.id())).as("the changed member's stream").isZero();
        assertThat(hub.openStreams(unknown.id())).as("a stream whose member could not be read again").isZero();
        assertThat(hub.openStreams(unchanged.id())).isOne();
    }
}
