package studio.booking.api.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import studio.booking.api.security.SecurityConfiguration;

import java.util.List;
import java.util.Map;

/** The OpenAPI document at {@code /v3/api-docs}: the REST contract of docs (API.md), in its snake_case. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String SESSION = "session";
    private static final String CSRF = "csrf";
    private static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";
    /** GETs that a signed-in caller of the wrong role is refused (403); other GETs answer 404 for what is not theirs. */
    private static final List<String> STAFF_ONLY_READS = List.of("/api/members", "/api/admin/", "/api/calendar/all");

    /** springdoc describes models with its own (Jackson 2) mapper: give it the wire's naming. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI bookingOpenApi() {
        return new OpenAPI()
                .components(new Components()
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("The session cookie of POST /api/auth/login"))
                        .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-XSRF-TOKEN")
                                .description("With the session cookie, on state-changing requests: the raw value of the XSRF-TOKEN cookie"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("Where booking.security.jwt.* is configured: sub is the member's id or email")))
                .security(List.of(new SecurityRequirement().addList(SESSION).addList(CSRF),
                        new SecurityRequirement().addList(BEARER)))
                .info(new Info()
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

    /**
     * The answers of API.md's Conventions that every operation can give besides its own, and their
     * shape. Every operation with parameters or a body: 400 bad input. Every path with an id: 404 not
     * found or not visible (a malformed id too). Every protected one: 401 not signed in; 403 a missing
     * CSRF token (state-changing requests) or the wrong role (staff-only reads). Sign-in and sign-out
     * are public. Every error answer is a problem (RFC 9457), whatever the method returns on success.
     */
    @Bean
    OpenApiCustomizer contractAnswers() {
        return openApi -> {
            // springdoc writes the schemas it derives over the bean's components: the problem is added after it
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> {
                boolean isPublic = path.equals(SecurityConfiguration.LOGIN_PATH) || path.equals(SecurityConfiguration.LOGOUT_PATH);
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                    Operation operation = entry.getValue();
                    ApiResponses responses = operation.getResponses();
                    boolean hasInput = operation.getRequestBody() != null || operation.getParameters() != null
                            && operation.getParameters().stream().anyMatch(p -> "query".equals(p.getIn()));
                    if (hasInput) {
                        responses.computeIfAbsent("400", code -> new ApiResponse()
                                .description("Bad input: every bad field in errors"));
                    }
                    if (path.contains("{")) {
                        responses.computeIfAbsent("404", code -> new ApiResponse()
                                .description("Not found, or not visible to the caller (a malformed id too)"));
                    }
                    if (isPublic) {
                        operation.setSecurity(List.of());
                    } else {
                        responses.computeIfAbsent("401", code -> new ApiResponse().description("Not signed in"));
                        boolean staffOnly = STAFF_ONLY_READS.stream().anyMatch(path::startsWith);
                        if (entry.getKey() != PathItem.HttpMethod.GET || staffOnly) {
                            responses.computeIfAbsent("403", code -> new ApiResponse().description(
                                    "Not allowed (the wrong role, or a session request without its CSRF token)"));
                        }
                    }
                    responses.forEach((code, response) -> {
                        if (code.charAt(0) == '4') {
                            response.content(problemContent());
                        }
                    });
                }
            });
        };
    }

    private static Schema<?> problemSchema() {
        return new Schema<>().type("object").description("RFC 9457 problem details")
                .addProperty("type", new Schema<>().type("string"))
                .addProperty("title", new Schema<>().type("string"))
                .addProperty("status", new Schema<>().type("integer"))
                .addProperty("detail", new Schema<>().type("string").description("the seed's error text where it has one"))
                .addProperty("instance", new Schema<>().type("string"))
                .addProperty("errors", new Schema<>().type("array").description("400: every bad field, {field, message}"));
    }

    private static Content problemContent() {
        return new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }
}
