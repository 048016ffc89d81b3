package dev.backoffice.examples.springboot;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.metrics.micrometer.MicrometerMetrics;
import dev.backoffice.docs.Archive;
import dev.backoffice.docs.blob.InMemoryBlobStore;
import dev.backoffice.docs.jdbc.JdbcDocumentStore;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.orders.Orders;
import dev.backoffice.orders.jdbc.JdbcOrderStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The SDK's services, wired from the application's {@link DataSource}: one {@link Jdbc} helper
 * that joins Spring's transactions ({@link SpringHostTransactions}) and leaves the schema to
 * Flyway, and every store built over it.
 */
@Configuration(proxyBeanMethods = false)
public class BackofficeConfiguration {

    /** The SDK modules whose scripts ({@code db/<module>/V*.sql} in their jars) Flyway runs, in order. */
    static final List<String> SDK_SCHEMAS = List.of("core", "orders", "ledger", "docs");

    /**
     * Flyway runs each SDK module's scripts with a history table of its own (each module numbers
     * its scripts from V1), then the application's own {@code db/migration}.
     */
    @Bean
    FlywayMigrationStrategy backofficeMigrations() {
        return appFlyway -> {
            DataSource dataSource = appFlyway.getConfiguration().getDataSource();
            for (String module : SDK_SCHEMAS) {
                flyway(dataSource, module).migrate();
            }
            appFlyway.migrate();
        };
    }

    /** Flyway for one SDK module's scripts, with its own history table. */
    static Flyway flyway(DataSource dataSource, String module) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + module)
                .table("backoffice_flyway_" + module)
                .baselineOnMigrate(true) // the schema is not empty after the first module:
                .baselineVersion("0")    // baseline below V1, so that V1 still runs
                .load();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The helper every store writes through: inside a Spring transaction it uses Spring's
     * connection; its numbers go to Boot's {@link MeterRegistry} (see {@code /actuator/metrics}).
     */
    @Bean
    Jdbc backofficeJdbc(DataSource dataSource, MeterRegistry meterRegistry) {
        return Jdbc.of(dataSource)
                .withHostTransactions(new SpringHostTransactions())
                .withMetrics(MicrometerMetrics.create(meterRegistry))
                .withSchemaInstall(false); // Flyway owns the schema
    }

    @Bean
    AuditStore auditStore(Jdbc jdbc, Clock clock) {
        return JdbcAuditStore.create(jdbc, clock);
    }

    @Bean
    Orders orders(Jdbc jdbc, Clock clock) {
        return Orders.builder().store(JdbcOrderStore.create(jdbc)).clock(clock).build();
    }

    @Bean(destroyMethod = "close")
    JdbcLedgerStore ledgerStore(Jdbc jdbc) {
        return JdbcLedgerStore.builder(jdbc).installSchema(false).build();
    }

    @Bean
    Ledger ledger(JdbcLedgerStore ledgerStore, AuditStore audit, Clock clock) {
        return Ledger.builder().store(ledgerStore).audit(audit).clock(clock).build();
    }

    /**
     * The archive. Content goes to a blob store, which no database transaction covers: a host
     * rollback leaves the content behind, unreferenced (blobs are keyed by their SHA-256, so a
     * retry reuses it). Production would use {@code FileSystemBlobStore} or an object store.
     */
    @Bean
    Archive archive(Jdbc jdbc, AuditStore audit, Clock clock) {
        return Archive.builder()
                .store(JdbcDocumentStore.create(jdbc))
                .blobs(InMemoryBlobStore.create())
                .audit(audit)
                .clock(clock)
                .zone(ZoneId.of("Europe/Warsaw"))
                .observer(certificate -> jdbc.metrics().count(Meters.DOCS_DISPOSED, 1)) // disposition progress
                .build();
    }
}
