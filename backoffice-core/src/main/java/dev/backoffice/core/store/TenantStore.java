package dev.backoffice.core.store;

import java.util.function.Function;

/**
 * One tenant's slice of a domain store: a read view and a write unit.
 *
 * <p>The rules every domain store follows:
 * <ul>
 *   <li>{@link #read()} answers committed data. Each read is consistent on its own (one
 *       statement or one read transaction); two reads need not see the same snapshot.</li>
 *   <li>{@link #write(Function)} runs {@code work} in one transaction: everything it writes
 *       lands, or nothing does. Reads made through the write unit see its own writes, and the
 *       rows it locks stay locked until the commit. On a JDBC store called inside a transaction
 *       of the same {@code Jdbc} (or a host's transaction), the write joins it instead of
 *       committing on its own.</li>
 *   <li>A write may be run again after a serialization failure or a lost commit
 *       acknowledgement, so {@code work} must do nothing but read and write through its unit
 *       (no side effects outside it) and must compute its answer from what it reads. A store
 *       whose writes carry a stable identity looks that identity up when it reruns; one that
 *       cannot tell throws {@code storage.outcome_unknown}.</li>
 * </ul>
 *
 * @param <R> the read view
 * @param <W> the write unit; it reads too, through the same transaction
 */
public interface TenantStore<R extends TenantReads, W extends TenantReads> extends TenantReads {

    /** Reads of committed data of this tenant. */
    R read();

    /**
     * Runs {@code work} in one transaction of this tenant and returns its answer.
     *
     * @throws dev.backoffice.core.error.BackofficeException what {@code work} throws (nothing of
     *         it lands), or a storage error
     */
    <T> T write(Function<? super W, ? extends T> work);
}
