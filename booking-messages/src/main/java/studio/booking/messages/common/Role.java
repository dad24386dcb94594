package studio.booking.messages.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The studio roles. Wire form is lower snake case (`member_full`), as in the seed. */
public enum Role {
    GUEST, MEMBER_LIMITED, MEMBER_FULL, INSTRUCTOR, OWNER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromWire(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("Unknown role: " + value));
    }

    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(r -> r.wire().equals(value.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** Instructors and the owner: they see every booking (B8) and may teach (B1). */
    public boolean isStaff() {
        return this == INSTRUCTOR || this == OWNER;
    }

    /** Guests may look but not book (B1). */
    public boolean mayBook() {
        return this != GUEST;
    }
}
