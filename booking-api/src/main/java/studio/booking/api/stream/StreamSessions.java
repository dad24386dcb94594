package studio.booking.api.stream;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.stereotype.Component;

/**
 * Streams opened with a session cookie end with the session: sign-out invalidates it, so does the
 * request of a member found deactivated, and so does its expiry. Spring Boot registers this listener
 * with the servlet container.
 */
@Component
class StreamSessions implements HttpSessionListener, HttpSessionIdListener {

    private final StreamHub hub;

    StreamSessions(StreamHub hub) {
        this.hub = hub;
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        hub.endSession(event.getSession().getId());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        hub.renameSession(oldSessionId, event.getSession().getId());
    }
}
