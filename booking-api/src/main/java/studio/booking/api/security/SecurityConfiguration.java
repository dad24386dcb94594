package studio.booking.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import studio.booking.api.config.BookingProperties;
import studio.booking.api.problem.Problems;
import studio.booking.api.web.Messaging;

import java.time.Clock;
import java.util.Optional;

/**
 * Session sign-in for the API. CSRF: Spring Security's single-page-app setup (cookie
 * {@code XSRF-TOKEN}, readable by scripts, echoed raw in {@code X-XSRF-TOKEN}); sign-in needs none, and
 * neither does a request without a session (it has no cookie session to forge, and is answered 401).
 * With {@code booking.security.jwt.*} configured, {@code Authorization: Bearer} JWTs sign in too
 * ({@link BearerTokens}, {@link BearerMember}), statelessly and without CSRF token.
 * Not signed in → 401 problem (never a redirect); not allowed → 403 problem.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    public static final String LOGIN_PATH = "/api/auth/login";
    public static final String LOGOUT_PATH = "/api/auth/logout";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(MemberUserDetailsService members, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(members);
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return CookieCsrfTokenRepository.withHttpOnlyFalse();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, Messaging messaging, SecurityContextRepository contexts,
                                    CsrfTokenRepository csrfTokens, BookingProperties properties, Clock clock)
            throws Exception {
        Optional<JwtDecoder> bearerTokens = BearerTokens.decoder(properties.security().jwt(), clock);
        if (bearerTokens.isPresent()) {
            // stateless: a bearer request is judged by its token alone and creates no session; it needs
            // no CSRF token (the resource server exempts requests carrying one)
            JwtAuthenticationProvider provider = new JwtAuthenticationProvider(bearerTokens.get());
            provider.setJwtAuthenticationConverter(new BearerMember(messaging));
            BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
            http.oauth2ResourceServer(bearer -> bearer
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(provider)))
                    .authenticationEntryPoint((request, response, ex) -> {
                        challenge.commence(request, response, ex); // WWW-Authenticate: Bearer error="invalid_token"…
                        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, bearerProblem(ex),
                                request.getRequestURI());
                    }));
        }
        http
                .securityContext(c -> c.securityContextRepository(contexts))
                .csrf(csrf -> csrf.spa()
                        .csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(LOGIN_PATH)
                        // no session, nothing to forge: such a request goes on to authentication (401)
                        .ignoringRequestMatchers(request -> request.getSession(false) == null))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, LOGIN_PATH, LOGOUT_PATH).permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole("OWNER")
                        .requestMatchers("/api/members", "/api/members/**").hasRole("OWNER")
                        .requestMatchers("/api/admin/**").hasRole("OWNER")
                        .requestMatchers("/api/calendar/all").hasAnyRole("INSTRUCTOR", "OWNER")
                        .requestMatchers("/api/**").authenticated()
                        // the web UI's static files; unknown paths become 404 problems
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response,
                                HttpStatus.UNAUTHORIZED, Problems.NOT_AUTHENTICATED, request.getRequestURI()))
                        .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response,
                                HttpStatus.FORBIDDEN,
                                ex instanceof CsrfException
                                        ? "Missing or invalid CSRF token: echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header"
                                        : "You may not do this",
                                request.getRequestURI())))
                .addFilterBefore(new CurrentMemberFilter(messaging), AuthorizationFilter.class);
        return http.build();
    }

    private static String bearerProblem(AuthenticationException failure) {
        String description = failure instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getDescription() : null;
        return description == null ? "Invalid bearer token" : "Invalid bearer token: " + description;
    }
}
