package eu.smartcity.accelerator.workflow.internal;

import com.zaxxer.hikari.HikariConfig;
import eu.smartcity.accelerator.shared.StartupLock;
import com.zaxxer.hikari.HikariDataSource;
import org.flowable.dmn.spring.SpringDmnEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Flowable DMN lives in its own schema ({@code flowable}) with its own small connection pool and
 * transaction manager. Flowable and Camunda share ancestry and table names (ACT_GE_PROPERTY, ...):
 * in one schema they corrupt each other. The pool is deliberately not a Spring {@code DataSource}
 * bean, so JPA, Flyway and Camunda keep the primary one.
 */
@Configuration(proxyBeanMethods = false)
class FlowableDmnConfiguration {

    static final String FLOWABLE_SCHEMA = "flowable";

    @Bean
    EngineConfigurationConfigurer<SpringDmnEngineConfiguration> flowableInOwnSchema(DataSourceProperties primary,
            StartupLock startupLock) {
        return configuration -> {
            // its schema (when missing) and the .dmn deployments: one node at a time (docs/operations-nodes.md)
            startupLock.acquire();
            FlowableSchema schema = FlowableSchema.forUrl(primary.determineUrl());
            HikariConfig pool = new HikariConfig();
            pool.setPoolName("flowable-dmn");
            pool.setJdbcUrl(schema.jdbcUrl());
            pool.setUsername(primary.determineUsername());
            pool.setPassword(primary.determinePassword());
            pool.setMaximumPoolSize(4);
            pool.setConnectionInitSql(schema.initSql());
            HikariDataSource dataSource = new HikariDataSource(pool);

            configuration.setDataSource(dataSource);
            configuration.setTransactionManager(new DataSourceTransactionManager(dataSource));
            // Without this Flowable inspects the whole database and finds Camunda's act_ge_property.
            configuration.setDatabaseSchema(schema.name());
            configuration.setDatabaseSchemaUpdate("true");
            // Not Flowable's own schema lock: it keeps that lock in act_ge_property, which does not exist yet on
            // a fresh database, so the first start would wait for it and fail. The StartupLock above does that job.
            configuration.setUseLockForDatabaseSchemaUpdate(false);
            // One deployment per .dmn file: only a changed table gets a new version.
            configuration.setDeploymentMode("single-resource");
            configuration.setHistoryEnabled(false);
        };
    }

    /** Where Flowable's tables go, derived from the primary JDBC URL. */
    record FlowableSchema(String name, String jdbcUrl, String initSql) {

        static FlowableSchema forUrl(String primaryUrl) {
            if (primaryUrl.startsWith("jdbc:postgresql:")) {
                String separator = primaryUrl.contains("?") ? "&" : "?";
                return new FlowableSchema(FLOWABLE_SCHEMA, primaryUrl + separator + "currentSchema=" + FLOWABLE_SCHEMA,
                        "CREATE SCHEMA IF NOT EXISTS " + FLOWABLE_SCHEMA);
            }
            if (primaryUrl.startsWith("jdbc:h2:")) {
                String upper = FLOWABLE_SCHEMA.toUpperCase();
                return new FlowableSchema(upper, primaryUrl + ";INIT=CREATE SCHEMA IF NOT EXISTS " + upper + "\\;SET SCHEMA " + upper,
                        null);
            }
            throw new IllegalStateException("Unsupported database for Flowable DMN: " + primaryUrl
                    + " (supported: PostgreSQL and H2)");
        }
    }
}
