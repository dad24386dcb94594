package studio.booking.messages.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** An inactive member cannot sign in; their bookings stay. */
public record DeactivateMember(@TargetAggregateIdentifier UUID memberId) {
}
