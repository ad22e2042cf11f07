package org.endorsements.command.shared.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@IntegrationTest
class CommandBusIntegrationTest extends TestStackSupport {

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandBus commandBus;

    @Test
    void endorsementsGoThroughTheGroupCommitBus() {
        assertThat(commandBus).isInstanceOf(GroupCommitCommandBus.class);
    }

    /** Axon 4.13.0 captures a stack trace per handler call for its timeouts (AxonFramework #4637). */
    @Test
    void noHandlerIsWrappedInAxonsTimeout() {
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class))
                .isEmpty();
    }
}
