package org.endorsements.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.events.Caller;
import org.endorsements.events.OrganizationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class CallerDispatchInterceptorTest {

    private final CallerDispatchInterceptor interceptor = new CallerDispatchInterceptor();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private CommandMessage<?> dispatched() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("a command");
        return interceptor.handle(List.of(command)).apply(0, command);
    }

    @Test
    void theAuthenticatedCallerTravelsInTheCommandsMetadata() {
        Caller caller = Caller.organization(OrganizationId.of("provea"), "cred-1");
        SecurityContextHolder.getContext().setAuthentication(ApiKeyAuthentication.of(caller));

        assertThat(dispatched().getMetaData()).containsEntry(CallerMetaData.KEY, caller);
    }

    @Test
    void aCommandWithoutAnAuthenticatedCallerIsNotSent() {
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        assertThatThrownBy(this::dispatched).isInstanceOf(IllegalStateException.class);
    }
}
