package studio.booking.api.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import studio.booking.api.security.CurrentMember;
import studio.booking.messages.common.Actor;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The REST layer's only way into the core: commands carry the signed-in {@link Actor} as metadata,
 * queries are answered synchronously. Failures surface unwrapped (a {@code RuleViolation} stays a
 * {@code RuleViolation}) so the problem handler can map them.
 */
@Component
public class Messaging {

    private final CommandGateway commands;
    private final QueryGateway queries;

    public Messaging(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * Sends a command on behalf of {@code actor} and waits for its answer. When the actor is the
     * signed-in member, their display name goes along too: a history shows the name they had then.
     */
    public <R> R send(Actor actor, Object command) {
        MetaData metaData = MetaData.from(actor.asMetaData());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentMember signedIn && signedIn.id().equals(actor.id())
                && signedIn.view().displayName() != null) {
            metaData = metaData.and(Actor.NAME_KEY, signedIn.view().displayName());
        }
        return commands.sendAndWait(command, metaData);
    }

    /** Sends a command as the system (no actor): start-up tasks such as the owner bootstrap. */
    public <R> R sendAsSystem(Object command) {
        return commands.sendAndWait(command);
    }

    public <R> R ask(Object query, Class<R> responseType) {
        return join(() -> queries.query(query, ResponseTypes.instanceOf(responseType)).get());
    }

    public <R> Optional<R> find(Object query, Class<R> responseType) {
        Optional<R> answer = join(() -> queries.query(query, ResponseTypes.optionalInstanceOf(responseType)).get());
        return answer == null ? Optional.empty() : answer;
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T join(Call<T> call) {
        try {
            return call.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a query", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
