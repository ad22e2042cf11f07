package org.endorsements.command.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.endorsements.command.moderation.SliceModeration;
import org.endorsements.command.personaldata.DataKeyStore;
import org.endorsements.command.registry.OrganizationRegistry;
import org.endorsements.command.registry.StatementRegistry;
import org.endorsements.command.security.SliceSecurity;
import org.endorsements.command.shared.web.CommandDispatcher;
import org.endorsements.command.shared.web.SliceWeb;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The controllers over MockMvc with the real security chain and problem handling, and no event store, Kafka or
 * server: the command side is a mock {@code CommandGateway}, the registries are mocks (keys: {@link SliceKeys}).
 * Every slice test declares the same context, so they share one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@Import({SliceSecurity.class, SliceWeb.class, CommandDispatcher.class, SliceModeration.class})
@MockitoBean(types = {CommandGateway.class, OrganizationRegistry.class, StatementRegistry.class, DataKeyStore.class})
@TestPropertySource(properties = "endorsements.security.admin-key=" + SliceKeys.ADMIN_KEY)
public @interface ControllerSliceTest {}
