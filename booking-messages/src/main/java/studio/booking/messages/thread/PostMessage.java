package studio.booking.messages.thread;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import studio.booking.messages.common.PlainText;

import java.util.UUID;

/** M1: the booking's member or instructor writes in its thread. {@code content} is already trimmed. */
public record PostMessage(@TargetAggregateIdentifier UUID bookingId, UUID messageId, String content) {

    /** M1: at most this many characters (Unicode code points) after trimming. */
    public static final int MAX_CONTENT_LENGTH = 2000;

    /** What {@link #isAcceptable} demands, as a user reads it. */
    public static final String CONTENT_RULE = "A message must be 1 to 2000 characters of text";

    /** M1 for trimmed content: 1–2000 code points of well-formed plain text ({@link PlainText}). */
    public static boolean isAcceptable(String content) {
        return content != null && !content.isEmpty() && PlainText.isWellFormed(content)
                && PlainText.length(content) <= MAX_CONTENT_LENGTH;
    }
}
