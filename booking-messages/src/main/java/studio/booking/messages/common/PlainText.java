package studio.booking.messages.common;

/**
 * What the studio accepts as text a person typed (messages, notes, reasons, names): trimmed of Unicode
 * white space at both ends — {@link String#strip()} misses the no-break spaces (U+00A0, U+2007, U+202F)
 * and U+0085 — and well-formed: no NUL (Postgres cannot store it in a text column) and no lone UTF-16
 * surrogate (no code point at all: Postgres would store a '?', while the event store kept the original).
 */
public final class PlainText {

    private PlainText() {
    }

    /** The text without Unicode white space at either end; null stays null. */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        int start = 0;
        int end = text.length();
        while (start < end && isWhiteSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isWhiteSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** True when every char is part of a Unicode code point and none is NUL. */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Length in Unicode code points, as the rules count characters. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    // Java's white space (which includes the information separators U+001C-U+001F) plus Unicode's
    // space separators and NEL; no white space is outside the BMP
    private static boolean isWhiteSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
