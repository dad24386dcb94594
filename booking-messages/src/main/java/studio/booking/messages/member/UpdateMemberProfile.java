package studio.booking.messages.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Replaces the profile fields (the caller merges a partial update first). */
public record UpdateMemberProfile(@TargetAggregateIdentifier UUID memberId, String displayName, String avatarUrl,
                                  String timeZone) {
}
