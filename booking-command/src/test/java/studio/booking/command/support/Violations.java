package studio.booking.command.support;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import studio.booking.messages.common.RuleViolation;

/** Matches a {@link RuleViolation} by kind (the HTTP status it becomes) and the user's text. */
public final class Violations {

    private Violations() {
    }

    public static Matcher<Object> violation(RuleViolation.Kind kind, String detail) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RuleViolation v && v.kind() == kind && (detail == null || detail.equals(v.detail()));
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("RuleViolation " + kind + (detail == null ? "" : " \"" + detail + "\""));
            }
        };
    }

    public static Matcher<Object> violation(RuleViolation.Kind kind) {
        return violation(kind, null);
    }
}
