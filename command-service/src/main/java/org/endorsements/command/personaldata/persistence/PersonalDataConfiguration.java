package org.endorsements.command.personaldata.persistence;

import org.axonframework.serialization.Serializer;
import org.endorsements.command.personaldata.DataKeyStore;
import org.endorsements.command.personaldata.MasterKey;
import org.endorsements.command.personaldata.PersonalDataProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonalDataProperties.class)
class PersonalDataConfiguration {

    /** Checks the store (after Flyway, which every JDBC user waits for) before Axon reads or writes an event. */
    @Bean
    DataKeyStore dataKeyStore(
            JdbcClient jdbc, PlatformTransactionManager transactions, PersonalDataProperties properties) {
        PlainTextStoreRefusal.check(jdbc);
        return new JdbcDataKeyStore(jdbc, MasterKey.load(properties), transactions, properties.keyCacheSize());
    }

    /** Replaces Axon's event serializer (the message serializer, JSON) by the one that seals personal fields. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(@Qualifier("messageSerializer") Serializer messageSerializer, DataKeyStore keys) {
        return new SealingSerializer(messageSerializer, keys);
    }
}
