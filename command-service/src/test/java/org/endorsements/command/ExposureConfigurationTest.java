package org.endorsements.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Where the service listens: loopback in the embedded default, what the operator says (all interfaces) in prod. */
class ExposureConfigurationTest {

    private static StandardEnvironment environment(String file, Map<String, Object> variables) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader()
                .load(file, new ClassPathResource(file))
                .forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    @Test
    void theEmbeddedDefaultListensOnLoopback() throws Exception {
        assertThat(environment("application.yml", Map.of()).getProperty("server.address"))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void theProdProfileListensOnEveryInterfaceUnlessTold() throws Exception {
        assertThat(environment("application-prod.yml", Map.of()).getProperty("server.address"))
                .isEqualTo("0.0.0.0");
        assertThat(environment("application-prod.yml", Map.of("ENDORSEMENTS_BIND_ADDRESS", "10.1.2.3"))
                        .getProperty("server.address"))
                .isEqualTo("10.1.2.3");
    }

    @Test
    void onlyTheTlsProfileServesHttps() throws Exception {
        assertThat(environment("application.yml", Map.of()).getProperty("server.ssl.bundle"))
                .isNull();
        assertThat(environment("application-prod.yml", Map.of()).getProperty("server.ssl.bundle"))
                .isNull();
        assertThat(environment("application-tls.yml", Map.of()).getProperty("server.ssl.bundle"))
                .isEqualTo("endorsements");
    }
}
