package studio.booking.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import studio.booking.api.problem.Problems;
import studio.booking.api.web.Input;

/** Sign-in, sign-out and "who am I" (API.md, Conventions). */
@RestController
@Tag(name = "Sign-in")
public class AuthController {

    public record LoginRequest(String email, String password) {
    }

    public record Me(String id, String email, String displayName, String role, String timeZone) {
    }

    private final AuthenticationManager authenticationManager;
    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;
    private final CsrfAuthenticationStrategy csrfRotation;

    public AuthController(AuthenticationManager authenticationManager, SecurityContextRepository contexts,
                          CsrfTokenRepository csrfTokens) {
        this.authenticationManager = authenticationManager;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
        this.csrfRotation = new CsrfAuthenticationStrategy(csrfTokens);
    }

    @PostMapping(SecurityConfiguration.LOGIN_PATH)
    @Operation(summary = "Sign in with email and password: 204, a session cookie and a fresh XSRF-TOKEN cookie",
            responses = {@ApiResponse(responseCode = "204", description = "signed in"),
                    @ApiResponse(responseCode = "401", description = "wrong email or password, or inactive member")})
    public ResponseEntity<Object> login(@RequestBody LoginRequest body, HttpServletRequest request,
                                        HttpServletResponse response) {
        Input input = new Input();
        String email = input.text("email", body.email(), true, 254);
        String password = body.password();
        if (password == null || password.isEmpty()) {
            input.problem("password", "is required");
        }
        input.validate();
        Authentication authentication;
        try {
            authentication = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(email, password));
        } catch (AuthenticationException e) {
            return Problems.entity(Problems.problem(HttpStatus.UNAUTHORIZED, "Invalid email or password"));
        }
        // session fixation: a new session id for the signed-in session. A session signed in as someone
        // else ends instead, with its streams: they carry that member's bookings and messages
        HttpSession existing = request.getSession(false);
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        if (existing != null && before != null && !(before instanceof AnonymousAuthenticationToken)
                && !before.getName().equals(authentication.getName())) {
            existing.invalidate();
            existing = null;
        }
        if (existing != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        // a fresh CSRF token for the signed-in session. The rotation clears a token the client already
        // holds and leaves the new one deferred; resolving it now sets the XSRF-TOKEN cookie on this 204
        // (otherwise the client is left with no token and its next state change is refused)
        csrfRotation.onAuthentication(authentication, request, response);
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken fresh) {
            fresh.getToken();
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(SecurityConfiguration.LOGOUT_PATH)
    @Operation(summary = "Sign out: ends the session", responses = @ApiResponse(responseCode = "204"))
    public ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        csrfTokens.saveToken(null, request, response);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in member")
    public Me me(@Parameter(hidden = true) CurrentMember current) {
        var v = current.view();
        return new Me(v.id().toString(), v.email(), v.displayName(), v.role().wire(), v.timeZone());
    }
}
