package org.endorsements.command.shared.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Sends commands and waits for their result. Commands on aggregates that several requests (or service instances)
 * may create or change at once are retried on an optimistic-locking conflict: the retry sees the winner's events
 * and decides again, so a race never produces a second event.
 */
@Component
public class CommandDispatcher {

    private static final int MAX_ATTEMPTS = 5;

    private final CommandGateway commands;

    CommandDispatcher(CommandGateway commands) {
        this.commands = commands;
    }

    public <R> R send(Object command) {
        return commands.sendAndWait(command);
    }

    public <R> R sendRetryingConflicts(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException
                    || t instanceof AggregateStreamCreationException
                    || t instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }
}
