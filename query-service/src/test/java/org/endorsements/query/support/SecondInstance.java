package org.endorsements.query.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.endorsements.query.QueryServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second query-service instance beside the tests' own: the same broker, consumer group, MongoDB and log key
 * file, as two replicas of one deployment are.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    public SecondInstance() {
        this(Map.of());
    }

    /** With some of the stack's properties replaced (another key file, another instance name). */
    public SecondInstance(Map<String, Object> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>();
        QueryStackSupport.stackProperties((name, value) -> properties.put(name, value.get()));
        properties.put("server.port", 0);
        properties.putAll(overrides);
        // As arguments: default properties would rank below application.yml and lose to its placeholders.
        // With the tests' data keys, as the first instance has them (QueryStackSupport): no command service runs here.
        context = new SpringApplicationBuilder(QueryServiceApplication.class, TestDataKeys.class)
                .run(properties.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    /** One of the instance's own beans, to look at its state. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
