package studio.booking.messages.availability;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** A1: add a weekly window to an instructor's schedule. Answers the window's id. */
public record AddWeeklyWindow(@TargetAggregateIdentifier UUID instructorId, WeeklyWindow window) {
}
