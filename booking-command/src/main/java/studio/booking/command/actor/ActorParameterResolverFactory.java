package studio.booking.command.actor;

import org.axonframework.common.Priority;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.Role;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.UUID;

/**
 * Resolves an {@link Actor} handler parameter from the message's metadata ({@link Actor#ID_KEY},
 * {@link Actor#ROLE_KEY}). Resolves null when they are absent: deadlines act without an actor.
 * Registered through {@code META-INF/services}, so Spring and test fixtures both find it.
 */
@Priority(Priority.HIGH)
public class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int index) {
        return index > 0 && Actor.class.equals(parameters[index].getType()) ? new ActorResolver() : null;
    }

    /** The actor of a message, or null when it carries none. */
    public static Actor actorOf(Message<?> message) {
        Object id = message.getMetaData().get(Actor.ID_KEY);
        Object role = message.getMetaData().get(Actor.ROLE_KEY);
        if (id == null || role == null) {
            return null;
        }
        return new Actor(UUID.fromString(id.toString()), Role.fromWire(role.toString()));
    }

    private static final class ActorResolver implements ParameterResolver<Actor> {
        @Override
        public Actor resolveParameterValue(Message<?> message) {
            return actorOf(message);
        }

        @Override
        public boolean matches(Message<?> message) {
            return true;
        }
    }
}
