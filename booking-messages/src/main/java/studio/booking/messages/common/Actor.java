package studio.booking.messages.common;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who sends a command. It travels as message metadata (keys {@link #ID_KEY}, {@link #ROLE_KEY}, and
 * {@link #NAME_KEY} for the display name at the time, when known), is copied onto every event the
 * command causes, and so becomes the booking's history. Deadlines run without an actor: the system acts.
 */
public record Actor(UUID id, Role role) {

    public static final String ID_KEY = "actorId";
    public static final String ROLE_KEY = "actorRole";
    public static final String NAME_KEY = "actorName";

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }

    public boolean isOwner() {
        return role == Role.OWNER;
    }

    public Map<String, String> asMetaData() {
        return Map.of(ID_KEY, id.toString(), ROLE_KEY, role.wire());
    }
}
