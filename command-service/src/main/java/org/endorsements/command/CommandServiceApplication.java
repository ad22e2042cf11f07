package org.endorsements.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandServiceApplication {

    /** Axon reads this as a system property, not a Spring property. Our users' servers must not call out. */
    static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
