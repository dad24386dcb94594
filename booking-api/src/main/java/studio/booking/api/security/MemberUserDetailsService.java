package studio.booking.api.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import studio.booking.api.web.Messaging;
import studio.booking.messages.member.MemberQueries.FindMemberByEmail;
import studio.booking.messages.member.MemberView;

import java.util.List;

/**
 * Sign-in by email: the member from the members projection, the hash from {@link CredentialStore}.
 * The user name of the result is the member's id (what the session remembers); an inactive member
 * is a disabled user and cannot sign in.
 */
@Service
public class MemberUserDetailsService implements UserDetailsService {

    private final Messaging messaging;
    private final CredentialStore credentials;

    public MemberUserDetailsService(Messaging messaging, CredentialStore credentials) {
        this.messaging = messaging;
        this.credentials = credentials;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        MemberView member = messaging.find(new FindMemberByEmail(email.trim()), MemberView.class)
                .orElseThrow(() -> new UsernameNotFoundException("No such member"));
        String hash = credentials.passwordHash(member.id())
                .orElseThrow(() -> new UsernameNotFoundException("No credentials"));
        return User.withUsername(member.id().toString())
                .password(hash)
                .disabled(!member.active())
                .authorities(List.of(new SimpleGrantedAuthority(Authorities.of(member.role()))))
                .build();
    }
}
