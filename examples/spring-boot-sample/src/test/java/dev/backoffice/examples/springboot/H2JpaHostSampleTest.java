package dev.backoffice.examples.springboot;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.UUID;

/** The sample on embedded H2 (the no-setup default) with JPA (Hibernate) as the host. */
@ActiveProfiles("jpa")
class H2JpaHostSampleTest extends SampleAppContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1");
    }

    /**
     * On H2 the order store reads an order under its row lock (see {@code JdbcOrderStore#load}),
     * so the loser waits for the winner's commit and then finds the order paid.
     */
    @Override
    List<String> concurrentLoserCodes() {
        return List.of("order.version_conflict", "order.illegal_transition", "order.overpayment");
    }
}
