package studio.booking.messages.booking;

import java.util.List;
import java.util.UUID;

public record ConfirmationResult(List<UUID> declined) {
}
