package org.endorsements.command.security.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.endorsements.command.security.BucketStore;
import org.endorsements.command.security.InMemoryBucketStore;
import org.endorsements.command.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

@Configuration(proxyBeanMethods = false)
class BucketStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BucketStoreConfiguration.class);

    @Bean
    BucketStore bucketStore(SecurityProperties properties, DataSource dataSource, JdbcConnectionDetails database)
            throws MetaDataAccessException {
        SecurityProperties.Store store = properties.rateLimit().store();
        if (store == SecurityProperties.Store.AUTO) {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            store = "PostgreSQL".equalsIgnoreCase(product)
                    ? SecurityProperties.Store.POSTGRESQL
                    : SecurityProperties.Store.MEMORY;
        }
        log.info(
                "Rate-limit buckets: {}",
                store == SecurityProperties.Store.POSTGRESQL
                        ? "shared in PostgreSQL (table " + PostgresBucketStore.TABLE + ")"
                        : "in memory");
        SecurityProperties.Buckets settings = properties.rateLimit().buckets();
        return store == SecurityProperties.Store.POSTGRESQL
                ? new PostgresBucketStore(ownPool(database, settings), settings, true)
                : new InMemoryBucketStore(settings);
    }

    /**
     * Every take of a PostgreSQL bucket is a SELECT ... FOR UPDATE transaction; on the event store's pool a flood
     * from many addresses, each within its budget, would hold the connections that commands need.
     */
    private static HikariDataSource ownPool(JdbcConnectionDetails database, SecurityProperties.Buckets settings) {
        HikariDataSource pool = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(database.getJdbcUrl())
                .username(database.getUsername())
                .password(database.getPassword())
                .driverClassName(database.getDriverClassName())
                .build();
        pool.setPoolName("rate-limit-buckets");
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setMinimumIdle(settings.poolSize());
        pool.setConnectionTimeout(settings.poolTimeout().toMillis());
        open(pool);
        return pool;
    }

    /**
     * Hikari opens a pool on its first request and fills it in the background from there: a burst of requests on a
     * service just started would then wait for connections being opened, beyond the short pool timeout, and be
     * refused as if the buckets were down. Opened here, the pool is full before the first request.
     */
    private static void open(HikariDataSource pool) {
        try (Connection connection = pool.getConnection()) {
            connection.isValid(0);
        } catch (SQLException e) {
            log.warn(
                    "The rate-limit bucket pool could not open a connection yet ({}); it retries on demand",
                    e.getMessage());
        }
    }
}
