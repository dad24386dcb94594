package studio.booking.messages.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

    @Test
    void M1_trimming_removes_unicode_white_space_at_both_ends_only() {
        assertThat(PlainText.strip(" \t\n\u00a0\u2007\u202f\u0085\u3000\u2003Salsa\u00a0on2 \u00a0")).isEqualTo("Salsa\u00a0on2");
        assertThat(PlainText.strip("\u00a0\u3000")).isEmpty();
        assertThat(PlainText.strip(null)).isNull();
        // zero-width characters are not white space in Unicode: they stay, as typed
        assertThat(PlainText.strip("\u200bx")).isEqualTo("\u200bx");
    }

    @Test
    void M1_well_formed_text_has_no_NUL_and_no_unpaired_surrogate() {
        assertThat(PlainText.isWellFormed("Hola \uD83D\uDC83 amigos")).isTrue();
        assertThat(PlainText.isWellFormed("a\u0000b")).isFalse();
        assertThat(PlainText.isWellFormed("a\uD800b")).isFalse();
        assertThat(PlainText.isWellFormed("\uDC83")).isFalse();
        assertThat(PlainText.isWellFormed("end\uD83D")).isFalse();
    }

    @Test
    void M1_length_counts_code_points() {
        assertThat(PlainText.length("\uD83D\uDC83\uD83D\uDC83")).isEqualTo(2);
    }
}
