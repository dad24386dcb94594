package studio.booking.api.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import studio.booking.api.security.CurrentMember;
import studio.booking.api.security.TokenValidUntil;
import studio.booking.api.web.Messaging;
import studio.booking.messages.common.RuleViolation;
import studio.booking.messages.member.MemberQueries.FindMember;
import studio.booking.messages.member.MemberView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** API.md, Stream (R1): {@code GET /api/stream}, how it works: docs/stream.md. */
@RestController
@Tag(name = "Stream")
public class StreamController {

    private final StreamHub hub;
    private final Messaging messaging;
    private final Clock clock;

    StreamController(StreamHub hub, Messaging messaging, Clock clock) {
        this.hub = hub;
        this.messaging = messaging;
        this.clock = clock;
    }

    /**
     * Answers 200 with the headers at once, then hands the response to the {@link StreamHub}: the
     * request's thread goes back to the container (an open stream holds a connection, not a thread).
     */
    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The signed-in user's live stream (server-sent events)", description = """
            Events, each with an `id:` (`<globalIndex>.<n>`: the n-th event derived from the stored event at \
            that global index of the event store): `booking` (a booking as GET /api/bookings/:id renders it \
            for you), `availability` (`{instructor_id}`: that instructor's free slots changed), `message` \
            (`{id, booking_id, sender_id, sender_name, content, created_at}`), `unread` (`{booking_id, \
            unread}`), and `resync` (`{reason}`: refetch what you show). Only what you may see (a guest: \
            availability, and the bookings they are the member of). Send `Last-Event-ID` on reconnect to \
            get what you missed. A comment line every 15 s keeps the connection open. Signing out, \
            deactivation, a role change or the expiry of the bearer token that opened it end it.""",
            responses = @ApiResponse(responseCode = "200", description = "the stream",
                    content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(type = "string"))))
    public void stream(@Parameter(hidden = true) CurrentMember current,
                       @Parameter(description = "the id of the last event received, to catch up")
                       @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                       HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!hub.isReady()) {
            throw RuleViolation.conflict("The live stream is starting: try again");
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-cache, no-transform");
        response.setHeader("X-Accel-Buffering", "no"); // nginx: pass events on at once
        response.flushBuffer(); // the client sees the stream open now, security headers included

        AsyncContext async = request.startAsync();
        async.setTimeout(0); // no timeout: heartbeats keep it alive, sign-out or the client end it
        HttpSession session = request.getSession(false);
        hub.open(new Viewer(current.id(), current.role()), session == null ? null : session.getId(), async,
                lastEventId, () -> stillAsRead(current), tokenValidity());
    }

    /** How long the bearer token that opened the stream is still accepted; null for a session's stream. */
    private Duration tokenValidity() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getDetails() instanceof TokenValidUntil token
                ? Duration.between(clock.instant(), token.until()) : null;
    }

    /** The member as the members projection knows them now: still active, with the role this request read. */
    private boolean stillAsRead(CurrentMember current) {
        return messaging.find(new FindMember(current.id()), MemberView.class)
                .filter(MemberView::active)
                .filter(now -> now.role() == current.role())
                .isPresent();
    }
}
