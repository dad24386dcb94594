package studio.booking.api.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The web UI's page and files are public (the page signs in through the API), and they skip the
 * API's chain: that one looks the signed-in member up in the database on every request, which a
 * page load would otherwise do some 25 times for files that are the same for everyone. The usual
 * security headers still apply.
 */
@Configuration(proxyBeanMethods = false)
class WebUiSecurity {

    /** The page (and its client routes) and its files. */
    static final String[] PATHS = {"/", "/index.html", "/favicon.svg", "/app/**", "/sign-in", "/availability"};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain webUiFiles(HttpSecurity http, WebUiPage page) throws Exception {
        http.securityMatcher(PATHS)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(page.contentSecurityPolicy())))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // read-only files: nothing to forge, no session to use or create
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
