package studio.booking.api.availability;

import com.fasterxml.jackson.annotation.JsonProperty;
import studio.booking.api.web.Wire;
import studio.booking.messages.availability.AvailabilityOverride;
import studio.booking.messages.availability.WeeklyWindow;

import java.util.List;
import java.util.UUID;

/** Wire shapes of API.md, Availability. */
public final class AvailabilityDtos {

    private AvailabilityDtos() {
    }

    public record WindowRequest(String instructorId, Integer dayOfWeek, String startTime, String endTime,
                                Integer slotDurationMinutes, String effectiveFrom, String effectiveUntil) {
    }

    public record OverrideRequest(String instructorId, String overrideDate, String startTime, String endTime,
                                  @JsonProperty("is_available") Boolean isAvailable, String reason,
                                  Integer slotDurationMinutes) {
    }

    public record WindowRow(String id, String instructorId, int dayOfWeek, String startTime, String endTime,
                            int slotDurationMinutes, String effectiveFrom, String effectiveUntil) {

        static WindowRow of(UUID instructorId, WeeklyWindow w) {
            return new WindowRow(w.windowId().toString(), instructorId.toString(), w.dayOfWeek(),
                    Wire.time(w.startTime()), Wire.time(w.endTime()), w.slotDurationMinutes(),
                    w.effectiveFrom() == null ? null : w.effectiveFrom().toString(),
                    w.effectiveUntil() == null ? null : w.effectiveUntil().toString());
        }
    }

    public record OverrideRow(String id, String instructorId, String overrideDate, String startTime, String endTime,
                              @JsonProperty("is_available") boolean isAvailable, String reason,
                              Integer slotDurationMinutes) {

        static OverrideRow of(UUID instructorId, AvailabilityOverride o) {
            return new OverrideRow(o.overrideId().toString(), instructorId.toString(), o.overrideDate().toString(),
                    Wire.time(o.startTime()), Wire.time(o.endTime()), o.available(), o.reason(),
                    o.slotDurationMinutes());
        }
    }

    public record AvailabilityResponse(List<WindowRow> weekly, List<OverrideRow> overrides) {
    }

    public record WindowCreated(WindowRow data) {
    }

    public record OverrideCreated(OverrideRow data, List<UUID> declined, List<UUID> conflicts) {
    }

    public record ChangeResponse(boolean success, List<UUID> declined, List<UUID> conflicts) {
    }
}
