package org.endorsements.query.security.messaging;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.endorsements.query.security.OrganizationKeys;
import org.endorsements.query.security.ReadSecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

@Configuration(proxyBeanMethods = false)
class CredentialDigestConfiguration {

    @Bean
    CredentialDigestReader credentialDigestReader(
            ConsumerFactory<String, byte[]> consumers, OrganizationKeys keys, ReadSecurityProperties properties) {
        return new CredentialDigestReader(consumers, keys, properties);
    }

    /**
     * The command service creates the topic; declared here too, with the same settings, so that this service can
     * start first (the broker creates no topic by itself).
     */
    @Bean
    NewTopic credentialDigestsTopic(ReadSecurityProperties properties) {
        return new NewTopic(
                        properties.credentialDigests().topic(),
                        1,
                        properties.credentialDigests().replicas())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
}
