package org.endorsements.command.security;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.command.shared.SystemIssued;
import org.endorsements.events.Caller;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts the authenticated caller of the request into the metadata of every command it sends, so aggregates record
 * who acted without any payload naming a caller. A command sent without an authenticated caller is refused: the
 * request rules of {@link SecurityConfiguration} let no such request reach a controller, so it is a defect, and
 * an event with no actor must never be written. Only a {@link SystemIssued}, which the service sends on its own,
 * goes without one.
 */
@Component
class CallerDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getPayload() instanceof SystemIssued) {
                return command;
            }
            Caller caller = ApiKeyAuthentication.callerOf(
                    SecurityContextHolder.getContext().getAuthentication());
            if (caller == null) {
                throw new IllegalStateException("no authenticated caller for " + command.getCommandName());
            }
            return command.andMetaData(Map.of(CallerMetaData.KEY, caller));
        };
    }
}
