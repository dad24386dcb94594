package studio.booking.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import studio.booking.api.web.Messaging;
import studio.booking.messages.member.MemberQueries.FindMember;
import studio.booking.messages.member.MemberView;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves the signed-in member FRESH on every request from the members projection: a role change
 * takes effect at once, and a deactivated (or unknown) member's session ends (401). The request
 * then runs with a {@link CurrentMember} principal whose authority is the current role.
 */
class CurrentMemberFilter extends OncePerRequestFilter {

    private final Messaging messaging;

    CurrentMemberFilter(Messaging messaging) {
        this.messaging = messaging;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
                && !(auth.getPrincipal() instanceof CurrentMember)) {
            Optional<MemberView> member = memberId(auth.getName())
                    .flatMap(id -> messaging.find(new FindMember(id), MemberView.class))
                    .filter(MemberView::active);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            if (member.isPresent()) {
                context.setAuthentication(signedIn(new CurrentMember(member.get())));
            } else {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            // not saved: the session keeps the sign-in, each request resolves the member again
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    /** The authentication a request runs with, whether it came with a session or a bearer token. */
    static UsernamePasswordAuthenticationToken signedIn(CurrentMember current) {
        return UsernamePasswordAuthenticationToken.authenticated(current, null,
                List.of(new SimpleGrantedAuthority(Authorities.of(current.role()))));
    }

    private static Optional<UUID> memberId(String name) {
        try {
            return Optional.of(UUID.fromString(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
