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
import static org.awaitility.Awaitility.await;
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

        hub.open(demoted, "a", streamRequest(), null, () -> false, null);
        hub.open(unknown, "b", streamRequest(), null, () -> {
            throw new IllegalStateException("the members projection cannot be read");
        }, null);
        hub.open(unchanged, "c", streamRequest(), null, () -> true, null);

        assertThat(hub.openStreams(demoted.id())).as("the changed member's stream").isZero();
        assertThat(hub.openStreams(unknown.id())).as("a stream whose member could not be read again").isZero();
        assertThat(hub.openStreams(unchanged.id())).isOne();
    }

    /** A stream opened by a bearer token ends when the token does; one of a session has no end of its own. */
    @Test
    void R1_a_stream_given_an_end_ends_then() throws IOException {
        hub.begin(0);
        Viewer byToken = new Viewer(UUID.randomUUID(), Role.MEMBER_FULL);
        Viewer bySession = new Viewer(UUID.randomUUID(), Role.MEMBER_FULL);

        hub.open(byToken, null, streamRequest(), null, () -> true, Duration.ofSeconds(2));
        hub.open(bySession, "s", streamRequest(), null, () -> true, null);

        assertThat(hub.openStreams(byToken.id())).isOne();
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.openStreams(byToken.id()) == 0);
        assertThat(hub.openStreams(bySession.id())).isOne();
    }
}
