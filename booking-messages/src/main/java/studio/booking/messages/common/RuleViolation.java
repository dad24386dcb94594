package studio.booking.messages.common;

/**
 * A command refused by a rule, with no trace in the history (a rejection the history should keep
 * is an event instead). {@link Kind} tells the API which HTTP status it becomes; {@code detail}
 * is the text a user sees (the seed's error text where it has one).
 */
public class RuleViolation extends RuntimeException {

    public enum Kind {
        /** 400: the input is not acceptable (not an available slot, in the past, yourself...). */
        INVALID,
        /** 403: visible, but the actor may not do this. */
        FORBIDDEN,
        /** 404: no such thing, or not visible to the actor. */
        NOT_FOUND,
        /** 409: the thing is in the wrong state or conflicts with another. */
        CONFLICT
    }

    private final Kind kind;

    public RuleViolation(Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return getMessage();
    }

    public static RuleViolation invalid(String detail) {
        return new RuleViolation(Kind.INVALID, detail);
    }

    public static RuleViolation forbidden(String detail) {
        return new RuleViolation(Kind.FORBIDDEN, detail);
    }

    public static RuleViolation notFound(String detail) {
        return new RuleViolation(Kind.NOT_FOUND, detail);
    }

    public static RuleViolation conflict(String detail) {
        return new RuleViolation(Kind.CONFLICT, detail);
    }
}
