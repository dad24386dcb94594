package studio.booking.api.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Every test starts on real time again, whatever the previous one did to the clock. */
public class ApiExtension implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        MutableClock.INSTANCE.reset();
    }
}
