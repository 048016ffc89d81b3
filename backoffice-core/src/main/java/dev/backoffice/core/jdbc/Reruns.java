package dev.backoffice.core.jdbc;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.OutcomeUnknownException;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.validation.Check;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Resolves an unknown commit outcome ({@link OutcomeUnknownException}) of a unit of work that
 * carries a stable identity, by running it again with that identity.
 *
 * <p>The rule (DESIGN.md section 11): a write whose commit outcome is unknown is never run again
 * blindly. It may be run again when it was given its identity (an entry id, an idempotency key,
 * an expected version) <em>before</em> its first attempt and the rerun looks that identity up
 * first: if the first attempt landed, the rerun finds it and returns the stored result; if it
 * did not, the rerun writes it, once. A unique index on the identity makes this race-free: on
 * PostgreSQL a rerun's insert waits for a first attempt still in flight on the server, then
 * fails on the duplicate, and the store answers it with the stored row.
 *
 * <p>Every other outcome of a rerun passes through: its result, or a business error (the rerun
 * saw the committed state with the identity looked up, so "rejected" then means nothing was
 * written by either attempt). A storage failure of a rerun, however, says nothing about the
 * first attempt: the caller then gets an {@link OutcomeUnknownException} naming the identity to
 * look up.
 *
 * <p>A store that reports metrics runs its writes through an instance made by
 * {@link #metered(MetricsRecorder, String)}: it counts {@link Meters#OUTCOME_RESOLVED} for every
 * call a rerun settled and {@link Meters#OUTCOME_UNKNOWN} for every call it gave back as unknown,
 * tagged with the module. A call whose first attempt answers records nothing, so the common path
 * costs no more than the static {@link #afterUnknownOutcome(Attempt, Supplier)}.
 */
public final class Reruns {

    /** Reruns after the first attempt's unknown outcome, before giving the question back to the caller. */
    public static final int MAX_RERUNS = 3;

    private static final Reruns UNMETERED = new Reruns(MetricsRecorder.NONE, "none");

    private final MetricsRecorder metrics;
    private final String module;

    private Reruns(MetricsRecorder metrics, String module) {
        this.metrics = metrics;
        this.module = module;
    }

    /**
     * Reruns that count what they settle through {@code metrics}, tagged {@code module=<module>}.
     *
     * @param metrics where the counts go ({@link MetricsRecorder#NONE} records nothing)
     * @param module  the tag value naming the calling module, e.g. "ledger" (low cardinality: a
     *                constant, never a tenant or an id)
     */
    public static Reruns metered(MetricsRecorder metrics, String module) {
        return new Reruns(Check.notNull(metrics, "metrics"), Check.notBlank(module, "module"));
    }

    /** One attempt of a unit of work. */
    @FunctionalInterface
    public interface Attempt<T> {
        /**
         * Runs the work once.
         *
         * @param rerun false on the first attempt; true when an earlier attempt's outcome is
         *              unknown, so the work must look its identity up before writing (a first
         *              attempt may skip that look-up when its identity is fresh: nobody can have
         *              stored it yet)
         */
        T run(boolean rerun);
    }

    /**
     * Runs {@code attempt}, and after an unknown outcome runs it again (up to {@value #MAX_RERUNS}
     * times, with a short backoff) as a rerun, as the class comment explains.
     *
     * @param identity what the work writes and how to look it up, for the exception that
     *                 reports an outcome left unknown (e.g. "entry 0193...: read it with entry(id)")
     * @throws OutcomeUnknownException when no rerun could settle the question
     */
    public static <T> T afterUnknownOutcome(Attempt<T> attempt, Supplier<String> identity) {
        return UNMETERED.run(attempt, identity);
    }

    /**
     * As {@link #afterUnknownOutcome(Attempt, Supplier)}, counting a call a rerun settled
     * ({@link Meters#OUTCOME_RESOLVED}: its result, or a business error) and a call given back as
     * unknown ({@link Meters#OUTCOME_UNKNOWN}); a first attempt that answers records nothing.
     *
     * @param identity what the work writes and how to look it up, for the exception that
     *                 reports an outcome left unknown
     * @throws OutcomeUnknownException when no rerun could settle the question
     */
    public <T> T run(Attempt<T> attempt, Supplier<String> identity) {
        Check.notNull(attempt, "attempt");
        Check.notNull(identity, "identity");
        OutcomeUnknownException unknown;
        try {
            return attempt.run(false);
        } catch (OutcomeUnknownException e) {
            unknown = e;
        }
        for (int rerun = 1; rerun <= MAX_RERUNS; rerun++) {
            LockSupport.parkNanos(RetryPolicy.DEFAULT.backoffNanos(rerun + 2)); // let a failover settle
            T settled;
            try {
                settled = attempt.run(true);
            } catch (OutcomeUnknownException e) {
                unknown.addSuppressed(e);
                continue;
            } catch (StorageException e) {
                // the rerun failed before writing: the first attempt is as unknown as before
                unknown.addSuppressed(e);
                continue;
            } catch (BackofficeException e) {
                // the rerun saw the committed state with the identity looked up: a true answer
                metrics.count(Meters.OUTCOME_RESOLVED, 1, "module", module);
                throw e;
            }
            metrics.count(Meters.OUTCOME_RESOLVED, 1, "module", module);
            return settled;
        }
        metrics.count(Meters.OUTCOME_UNKNOWN, 1, "module", module);
        throw new OutcomeUnknownException(identity.get(), unknown);
    }
}
