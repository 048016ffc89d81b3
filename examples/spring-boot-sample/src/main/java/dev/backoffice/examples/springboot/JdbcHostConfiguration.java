package dev.backoffice.examples.springboot;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.support.JdbcTransactionManager;

import javax.sql.DataSource;

/**
 * The default host: Spring's JDBC transaction manager (the {@code jpa} profile leaves Boot's
 * {@code JpaTransactionManager} in place instead). Either way the SDK joins the transaction.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!jpa")
public class JdbcHostConfiguration {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }
}
