package studio.booking.api.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: the REST contract of docs (API.md), in its snake_case. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** springdoc describes models with its own (Jackson 2) mapper: give it the wire's naming. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI bookingOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Private-lesson booking API")
                .version("1")
                .description("""
                        Sign in with POST /api/auth/login (session cookie). State-changing requests echo the \
                        XSRF-TOKEN cookie in the X-XSRF-TOKEN header. Where the server is configured for it \
                        (booking.security.jwt.*), Authorization: Bearer <JWT> signs in instead, without session \
                        or CSRF token; its sub is the member's id or email. JSON is snake_case; instants are UTC \
                        (2026-02-05T19:00:00Z) and accepted with any offset; dates YYYY-MM-DD; local times \
                        HH:mm. Errors are application/problem+json (RFC 9457); 400 problems list every bad \
                        field in `errors: [{field, message}]`."""));
    }
}
