package studio.booking.messages.thread;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** M2: a participant opened the thread. Changes nothing (and records nothing) when nothing was unread. */
public record MarkThreadRead(@TargetAggregateIdentifier UUID bookingId) {
}
