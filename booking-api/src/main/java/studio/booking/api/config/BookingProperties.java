package studio.booking.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import studio.booking.messages.common.BookingSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Every {@code booking.*} property of DESIGN.md (environment form works too, e.g.
 * {@code BOOKING_PENDING_EXPIRY=PT2H}).
 */
@ConfigurationProperties("booking")
public record BookingProperties(
        @DefaultValue Studio studio,
        @DefaultValue("PT4H") Duration pendingExpiry,
        @DefaultValue("PT24H") Duration memberCancellationNotice,
        @DefaultValue("PT0S") Duration minimumNotice,
        @DefaultValue("P365D") Duration bookingHorizon,
        @DefaultValue("10") int maxPendingPerMember,
        @DefaultValue("PT24H") Duration autoCompleteAfter,
        @DefaultValue Owner owner,
        Boolean demoData,
        @DefaultValue("./data") Path dataDir) {

    public record Studio(@DefaultValue("America/New_York") ZoneId timeZone) {
    }

    /** The owner account created on first start when none exists. */
    public record Owner(String email, String password) {
    }

    public BookingSettings settings() {
        return new BookingSettings(studio.timeZone(), pendingExpiry, memberCancellationNotice, minimumNotice,
                bookingHorizon, maxPendingPerMember, autoCompleteAfter);
    }
}
