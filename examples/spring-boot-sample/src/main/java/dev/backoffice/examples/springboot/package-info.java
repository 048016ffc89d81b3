/**
 * A Spring Boot application that runs the SDK inside its own transactions: Spring's JDBC
 * transaction manager or JPA (Hibernate) as the host, Flyway for the schema, Micrometer for the
 * SDK's metrics on {@code /actuator/metrics}.
 */
package dev.backoffice.examples.springboot;
