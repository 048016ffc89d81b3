package dev.backoffice.core.metrics;

import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.RetryHostTransactionException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.RetryPolicy;
import dev.backoffice.core.metrics.micrometer.MicrometerMetrics;
import dev.backoffice.core.testing.RecordingMetrics;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestHost;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the JDBC helper reports through a {@link MetricsRecorder}, and the Micrometer implementation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {

    private TestDatabase db;
    private final RecordingMetrics metrics = new RecordingMetrics();
    private TestHost host;
    private Jdbc jdbc;

    @BeforeAll
    void open() {
        db = StoreKind.H2.openDatabase();
        host = TestHost.over(db.dataSource());
        jdbc = Jdbc.of(db.dataSource()).withHostTransactions(host).withMetrics(metrics)
                .withRetryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO));
        jdbc.inTransactionRun(c -> Jdbc.update(c, "CREATE TABLE m (k VARCHAR(10) PRIMARY KEY)"));
    }

    @AfterAll
    void close() {
        db.close();
    }

    @BeforeEach
    void clear() {
        metrics.clear();
    }

    @Test
    void aCommitIsTimedByKind() {
        jdbc.inTransactionRun(c -> Jdbc.update(c, "INSERT INTO m (k) VALUES ('a')"));
        jdbc.inReadTransaction(c -> Jdbc.query(c, "SELECT k FROM m", rs -> rs.getString(1)));
        assertThat(metrics.get(Meters.JDBC_COMMIT + "|kind|write")).isEqualTo(1);
        assertThat(metrics.get(Meters.JDBC_COMMIT + "|kind|read")).isEqualTo(1);
    }

    @Test
    void retriesAreCountedBySqlState() {
        AtomicInteger attempts = new AtomicInteger();
        jdbc.inTransactionRun(c -> {
            if (attempts.incrementAndGet() < 3) {
                throw new SQLException("simulated deadlock", "40001");
            }
        });
        assertThat(metrics.get(Meters.JDBC_RETRIES + "|sqlstate|40001")).isEqualTo(2);
    }

    @Test
    void aTypedErrorIsCountedOnceByCodeAndAConflictAlsoAsAConflict() {
        assertThatThrownBy(() -> jdbc.inTransactionRun(outer -> jdbc.inTransactionRun(inner -> {
            throw new ConflictException("order.version_conflict", "stale");
        }))).isInstanceOf(ConflictException.class);
        assertThat(metrics.get(Meters.ERRORS + "|code|order.version_conflict|type|conflict")).as("nested: once").isEqualTo(1);
        assertThat(metrics.get(Meters.CONFLICTS + "|code|order.version_conflict")).isEqualTo(1);
    }

    @Test
    void workInsideAHostTransactionIsCountedAndItsRetryableFailureToo() {
        host.begin();
        try {
            jdbc.inTransactionRun(c -> Jdbc.update(c, "INSERT INTO m (k) VALUES ('h')"));
            assertThatThrownBy(() -> jdbc.inTransactionRun(c -> {
                throw new SQLException("simulated", "40001");
            })).isInstanceOf(RetryHostTransactionException.class);
        } finally {
            host.rollback();
        }
        assertThat(metrics.get(Meters.JDBC_HOST_TRANSACTIONS)).isEqualTo(2);
        assertThat(metrics.get(Meters.ERRORS + "|code|storage.retry_host_transaction|type|storage")).isEqualTo(1);
        assertThat(metrics.get(Meters.JDBC_COMMIT)).as("the host commits, not the SDK").isZero();
    }

    @Test
    void micrometerRecordsEveryKindOfMeterWithItsTags() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MetricsRecorder micrometer = MicrometerMetrics.create(registry);
        micrometer.count(Meters.LEDGER_ENTRIES_POSTED, 3);
        micrometer.count(Meters.LEDGER_ENTRIES_POSTED, 2);
        micrometer.time(Meters.LEDGER_GROUP_COMMIT, 2_000_000);
        micrometer.sample(Meters.LEDGER_GROUP_SIZE, 64);
        micrometer.error(new ConflictException("order.version_conflict", "stale"));

        assertThat(registry.get(Meters.LEDGER_ENTRIES_POSTED).counter().count()).isEqualTo(5);
        assertThat(registry.get(Meters.LEDGER_GROUP_COMMIT).timer().count()).isEqualTo(1);
        assertThat(registry.get(Meters.LEDGER_GROUP_SIZE).summary().totalAmount()).isEqualTo(64);
        assertThat(registry.get(Meters.ERRORS).tag("code", "order.version_conflict").tag("type", "conflict").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(Meters.CONFLICTS).counter().count()).isEqualTo(1);
        assertThat(registry.get(Meters.LEDGER_ENTRIES_POSTED).counter().getId().getDescription())
                .isEqualTo(Meters.description(Meters.LEDGER_ENTRIES_POSTED));
    }

    @Test
    void withoutARecorderNothingIsRecordedAndNothingBreaks() {
        Jdbc plain = Jdbc.of(db.dataSource());
        assertThat(plain.metrics()).isSameAs(MetricsRecorder.NONE);
        plain.inTransactionRun(c -> Jdbc.update(c, "INSERT INTO m (k) VALUES ('p')"));
        MetricsRecorder.NONE.error(new ConflictException("order.version_conflict", "stale"));
    }
}
