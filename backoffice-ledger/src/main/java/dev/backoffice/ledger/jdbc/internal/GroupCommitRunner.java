package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.OutcomeUnknownException;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.logging.LogContext;
import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.LedgerTx;
import dev.backoffice.ledger.internal.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs one group for {@link GroupCommitter}: the whole group in one {@link Jdbc} transaction
 * (so a serialization failure or deadlock reruns the whole group, discovery included), a rerun
 * after a unique-key race with another process (the rerun reads the winner's row and answers as
 * an idempotent replay or a typed conflict), and, if the group still fails, every work alone in
 * its own transaction so that each caller gets its own outcome. Those fallbacks run only after
 * failures that prove the group was not committed; a commit whose outcome is unknown
 * ({@link OutcomeUnknownException}) is never rerun here: every unit that was in it gets that
 * exception, and its caller resolves it by the unit's identity (see {@code LedgerService}).
 *
 * <p>Idempotency keys are checked optimistically: a group's first attempt does not look its keys
 * up (a round trip and an index probe per group, for keys that are new in all but rare retries);
 * the unique index on the key refuses a replayed one, and the group is rerun, looking its keys up
 * as before, so the replay is answered with the stored entry. After such a refusal the next
 * {@value #CAREFUL_GROUPS} groups look their keys up first, so a burst of client retries (after a
 * crash, say) costs one wasted attempt, not one per group.
 */
public final class GroupCommitRunner implements BiConsumer<TenantId, List<GroupRequest>> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitRunner.class);
    private static final int UNIQUE_RACE_ATTEMPTS = 5;
    static final int CAREFUL_GROUPS = 1000;

    /** Groups still to look their idempotency keys up before writing (see the class comment). */
    private final java.util.concurrent.atomic.AtomicInteger careful = new java.util.concurrent.atomic.AtomicInteger();

    private final Jdbc jdbc;
    private final SequenceBlocks sequences;
    private final AccountCache cache;
    private final StatsKeeper stats;


    /** A new instance (internal classes have no public constructor). */
    public static GroupCommitRunner create(Jdbc jdbc, SequenceBlocks sequences, AccountCache cache, StatsKeeper stats) {
        return new GroupCommitRunner(jdbc, sequences, cache, stats);
    }

    GroupCommitRunner(Jdbc jdbc, SequenceBlocks sequences, AccountCache cache, StatsKeeper stats) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.cache = cache;
        this.stats = stats;
    }

    @Override
    public void accept(TenantId tenant, List<GroupRequest> requests) {
        // On the committer's thread: the callers' MDC stays on theirs. Once per group, not per entry.
        try (LogContext ignored = LogContext.open(tenant, "ledger.groupCommit")) {
            acceptInLogContext(tenant, requests);
        }
    }

    private void acceptInLogContext(TenantId tenant, List<GroupRequest> requests) {
        List<GroupRequest> alone = null;
        GroupRun[] last = new GroupRun[1];
        for (int attempt = 1; attempt <= UNIQUE_RACE_ATTEMPTS; attempt++) {
            try {
                long start = System.nanoTime();
                boolean optimisticKeys = attempt == 1 && careful.getAndUpdate(n -> Math.max(0, n - 1)) == 0;
                GroupRun run = jdbc.inTransactionIsolationInline(tenant, c -> {
                    GroupRun g = new GroupRun(c, jdbc.dialect(), jdbc.beginIsolationSql(), tenant, sequences, cache.of(tenant),
                            requests, optimisticKeys);
                    last[0] = g;
                    g.execute();
                    return g;
                });
                recordGroup(run, requests.size(), System.nanoTime() - start); // before its callers are released
                alone = run.complete();
                stats.wrote(run.rowsWritten());
                if (log.isDebugEnabled()) {
                    log.debug("group of {} committed in {} us", requests.size(), (System.nanoTime() - start) / 1000);
                }
                break;
            } catch (OutcomeUnknownException e) {
                // The group's commit may have landed. Never rerun it here: each caller gets the
                // unknown outcome and resolves it by its own identity (LedgerService reruns it with
                // look-ups, see Reruns). Units set aside to run alone were not in that commit.
                log.warn("group of {} has an unknown commit outcome; its callers resolve it by identity", requests.size());
                alone = last[0] == null ? List.of() : last[0].failUnknown(e);
                if (last[0] == null) {
                    requests.forEach(r -> r.fail(e));
                }
                break;
            } catch (StorageException e) {
                // Not committed (Jdbc reports only provable rollbacks this way): rerunning is safe.
                if (isUniqueViolation(e) && attempt < UNIQUE_RACE_ATTEMPTS) {
                    careful.set(CAREFUL_GROUPS);
                    log.debug("group of {} hit a unique key (a replayed idempotency key or a race); rerunning it", requests.size());
                    continue;
                }
                log.debug("group of {} failed ({}); running each work alone", requests.size(), e.getMessage());
                alone = requests;
                break;
            } catch (RuntimeException | Error e) {
                log.warn("group of {} failed unexpectedly; running each work alone", requests.size(), e);
                alone = requests;
                break;
            }
        }
        for (GroupRequest r : alone) {
            if (r.isDone()) {
                continue;
            }
            try {
                r.succeed(runAlone(jdbc, sequences, cache, tenant, r.work)); // counts its own numbers
            } catch (RuntimeException | Error e) {
                r.fail(e);
            }
        }
    }

    /**
     * The group's numbers: its size, its time, its entries and the typed errors of the units it
     * answered itself (units run alone are counted by {@link Jdbc} or {@link #runAlone}).
     */
    private void recordGroup(GroupRun run, int size, long nanos) {
        MetricsRecorder metrics = jdbc.metrics();
        metrics.sample(Meters.LEDGER_GROUP_SIZE, size);
        metrics.time(Meters.LEDGER_GROUP_COMMIT, nanos);
        metrics.count(Meters.LEDGER_ENTRIES_POSTED, run.entriesWritten());
        for (Throwable failure : run.answeredFailures()) {
            recordError(metrics, failure);
        }
    }

    /** A typed error (or an engine's rule rejection, typed once it leaves the store) for the metrics. */
    private static void recordError(MetricsRecorder metrics, Throwable failure) {
        if (failure instanceof BackofficeException e) {
            metrics.error(e);
        } else if (failure instanceof Rejection r) {
            metrics.error(r.toException());
        }
    }

    /**
     * Runs one work alone in its own transaction (joining the thread's open one, if any),
     * rerunning it after a unique-key race.
     */
    public static <T> T runAlone(Jdbc jdbc, SequenceBlocks sequences, TenantId tenant,
                                 Function<? super LedgerTx, ? extends T> work) {
        return runAlone(jdbc, sequences, null, tenant, work);
    }

    /**
     * {@link #runAlone(Jdbc, SequenceBlocks, TenantId, Function)} resolving accounts through
     * {@code cache} (null: none), as a group does: a unit joined to a caller's transaction (an
     * invoicing group's batch of entries, say) then finds its accounts with no round trip. What
     * it read from the database enters the cache only after its own commit.
     */
    public static <T> T runAlone(Jdbc jdbc, SequenceBlocks sequences, AccountCache cache, TenantId tenant,
                                 Function<? super LedgerTx, ? extends T> work) {
        boolean joined = jdbc.inTransaction();
        for (int attempt = 1; ; attempt++) {
            try {
                DirectTx[] tx = new DirectTx[1];
                T result = jdbc.inTransaction(tenant, c -> {
                    if (!joined) {
                        LedgerSql.keyLookupPlans(c, jdbc.dialect());
                    }
                    tx[0] = new DirectTx(c, jdbc.dialect(), tenant, sequences, cache == null ? null : cache.of(tenant));
                    return work.apply(tx[0]);
                });
                if (!joined) {
                    tx[0].rememberCommitted();
                }
                if (tx[0].entriesWritten() > 0) {
                    jdbc.metrics().count(Meters.LEDGER_ENTRIES_POSTED, tx[0].entriesWritten());
                }
                return result;
            } catch (Rejection r) {
                recordError(jdbc.metrics(), r); // a typed error is counted by Jdbc; a rejection becomes one later
                throw r;
            } catch (StorageException e) {
                if (!isUniqueViolation(e) || attempt >= UNIQUE_RACE_ATTEMPTS || jdbc.inTransaction()) {
                    throw e;
                }
            }
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
