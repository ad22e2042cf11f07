package org.endorsements.query.personaldata;

import org.endorsements.events.DataKeys;
import org.endorsements.events.ServiceKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonalDataProperties.class)
class PersonalDataConfiguration {

    @Bean
    DataKeys dataKeys(
            PersonalDataProperties properties, @Value("${endorsements.security.admin-key:}") String adminKey) {
        return new CommandServiceDataKeys(properties, ServiceKey.fromConfiguration(properties.serviceKey(), adminKey));
    }
}
