package studio.booking.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The studio's booking engine: REST, security and the embedded-Postgres default around the Axon core. */
@SpringBootApplication(scanBasePackages = "studio.booking")
@ConfigurationPropertiesScan
public class BookingApplication {

    public static void main(String[] args) {
        // Axon's update checker calls home at start; these machines (and many studios) have no internet.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(BookingApplication.class, args);
    }
}
