package studio.booking.messages.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record ReactivateMember(@TargetAggregateIdentifier UUID memberId) {
}
