package dev.backoffice.core.jdbc;

import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the JDBC helper promises, on every supported database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcContract {

    protected TestDatabase db;
    protected Jdbc jdbc;

    protected abstract TestDatabase openDatabase();

    @BeforeAll
    void open() {
        db = openDatabase();
        jdbc = db.jdbc();
        jdbc.inTransactionRun(c -> Jdbc.update(c, "CREATE TABLE IF NOT EXISTS kv (k VARCHAR(50) PRIMARY KEY, v BIGINT NOT NULL, "
                + "at TIMESTAMP WITH TIME ZONE, d DATE, u UUID)"));
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void clean() {
        jdbc.inTransactionRun(c -> Jdbc.update(c, "DELETE FROM kv"));
    }

    private long count() {
        return jdbc.inTransaction(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM kv", rs -> rs.getLong(1)).orElseThrow());
    }

    @Test
    void detectsTheDialect() {
        assertThat(jdbc.dialect()).isEqualTo(db.dialect());
    }

    @Test
    void commitsWhenTheWorkReturns() {
        jdbc.inTransactionRun(c -> {
            Jdbc.update(c, "INSERT INTO kv (k, v) VALUES (?, ?)", "a", 1L);
            Jdbc.update(c, "INSERT INTO kv (k, v) VALUES (?, ?)", "b", 2L);
        });
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void rollsBackEveryRowWhenTheWorkThrowsABusinessError() {
        assertThatThrownBy(() -> jdbc.inTransactionRun(c -> {
            Jdbc.update(c, "INSERT INTO kv (k, v) VALUES (?, ?)", "a", 1L);
            throw new RuleViolationException("test.rule", "no");
        })).isInstanceOf(RuleViolationException.class).hasMessage("no");
        assertThat(count()).isZero();
    }

    @Test
    void sqlErrorsBecomeStorageExceptionsAndRollBack() {
        assertThatThrownBy(() -> jdbc.inTransactionRun(c -> {
            Jdbc.update(c, "INSERT INTO kv (k, v) VALUES (?, ?)", "a", 1L);
            Jdbc.update(c, "INSERT INTO kv (k, v) VALUES (?, ?)", "a", 2L); // duplicate key
        })).isInstanceOf(StorageException.class).hasMessageContaining("23505");
        assertThat(count()).isZero();
    }

    @Test
    void nestedCallsJoinTheOuterTransaction() {
        assertThatThrownBy(() -> jdbc.inTransactionRun(outer -> {
            jdbc.inTransactionRun(inner -> {
                assertThat(inner).isSameAs(outer);
                Jdbc.update(inner, "INSERT INTO kv (k, v) VALUES (?, ?)", "inner", 1L);
            });
            throw new RuleViolationException("test.rule", "outer fails after the inner write");
        })).isInstanceOf(RuleViolationException.class);
        assertThat(count()).isZero();
    }

    @Test
    void bindsAndReadsInstantsDatesAndUuids() {
        Instant at = Instant.parse("2026-03-04T05:06:07.123456Z");
        UUID u = UUID.randomUUID();
        jdbc.inTransactionRun(c -> Jdbc.update(c, "INSERT INTO kv (k, v, at, d, u) VALUES (?, ?, ?, ?, ?)",
                "t", 1L, at, LocalDate.of(2026, 2, 28), u));
        List<Object> read = jdbc.inTransaction(c -> Jdbc.queryOne(c, "SELECT at, d, u FROM kv WHERE k = ?",
                rs -> List.<Object>of(Jdbc.instant(rs, "at"), Jdbc.date(rs, "d"), Jdbc.uuid(rs, "u")), "t").orElseThrow());
        assertThat(read).containsExactly(at, LocalDate.of(2026, 2, 28), u);
    }

    @Test
    void batchesManyRowsInOneStatement() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            rows.add(new Object[]{"k" + i, (long) i});
        }
        long written = jdbc.inTransaction(c -> Jdbc.batch(c, "INSERT INTO kv (k, v) VALUES (?, ?)", rows, 500));
        assertThat(written).isEqualTo(1234);
        long sum = jdbc.inTransaction(c -> Jdbc.queryOne(c, "SELECT SUM(v) FROM kv", rs -> rs.getLong(1)).orElseThrow());
        assertThat(sum).isEqualTo(1233L * 1234 / 2);
    }

    @Test
    void schemaInstallationIsIdempotent() {
        SchemaInstaller.install(jdbc, "core", List.of("V1__audit.sql"));
        SchemaInstaller.install(jdbc, "core", List.of("V1__audit.sql"));
        long versions = jdbc.inTransaction(c -> Jdbc.queryOne(c,
                "SELECT COUNT(*) FROM backoffice_schema_history WHERE module = 'core'", rs -> rs.getLong(1)).orElseThrow());
        assertThat(versions).isEqualTo(1);
    }

    @Test
    void aHelperWhoseSchemaTheApplicationInstallsLeavesTheScriptsAlone() {
        Jdbc byFlyway = jdbc.withSchemaInstall(false);
        assertThat(byFlyway.installsSchema()).isFalse();
        assertThat(jdbc.installsSchema()).isTrue();
        SchemaInstaller.install(byFlyway, "nope", List.of("V1__nothing.sql")); // not even read
    }

    @Test
    void aMissingSchemaScriptIsReportedByName() {
        assertThatThrownBy(() -> SchemaInstaller.install(jdbc, "nope", List.of("V1__nothing.sql")))
                .isInstanceOf(StorageException.class).hasMessageContaining("db/nope/V1__nothing.sql");
    }

    @Test
    void retryExhaustionIsReportedWithItsOwnCode() {
        Jdbc once = jdbc.withRetryPolicy(new RetryPolicy(2, java.time.Duration.ZERO, java.time.Duration.ZERO));
        int[] attempts = {0};
        assertThatThrownBy(() -> once.inTransactionRun(c -> {
            attempts[0]++;
            throw new java.sql.SQLException("simulated serialization failure", "40001");
        })).isInstanceOf(StorageException.class).extracting("code").isEqualTo("storage.retries_exhausted");
        assertThat(attempts[0]).isEqualTo(2);
    }

    static long read(Connection c, String key) throws java.sql.SQLException {
        return Jdbc.queryOne(c, "SELECT v FROM kv WHERE k = ?", rs -> rs.getLong(1), key).orElseThrow();
    }
}
