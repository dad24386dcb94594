package studio.booking.messages.booking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The seed's booking statuses and the only transitions between them (B6). */
public enum BookingStatus {
    PENDING, CONFIRMED, DECLINED, EXPIRED, CANCELLED_BY_MEMBER, CANCELLED_BY_INSTRUCTOR, COMPLETED, NO_SHOW;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BookingStatus fromWire(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("Unknown status: " + value));
    }

    public static Optional<BookingStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.wire().equals(wanted)).findFirst();
    }

    /** B6: pending → confirmed, declined, expired, cancelled_*; confirmed → completed, cancelled_*, no_show. */
    public boolean mayBecome(BookingStatus next) {
        return allowedNext().contains(next);
    }

    public Set<BookingStatus> allowedNext() {
        return switch (this) {
            case PENDING -> EnumSet.of(CONFIRMED, DECLINED, EXPIRED, CANCELLED_BY_MEMBER, CANCELLED_BY_INSTRUCTOR);
            case CONFIRMED -> EnumSet.of(COMPLETED, CANCELLED_BY_MEMBER, CANCELLED_BY_INSTRUCTOR, NO_SHOW);
            default -> EnumSet.noneOf(BookingStatus.class);
        };
    }
}
