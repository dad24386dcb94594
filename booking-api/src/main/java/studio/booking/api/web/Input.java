package studio.booking.api.web;

import studio.booking.messages.common.PlainText;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks every field of a request and collects every problem, so a client learns all of them at
 * once. Parsers return null for a missing or bad value (and record the problem); call
 * {@link #validate()} before using the values.
 */
public final class Input {

    /** The problem of text with a NUL or a lone surrogate (not characters a person typed). */
    public static final String NOT_PLAIN_TEXT = "must be plain text (no NUL characters, no unpaired surrogates)";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final List<InvalidInputException.FieldProblem> problems = new ArrayList<>();

    public Input problem(String field, String message) {
        problems.add(new InvalidInputException.FieldProblem(field, message));
        return this;
    }

    public boolean hasProblem(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public void validate() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private boolean missing(String field, Object value, boolean required) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (required) {
                problem(field, "is required");
            }
            return true;
        }
        return false;
    }

    public UUID uuid(String field, String value, boolean required) {
        if (missing(field, value, required)) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value.trim());
            if (!id.toString().equalsIgnoreCase(value.trim())) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            problem(field, "must be a UUID");
            return null;
        }
    }

    public LocalDate date(String field, String value, boolean required) {
        if (missing(field, value, required)) {
            return null;
        }
        try {
            // YYYY-MM-DD: four-digit years only (java.time would take ±999999999, beyond what any store holds)
            if (!DATE.matcher(value.trim()).matches()) {
                throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
            }
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problem(field, "must be a date (YYYY-MM-DD)");
            return null;
        }
    }

    public YearMonth month(String field, String value, boolean required) {
        if (missing(field, value, required)) {
            return null;
        }
        try {
            if (!MONTH.matcher(value.trim()).matches()) {
                throw new DateTimeParseException("not YYYY-MM", value, 0);
            }
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            problem(field, "must be a month (YYYY-MM)");
            return null;
        }
    }

    public LocalTime time(String field, String value, boolean required) {
        if (missing(field, value, required)) {
            return null;
        }
        String v = value.trim();
        // "HH:mm", tolerating ":00" seconds (what a Postgres time column prints)
        if (v.length() == 8 && v.endsWith(":00")) {
            v = v.substring(0, 5);
        }
        if (!HH_MM.matcher(v).matches()) {
            problem(field, "must be a local time (HH:mm)");
            return null;
        }
        return LocalTime.parse(v, TIME);
    }

    /** An instant with any offset ({@code 2026-02-05T14:00:00-05:00}, {@code ...Z}). */
    public Instant instant(String field, String value, boolean required) {
        if (missing(field, value, required)) {
            return null;
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(value.trim());
            if (parsed.getYear() < 1 || parsed.getYear() > 9999) {
                throw new DateTimeParseException("year out of range", value, 0);
            }
            return parsed.toInstant();
        } catch (DateTimeParseException e) {
            problem(field, "must be an ISO-8601 date-time with offset (e.g. 2026-02-05T19:00:00Z)");
            return null;
        }
    }

    public Integer integer(String field, Integer value, boolean required, int min, int max) {
        if (missing(field, value, required)) {
            return null;
        }
        if (value < min || value > max) {
            problem(field, "must be between " + min + " and " + max);
            return null;
        }
        return value;
    }

    public Integer integer(String field, String value, boolean required, int min, int max) {
        if (missing(field, value, required)) {
            return null;
        }
        try {
            return integer(field, Integer.valueOf(value.trim()), required, min, max);
        } catch (NumberFormatException e) {
            problem(field, "must be a whole number");
            return null;
        }
    }

    public Boolean bool(String field, Boolean value, boolean required) {
        missing(field, value, required);
        return value;
    }

    /**
     * Text a person typed ({@link PlainText}): trimmed, at most {@code maxCodePoints} characters, well
     * formed; blank counts as absent.
     */
    public String text(String field, String value, boolean required, int maxCodePoints) {
        String v = PlainText.strip(value);
        if (missing(field, v, required)) {
            return null;
        }
        if (PlainText.length(v) > maxCodePoints) {
            problem(field, "must be at most " + maxCodePoints + " characters");
            return null;
        }
        if (!PlainText.isWellFormed(v)) {
            problem(field, NOT_PLAIN_TEXT);
            return null;
        }
        return v;
    }

    /** An absolute http or https address (an avatar: a page shows it as an image, so no other scheme). */
    public String webUrl(String field, String value, boolean required, int maxCodePoints) {
        String v = text(field, value, required, maxCodePoints);
        if (v == null) {
            return null;
        }
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return v;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problem(field, "must be an http or https address");
        return null;
    }

    public String email(String field, String value, boolean required) {
        String v = text(field, value, required, 254);
        if (v != null && !EMAIL.matcher(v).matches()) {
            problem(field, "must be an email address");
            return null;
        }
        return v;
    }

    public ZoneId zone(String field, String value, boolean required) {
        if (missing(field, value, required)) {
            return null;
        }
        String v = value.trim();
        // only region ids (IANA names), not offsets such as "+02:00"
        if (!ZoneId.getAvailableZoneIds().contains(v)) {
            problem(field, "must be an IANA time zone id (e.g. America/New_York)");
            return null;
        }
        try {
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            problem(field, "must be an IANA time zone id (e.g. America/New_York)");
            return null;
        }
    }

    public String password(String field, String value, boolean required) {
        if (missing(field, value, required)) {
            return null;
        }
        if (value.length() < 8) {
            problem(field, "must be at least 8 characters");
            return null;
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > 72) {
            // BCrypt hashes at most 72 bytes and refuses more: "é" or an emoji is 2 to 4 of them
            problem(field, "must be at most 72 bytes in UTF-8 (72 plain letters, fewer with accents or emoji)");
            return null;
        }
        return value;
    }
}
