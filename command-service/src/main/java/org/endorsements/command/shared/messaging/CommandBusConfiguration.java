package org.endorsements.command.shared.messaging;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command bus: Axon's simple bus as its Spring Boot auto-configuration builds it, inside the group-commit bus
 * (decision 0017); disabled, the latter passes every command to the former.
 */
@Configuration(proxyBeanMethods = false)
class CommandBusConfiguration {

    @Bean(initMethod = "start", destroyMethod = "shutdown")
    @Qualifier("localSegment")
    GroupCommitCommandBus commandBus(
            TransactionManager transactionManager,
            org.axonframework.config.Configuration axon,
            DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
            GroupCommitProperties properties) {
        SimpleCommandBus single = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        GroupCommitCommandBus bus = new GroupCommitCommandBus(
                single,
                transactionManager,
                properties.enabled() ? properties.maxBatch() : 1,
                properties.workers(),
                properties.enabled());
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }
}
