package org.endorsements.command.security;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

@Configuration(proxyBeanMethods = false)
class BucketStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BucketStoreConfiguration.class);

    @Bean
    BucketStore bucketStore(SecurityProperties properties, DataSource dataSource) throws MetaDataAccessException {
        SecurityProperties.Store store = properties.rateLimit().store();
        if (store == SecurityProperties.Store.AUTO) {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            store = "PostgreSQL".equalsIgnoreCase(product) ? SecurityProperties.Store.POSTGRESQL
                    : SecurityProperties.Store.MEMORY;
        }
        log.info("Rate-limit buckets: {}", store == SecurityProperties.Store.POSTGRESQL
                ? "shared in PostgreSQL (table " + PostgresBucketStore.TABLE + ")" : "in memory");
        return store == SecurityProperties.Store.POSTGRESQL ? new PostgresBucketStore(dataSource,
                properties.rateLimit().buckets()) : new InMemoryBucketStore(properties.rateLimit().buckets());
    }
}
