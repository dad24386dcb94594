package studio.booking.api.ui;

import org.junit.jupiter.api.extension.ExtendWith;
import studio.booking.api.support.ApiTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A browser test: the shared {@link ApiTest} application (same Spring context) driven through the
 * web UI by Debian's Chromium. Test methods take a {@link Ui} parameter; each session it opens is
 * checked for console errors when the test ends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApiTest
@ExtendWith(Browsers.class)
public @interface UiTest {
}
