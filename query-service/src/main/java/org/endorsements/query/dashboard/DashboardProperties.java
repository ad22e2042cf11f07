package org.endorsements.query.dashboard;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param languages       the languages the dashboard speaks, one message catalogue each
 *                        ({@code static/i18n/messages.<language>.json}); the first is the fallback for a visitor
 *                        whose {@code Accept-Language} names none of them
 */
@ConfigurationProperties("endorsements.dashboard")
public record DashboardProperties(
        @DefaultValue({"en", "es"}) List<String> languages) {

    public DashboardProperties {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("endorsements.dashboard.languages: at least one language");
        }
        languages = List.copyOf(languages);
    }

    public String fallback() {
        return languages.get(0);
    }
}
