package org.endorsements.command;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start which event store and which Kafka cluster this instance uses (no credentials). */
@Component
class ConnectionReport {

    private static final Logger log = LoggerFactory.getLogger(ConnectionReport.class);

    private final DataSource dataSource;
    private final Environment environment;

    ConnectionReport(DataSource dataSource, Environment environment) {
        this.dataSource = dataSource;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            log.info(
                    "Event store: {} {} at {}",
                    meta.getDatabaseProductName(),
                    meta.getDatabaseProductVersion(),
                    withoutCredentials(meta.getURL()));
        } catch (SQLException e) {
            log.warn("Event store not reachable at start: {}", e.getMessage());
        }
        log.info("Kafka: {}", environment.getProperty("spring.kafka.bootstrap-servers"));
    }

    static String withoutCredentials(String url) {
        return url == null ? null : url.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
    }
}
