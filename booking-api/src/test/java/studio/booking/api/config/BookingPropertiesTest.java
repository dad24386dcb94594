package studio.booking.api.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import studio.booking.messages.common.BookingSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DESIGN.md, Configuration: every property, with its default, in property and environment form. */
class BookingPropertiesTest {

    private static final String SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";
    private static final String JWKS = "https://abcd.supabase.co/auth/v1/.well-known/jwks.json";
    private static final String ISSUER = "https://abcd.supabase.co/auth/v1";

    @Test
    void defaults_are_those_of_the_design() {
        BookingProperties properties = bind(new MapPropertySource("none", Map.of()));

        assertThat(properties.settings()).isEqualTo(BookingSettings.defaults());
        assertThat(properties.dataDir().normalize()).isEqualTo(Path.of("data"));
        assertThat(properties.demoData()).as("unset: decided by the database in use").isNull();
        assertThat(properties.owner().email()).isNull();
        assertThat(properties.security().jwt()).as("no bearer tokens unless configured")
                .isEqualTo(new BookingProperties.Jwt(null, null, null));
    }

    @Test
    void every_property_binds_from_spring_properties() {
        BookingProperties properties = bind(new MapPropertySource("props", Map.ofEntries(
                Map.entry("booking.studio.time-zone", "Europe/Berlin"),
                Map.entry("booking.pending-expiry", "PT2H"),
                Map.entry("booking.member-cancellation-notice", "PT48H"),
                Map.entry("booking.minimum-notice", "PT3H"),
                Map.entry("booking.booking-horizon", "P90D"),
                Map.entry("booking.max-pending-per-member", "3"),
                Map.entry("booking.auto-complete-after", "PT6H"),
                Map.entry("booking.owner.email", "owner@example.studio"),
                Map.entry("booking.owner.password", "secret-passphrase"),
                Map.entry("booking.demo-data", "false"),
                Map.entry("booking.data-dir", "/var/lib/booking"),
                Map.entry("booking.security.jwt.hmac-secret", SECRET),
                Map.entry("booking.security.jwt.jwks-uri", JWKS),
                Map.entry("booking.security.jwt.issuer", ISSUER))));

        assertCustomised(properties);
    }

    @Test
    void every_property_binds_from_the_environment_form() {
        BookingProperties properties = bind(new SystemEnvironmentPropertySource("systemEnvironment", Map.ofEntries(
                Map.entry("BOOKING_STUDIO_TIME_ZONE", "Europe/Berlin"),
                Map.entry("BOOKING_PENDING_EXPIRY", "PT2H"),
                Map.entry("BOOKING_MEMBER_CANCELLATION_NOTICE", "PT48H"),
                Map.entry("BOOKING_MINIMUM_NOTICE", "PT3H"),
                Map.entry("BOOKING_BOOKING_HORIZON", "P90D"),
                Map.entry("BOOKING_MAX_PENDING_PER_MEMBER", "3"),
                Map.entry("BOOKING_AUTO_COMPLETE_AFTER", "PT6H"),
                Map.entry("BOOKING_OWNER_EMAIL", "owner@example.studio"),
                Map.entry("BOOKING_OWNER_PASSWORD", "secret-passphrase"),
                Map.entry("BOOKING_DEMO_DATA", "false"),
                Map.entry("BOOKING_DATA_DIR", "/var/lib/booking"),
                Map.entry("BOOKING_SECURITY_JWT_HMAC_SECRET", SECRET),
                Map.entry("BOOKING_SECURITY_JWT_JWKS_URI", JWKS),
                Map.entry("BOOKING_SECURITY_JWT_ISSUER", ISSUER))));

        assertCustomised(properties);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            BOOKING_PENDING_EXPIRY             | PT0S   | booking.pending-expiry must be positive, was PT0S
            BOOKING_PENDING_EXPIRY             | -PT1H  | booking.pending-expiry must be positive, was PT-1H
            BOOKING_MEMBER_CANCELLATION_NOTICE | -PT24H | booking.member-cancellation-notice must not be negative
            BOOKING_MINIMUM_NOTICE             | -PT1H  | booking.minimum-notice must not be negative
            BOOKING_BOOKING_HORIZON            | PT0S   | booking.booking-horizon must be positive
            BOOKING_BOOKING_HORIZON            | P99999D | booking.booking-horizon must be at most 3660 days
            BOOKING_MAX_PENDING_PER_MEMBER     | 0      | booking.max-pending-per-member must be at least 1, was 0
            BOOKING_AUTO_COMPLETE_AFTER        | -P2D   | booking.auto-complete-after must not be negative
            """)
    void a_value_the_rules_cannot_mean_stops_the_start_naming_the_property(String variable, String value,
                                                                           String message) {
        assertThatThrownBy(() -> bind(new SystemEnvironmentPropertySource("systemEnvironment", Map.of(variable, value))))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining(message);
    }

    @Test
    void the_limits_themselves_are_accepted() {
        BookingProperties properties = bind(new MapPropertySource("props", Map.of(
                "booking.pending-expiry", "PT1S", "booking.member-cancellation-notice", "PT0S",
                "booking.booking-horizon", "P3660D", "booking.max-pending-per-member", "1",
                "booking.auto-complete-after", "PT0S")));

        assertThat(properties.settings()).isEqualTo(new BookingSettings(ZoneId.of("America/New_York"),
                Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, Duration.ofDays(3660), 1, Duration.ZERO));
    }

    private static void assertCustomised(BookingProperties properties) {
        assertThat(properties.settings()).isEqualTo(new BookingSettings(ZoneId.of("Europe/Berlin"), Duration.ofHours(2),
                Duration.ofHours(48), Duration.ofHours(3), Duration.ofDays(90), 3, Duration.ofHours(6)));
        assertThat(properties.owner().email()).isEqualTo("owner@example.studio");
        assertThat(properties.owner().password()).isEqualTo("secret-passphrase");
        assertThat(properties.demoData()).isFalse();
        assertThat(properties.dataDir()).isEqualTo(Path.of("/var/lib/booking"));
        assertThat(properties.security().jwt()).isEqualTo(new BookingProperties.Jwt(SECRET, JWKS, ISSUER));
        assertThat(properties.security().jwt().toString()).doesNotContain(SECRET);
    }

    private static BookingProperties bind(org.springframework.core.env.PropertySource<?> source) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(source);
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bindOrCreate("booking", BookingProperties.class);
    }
}
