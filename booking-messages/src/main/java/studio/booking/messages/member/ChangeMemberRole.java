package studio.booking.messages.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import studio.booking.messages.common.Role;

import java.util.UUID;

public record ChangeMemberRole(@TargetAggregateIdentifier UUID memberId, Role role) {
}
