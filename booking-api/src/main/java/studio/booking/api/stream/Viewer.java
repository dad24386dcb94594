package studio.booking.api.stream;

import studio.booking.messages.common.Role;

import java.util.UUID;

/** Who holds a stream, as the members projection knew them when it opened (a role change closes it). */
record Viewer(UUID id, Role role) {

    boolean isStaff() {
        return role.isStaff();
    }
}
