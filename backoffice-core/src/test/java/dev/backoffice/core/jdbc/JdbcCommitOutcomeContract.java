package dev.backoffice.core.jdbc;

import dev.backoffice.core.error.OutcomeUnknownException;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.testing.FaultyDataSource;
import dev.backoffice.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a failure of the JDBC helper means about what was written (DESIGN.md section 11), with
 * faults injected between the helper and a real database: done, not done, or outcome unknown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcCommitOutcomeContract {

    private TestDatabase db;
    private FaultyDataSource faulty;
    private Jdbc jdbc;

    protected abstract TestDatabase openDatabase();

    @BeforeAll
    void open() {
        db = openDatabase();
        faulty = new FaultyDataSource(db.dataSource());
        jdbc = Jdbc.of(faulty);
        jdbc.inTransactionRun(c -> Jdbc.update(c, "CREATE TABLE IF NOT EXISTS outcome_kv (k VARCHAR(50) PRIMARY KEY, v BIGINT NOT NULL)"));
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void clean() {
        faulty.disarm();
        jdbc.inTransactionRun(c -> Jdbc.update(c, "DELETE FROM outcome_kv"));
    }

    private long rows(String k) {
        return jdbc.inTransaction(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM outcome_kv WHERE k = ?", rs -> rs.getLong(1), k)
                .orElseThrow());
    }

    private static int insert(Connection c, String k) throws SQLException {
        Jdbc.update(c, "INSERT INTO outcome_kv (k, v) VALUES (?, ?)", k, 1L);
        return 1;
    }

    /** A write keyed by {@code k} that looks its key up on a rerun: the shape every identified write has. */
    private long identifiedWrite(String k) {
        return Reruns.afterUnknownOutcome(rerun -> jdbc.inTransaction(c -> {
            if (rerun) {
                var stored = Jdbc.queryOne(c, "SELECT v FROM outcome_kv WHERE k = ?", rs -> rs.getLong(1), k);
                if (stored.isPresent()) {
                    return stored.get();
                }
            }
            insert(c, k);
            return 1L;
        }), () -> "row " + k);
    }

    @Test
    void aCommitWhoseAcknowledgementIsLostIsReportedAsOutcomeUnknownNotAsAFailure() {
        faulty.loseNextCommitAck();
        assertThatThrownBy(() -> jdbc.inTransaction(c -> insert(c, "a")))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasFieldOrPropertyWithValue("code", "storage.outcome_unknown");
        assertThat(rows("a")).as("the commit landed").isEqualTo(1);
    }

    @Test
    void aCommitWhoseAcknowledgementIsLostIsNeverRerunByTheHelper() {
        faulty.loseNextCommitAck();
        int before = faulty.commits();
        assertThatThrownBy(() -> jdbc.inTransaction(c -> insert(c, "a"))).isInstanceOf(OutcomeUnknownException.class);
        assertThat(faulty.commits() - before).isEqualTo(1);
    }

    @Test
    void aConnectionDroppedWhileCommittingIsReportedAsOutcomeUnknownAndNothingIsStored() {
        faulty.dropConnectionAtNextCommit();
        assertThatThrownBy(() -> jdbc.inTransaction(c -> insert(c, "a"))).isInstanceOf(OutcomeUnknownException.class);
        assertThat(rows("a")).isZero();
    }

    @Test
    void aConnectionLostBeforeTheCommitIsRetriedAndTheWorkIsStoredOnce() {
        int fired = faulty.faultsFired();
        faulty.failStatement(1, "08006");
        int result = jdbc.inTransaction(c -> insert(c, "a"));
        assertThat(result).isEqualTo(1);
        assertThat(faulty.faultsFired() - fired).isEqualTo(1);
        assertThat(rows("a")).isEqualTo(1);
    }

    @Test
    void aConnectionLostBeforeTheCommitWithNoRetryLeftIsReportedAsNotDoneWithNothingStored() {
        Jdbc once = jdbc.withRetryPolicy(RetryPolicy.NONE);
        faulty.failStatement(1, "08006");
        assertThatThrownBy(() -> once.inTransaction(c -> insert(c, "a")))
                .isInstanceOf(StorageException.class)
                .isNotInstanceOf(OutcomeUnknownException.class)
                .satisfies(e -> assertThat(((StorageException) e).code()).isIn("storage.failure", "storage.retries_exhausted"));
        assertThat(rows("a")).isZero();
    }

    @Test
    void aStatementErrorIsReportedAsAFailureWithNothingStored() {
        faulty.failStatement(2, "XX000");
        assertThatThrownBy(() -> jdbc.inTransaction(c -> insert(c, "a") + insert(c, "b")))
                .isInstanceOf(StorageException.class)
                .isNotInstanceOf(OutcomeUnknownException.class)
                .hasFieldOrPropertyWithValue("code", "storage.failure");
        assertThat(rows("a") + rows("b")).isZero();
    }

    @Test
    void aReadWhoseCommitFailsIsRetriedNotReportedAsAnUnknownOutcome() {
        jdbc.inTransaction(c -> insert(c, "a"));
        faulty.loseNextCommitAck();
        long n = jdbc.inReadTransaction(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM outcome_kv", rs -> rs.getLong(1)).orElseThrow());
        assertThat(n).isEqualTo(1);
    }

    @Test
    void anIdentifiedWriteWhoseCommitAckIsLostIsFoundByItsRerunNotWrittenTwice() {
        faulty.loseNextCommitAck();
        assertThat(identifiedWrite("a")).isEqualTo(1L);
        assertThat(rows("a")).isEqualTo(1);
    }

    @Test
    void anIdentifiedWriteDroppedWhileCommittingIsWrittenOnceByItsRerun() {
        int fired = faulty.faultsFired();
        faulty.dropConnectionAtNextCommit();
        assertThat(identifiedWrite("a")).isEqualTo(1L);
        assertThat(rows("a")).isEqualTo(1);
        assertThat(faulty.faultsFired() - fired).isEqualTo(1);
    }
}
