package studio.booking.api.thread;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import studio.booking.api.thread.ThreadDtos.MessageData;
import studio.booking.api.thread.ThreadDtos.MessageRequest;
import studio.booking.api.thread.ThreadDtos.MessageRow;
import studio.booking.api.thread.ThreadDtos.ThreadResponse;
import studio.booking.api.thread.ThreadDtos.UnreadResponse;
import studio.booking.api.thread.ThreadDtos.UnreadRow;
import studio.booking.api.web.Input;
import studio.booking.api.web.Messaging;
import studio.booking.messages.booking.BookingQueries.FindBooking;
import studio.booking.messages.booking.BookingView;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.RuleViolation;
import studio.booking.messages.thread.MarkThreadRead;
import studio.booking.messages.thread.MessageView;
import studio.booking.messages.thread.PostMessage;
import studio.booking.messages.thread.ThreadQueries.FindMessage;
import studio.booking.messages.thread.ThreadQueries.FindThread;
import studio.booking.messages.thread.ThreadQueries.ListUnreadThreads;
import studio.booking.messages.thread.ThreadQueries.MessageList;
import studio.booking.messages.thread.ThreadQueries.UnreadList;

import java.util.UUID;

/** API.md, Messages (rules M1, M2): a booking's thread and the unread banner. */
@RestController
@Tag(name = "Messages")
public class ThreadController {

    private static final String NOT_FOUND = "Booking not found";

    private final Messaging messaging;

    public ThreadController(Messaging messaging) {
        this.messaging = messaging;
    }

    /**
     * Marks read before listing, so a message written in between is listed (and stays unread)
     * rather than marked read unseen.
     */
    // produces: a client that takes no JSON is refused (406) before the thread is marked read
    @GetMapping(path = "/api/bookings/{id}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A booking's thread, oldest first; opening it marks it read for a participant (M2)",
            description = "`hasUnread`: whether the thread was unread for the caller before this call. Staff "
                    + "who are not participants read without marking.",
            responses = {@ApiResponse(responseCode = "200"),
                    @ApiResponse(responseCode = "404", description = "no such booking, or not visible to the caller")})
    public ThreadResponse thread(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        BookingView booking = visibleBooking(actor, id);
        boolean hadUnread = isParticipant(actor, booking) && Boolean.TRUE.equals(
                messaging.send(actor, new MarkThreadRead(id)));
        MessageList thread = messaging.find(new FindThread(actor, id), MessageList.class)
                .orElseThrow(() -> RuleViolation.notFound(NOT_FOUND));
        return new ThreadResponse(thread.messages().stream().map(MessageRow::of).toList(), hadUnread);
    }

    @PostMapping("/api/bookings/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write in a booking's thread: its member or instructor, in every status (M1)",
            description = "`content`: plain text, 1–2000 characters (Unicode code points) after trimming.",
            responses = {@ApiResponse(responseCode = "201", description = "created"),
                    @ApiResponse(responseCode = "400", description = "empty or over 2000 characters"),
                    @ApiResponse(responseCode = "403", description = "not a participant (staff only read)"),
                    @ApiResponse(responseCode = "404", description = "no such booking, or not visible to the caller")})
    public MessageData post(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                            @RequestBody MessageRequest body) {
        String content = content(body);
        visibleBooking(actor, id);
        UUID messageId = UUID.randomUUID();
        messaging.send(actor, new PostMessage(id, messageId, content));
        MessageView posted = messaging.find(new FindMessage(actor, messageId), MessageView.class)
                .orElseThrow(() -> new IllegalStateException("Message " + messageId + " not in the projection"));
        return new MessageData(MessageRow.of(posted));
    }

    @GetMapping("/api/bookings/unread")
    @Operation(summary = "The caller's unread threads for the banner, newest first (M2)",
            description = "Only bookings the caller takes part in; each with the latest message from the other side.")
    public UnreadResponse unread(@Parameter(hidden = true) Actor actor) {
        UnreadList list = messaging.ask(new ListUnreadThreads(actor), UnreadList.class);
        return new UnreadResponse(list.unread().stream().map(UnreadRow::of).toList());
    }

    private BookingView visibleBooking(Actor actor, UUID id) {
        return messaging.find(new FindBooking(actor, id), BookingView.class)
                .orElseThrow(() -> RuleViolation.notFound(NOT_FOUND));
    }

    private static boolean isParticipant(Actor actor, BookingView booking) {
        return actor.id().equals(booking.memberId()) || actor.id().equals(booking.instructorId());
    }

    /** M1, checked here for a 400 that names the field; the booking checks it again. */
    private static String content(MessageRequest body) {
        Input input = new Input();
        String content = input.text("content", body == null ? null : body.content(), true,
                PostMessage.MAX_CONTENT_LENGTH);
        input.validate();
        return content;
    }
}
