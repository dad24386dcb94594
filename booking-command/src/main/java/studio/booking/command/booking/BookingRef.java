package studio.booking.command.booking;

import studio.booking.messages.booking.BookingStatus;
import studio.booking.messages.slots.Slot;

import java.util.UUID;

/** A booking as the command-side lookup ({@code cmd_bookings}) knows it. */
public record BookingRef(UUID bookingId, UUID instructorId, UUID memberId, Slot slot, BookingStatus status) {
}
