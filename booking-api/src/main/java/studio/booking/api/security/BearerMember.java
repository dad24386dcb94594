package studio.booking.api.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import studio.booking.api.web.Messaging;
import studio.booking.messages.member.MemberQueries.FindMember;
import studio.booking.messages.member.MemberQueries.FindMemberByEmail;
import studio.booking.messages.member.MemberView;

import java.util.Optional;
import java.util.UUID;

/**
 * A valid bearer token signs in the member its {@code sub} names — by id, or by email (any case) —
 * as the same {@link CurrentMember} principal with the same authority as a session sign-in, resolved
 * fresh on each request. An unknown or inactive member is a 401, like a wrong password.
 */
final class BearerMember implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Messaging messaging;

    BearerMember(Messaging messaging) {
        this.messaging = messaging;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        MemberView member = member(jwt.getSubject()).filter(MemberView::active)
                .orElseThrow(() -> new InvalidBearerTokenException("The token's subject is no active member"));
        AbstractAuthenticationToken signedIn = CurrentMemberFilter.signedIn(new CurrentMember(member));
        signedIn.setDetails(new TokenValidUntil(jwt.getExpiresAt().plus(BearerTokens.CLOCK_SKEW)));
        return signedIn;
    }

    private Optional<MemberView> member(String subject) {
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        try {
            return messaging.find(new FindMember(UUID.fromString(subject.trim())), MemberView.class);
        } catch (IllegalArgumentException notAnId) {
            return messaging.find(new FindMemberByEmail(subject.trim()), MemberView.class);
        }
    }
}
