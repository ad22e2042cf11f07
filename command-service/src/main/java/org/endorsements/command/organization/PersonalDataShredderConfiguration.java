package org.endorsements.command.organization;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersonalDataShredderConfiguration {

    /** Nothing to shred until personal data is encrypted per organization: see {@link RetainingPersonalDataShredder}. */
    @Bean
    @ConditionalOnMissingBean(PersonalDataShredder.class)
    PersonalDataShredder retainingPersonalDataShredder() {
        return new RetainingPersonalDataShredder();
    }
}
