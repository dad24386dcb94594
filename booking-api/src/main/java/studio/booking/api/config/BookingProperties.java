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
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Security security) {

    /** Beyond this the slot arithmetic of a horizon leaves what a calendar can mean. */
    static final Duration LONGEST_HORIZON = Duration.ofDays(3660);

    /**
     * A value the rules cannot mean stops the start with the property named: a zero expiry would
     * expire every request at once, a negative auto-complete complete a lesson on confirmation.
     */
    public BookingProperties {
        positive("booking.pending-expiry", pendingExpiry);
        notNegative("booking.member-cancellation-notice", memberCancellationNotice);
        notNegative("booking.minimum-notice", minimumNotice);
        positive("booking.booking-horizon", bookingHorizon);
        if (bookingHorizon.compareTo(LONGEST_HORIZON) > 0) {
            throw new IllegalArgumentException("booking.booking-horizon must be at most " + LONGEST_HORIZON.toDays()
                    + " days, was " + bookingHorizon);
        }
        if (maxPendingPerMember < 1) {
            throw new IllegalArgumentException("booking.max-pending-per-member must be at least 1, was "
                    + maxPendingPerMember);
        }
        notNegative("booking.auto-complete-after", autoCompleteAfter);
    }

    private static void positive(String property, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be positive, was " + value);
        }
    }

    private static void notNegative(String property, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(property + " must not be negative, was " + value);
        }
    }

    public record Studio(@DefaultValue("America/New_York") ZoneId timeZone) {
    }

    /** The owner account created on first start when none exists. */
    public record Owner(String email, String password) {
    }

    public record Security(@DefaultValue Jwt jwt) {
    }

    /**
     * {@code Authorization: Bearer} JWTs (API.md, Conventions): accepted when a secret or a key set is
     * configured, else not at all.
     *
     * @param hmacSecret HS256 shared secret, used as its UTF-8 bytes (Supabase's "JWT secret"); at least 256 bits
     * @param jwksUri    where the issuer publishes its public keys (RS/ES/PS algorithms)
     * @param issuer     the {@code iss} every token must carry; unset: not checked
     */
    public record Jwt(String hmacSecret, String jwksUri, String issuer) {

        @Override
        public String toString() {
            return "Jwt[hmacSecret=" + (hmacSecret == null ? "unset" : "(hidden)") + ", jwksUri=" + jwksUri
                    + ", issuer=" + issuer + "]";
        }
    }

    public BookingSettings settings() {
        return new BookingSettings(studio.timeZone(), pendingExpiry, memberCancellationNotice, minimumNotice,
                bookingHorizon, maxPendingPerMember, autoCompleteAfter);
    }
}
