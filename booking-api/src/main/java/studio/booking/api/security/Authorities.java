package studio.booking.api.security;

import studio.booking.messages.common.Role;

final class Authorities {

    private Authorities() {
    }

    static String of(Role role) {
        return "ROLE_" + role.name();
    }
}
