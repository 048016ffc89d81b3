package dev.backoffice.examples.springboot;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

/** The sample on PostgreSQL with Spring's JDBC transaction manager as the host. */
@RequiresPostgres
class PostgresJdbcHostSampleTest extends SampleAppContract {

    static TestDatabase db;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        db = TestDatabases.postgres();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    List<String> concurrentLoserCodes() {
        return List.of("order.version_conflict");
    }
}
