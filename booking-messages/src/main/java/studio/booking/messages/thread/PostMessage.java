package studio.booking.messages.thread;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** M1: the booking's member or instructor writes in its thread. {@code content} is already trimmed. */
public record PostMessage(@TargetAggregateIdentifier UUID bookingId, UUID messageId, String content) {
}
