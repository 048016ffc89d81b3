package dev.backoffice.core.testing;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.testing.CommitOutcomes.Fault;
import dev.backoffice.core.testing.CommitOutcomes.Probe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The set-up every commit-outcome contract ("what a failure means", DESIGN.md section 11) shares,
 * so that a contract holds only its stores, its writes and its checks: a fresh database of the
 * contract's JDBC {@link StoreKind} for the whole class, reached only through one
 * {@link FaultyDataSource} that every store under test shares (so a write and what it posts are one
 * transaction), disarmed before each test and closed after the last; a {@link RecordingMetrics}
 * for the stores' outcome meters; and the {@link CommitOutcomes} checks bound to that data source.
 *
 * <p>A contract extends it, builds its stores on {@link #faulty()}, {@link #jdbc()} or
 * {@link #meteredJdbc()} in its own {@code @BeforeAll} (JUnit runs this class's first) and hands
 * what must be closed before the database to {@link #closeAfterAll(AutoCloseable)}. Each store is
 * still a one-line subclass of the contract, as {@link StoreKind} describes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CommitOutcomeContract {

    private final StoreKind kind;
    private final RecordingMetrics metrics = new RecordingMetrics();
    /** Closed last-in first-out, before the database. */
    private final Deque<AutoCloseable> closeAfterAll = new ArrayDeque<>();
    private TestDatabase db;
    private FaultyDataSource faulty;

    /**
     * The contract on a database of {@code kind}.
     *
     * @param kind a JDBC kind (faults are injected between the store and its database)
     * @throws IllegalArgumentException for {@link StoreKind#MEMORY}
     */
    protected CommitOutcomeContract(StoreKind kind) {
        if (!kind.jdbc()) {
            throw new IllegalArgumentException(kind + " is not a JDBC store");
        }
        this.kind = kind;
    }

    /** Opens the class's database and the faulty data source over it, before the contract's own set-up. */
    @BeforeAll
    protected final void openFaultyDatabase() {
        db = kind.openDatabase();
        faulty = new FaultyDataSource(db.dataSource());
    }

    /** No fault armed by one test reaches the next (nor the contract's own per-test set-up). */
    @BeforeEach
    protected final void disarmFaults() {
        faulty.disarm();
    }

    /** Closes what the contract registered, newest first, then the database (even when one of those fails to close). */
    @AfterAll
    protected final void closeFaultyDatabase() throws Exception {
        try {
            while (!closeAfterAll.isEmpty()) {
                closeAfterAll.pop().close();
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    /** The store kind under test (for the contract's messages). */
    protected final StoreKind kind() {
        return kind;
    }

    /** The one faulty data source over the class's database; every store under test uses it. */
    protected final FaultyDataSource faulty() {
        return faulty;
    }

    /** A {@link Jdbc} on {@link #faulty()}, without metrics. */
    protected final Jdbc jdbc() {
        return Jdbc.of(faulty);
    }

    /** A {@link Jdbc} on {@link #faulty()} that reports to {@link #metrics()}. */
    protected final Jdbc meteredJdbc() {
        return Jdbc.of(faulty).withMetrics(metrics);
    }

    /** What the stores built on {@link #meteredJdbc()} recorded. */
    protected final RecordingMetrics metrics() {
        return metrics;
    }

    /** Registers {@code resource} to be closed after the last test, before the database; returns it. */
    protected final <T extends AutoCloseable> T closeAfterAll(T resource) {
        closeAfterAll.push(resource);
        return resource;
    }

    /** {@link CommitOutcomes#probe}: what the second of two unfaulted runs of a write executes. */
    protected final Probe probe(Runnable first, Runnable second) {
        return CommitOutcomes.probe(faulty, first, second);
    }

    /** {@link CommitOutcomes#faults}: every commit and statement fault for a write measured by {@code probe}. */
    protected final List<Fault> faults(Probe probe) {
        return CommitOutcomes.faults(faulty, probe);
    }

    /** {@link CommitOutcomes#toldMatchesStored}: runs {@code write} under {@code fault}, then what the caller was told must match what is stored. */
    protected final <T> RuntimeException toldMatchesStored(Fault fault, Supplier<T> write, ToIntFunction<T> storedFor,
                                                           IntSupplier stored, int once) {
        return CommitOutcomes.toldMatchesStored(faulty, fault, write, storedFor, stored, once);
    }

    /** How many commits {@code write} makes (its own write commits last: a first write may read in transactions of its own). */
    protected final int commitsOf(Runnable write) {
        int before = faulty.commits();
        write.run();
        return faulty.commits() - before;
    }

    /**
     * Runs {@code write} with the acknowledgement of its {@code nth} commit lost (the commit lands,
     * the caller's connection dies), disarmed afterwards whatever happens; returns what the
     * caller was told, which must be the write settled by lookup.
     */
    protected final <T> T withCommitAckLost(int nth, Supplier<T> write) {
        faulty.loseCommitAck(nth);
        try {
            return write.get();
        } finally {
            faulty.disarm();
        }
    }

    /** What {@code read} finds, or empty when it answers with a {@link BackofficeException} (not found). */
    protected static <T> Optional<T> find(Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (BackofficeException e) {
            return Optional.empty();
        }
    }
}
