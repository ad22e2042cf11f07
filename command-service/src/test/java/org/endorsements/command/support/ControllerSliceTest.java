package org.endorsements.command.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.endorsements.command.security.SliceSecurity;
import org.endorsements.command.shared.web.SliceWeb;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;

/**
 * A controller over MockMvc with the real security chain and problem handling, and no event store, Kafka or
 * server: the test replaces the command side with a mock {@code CommandGateway} and the key registry with a mock
 * {@code OrganizationRegistry} (see {@link SliceKeys}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@Import({SliceSecurity.class, SliceWeb.class})
@TestPropertySource(properties = "endorsements.security.admin-key=" + SliceKeys.ADMIN_KEY)
public @interface ControllerSliceTest {

    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
