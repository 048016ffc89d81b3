package dev.backoffice.ledger.internal;

import dev.backoffice.core.error.StorageException;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.LedgerReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Where one tenant's reports read: the replica when it holds every entry this process wrote for
 * the tenant, the primary otherwise (read-your-writes within the process).
 *
 * <p>The service tells this class about every write it acknowledges ({@link #begin()}, then
 * {@link Write#acknowledged}). An acknowledged entry stays <em>unconfirmed</em> until a report
 * finds it on the replica; a report first looks each unconfirmed entry up there by its sequence
 * (one indexed read each) and is served from the primary when one is missing.
 *
 * <p>Why sequences, not "the replica's highest sequence": sequences are handed out in blocks per
 * process, so a higher sequence on the replica does not prove a lower one is there. And why the
 * set stays small: a replica applies commits in the primary's commit order (PostgreSQL streaming
 * replication does), so when write B began after write A was acknowledged, A committed before B
 * and a replica holding B holds A: A is dropped from the set once B is acknowledged. Only a write
 * that committed during its own call dominates others; an idempotent replay returns an entry
 * committed earlier, so it is kept until confirmed but drops nothing. The set therefore holds
 * about as many entries as there are writes in flight, and is capped at {@link #MAX_UNCONFIRMED}:
 * beyond it reports go to the primary until a later fresh write (which dominates everything
 * dropped) is confirmed.
 *
 * <p>A report that fails on the replica (it is down, or lacks the schema) is run again on the
 * primary: a replica only ever takes load off the primary, it never makes a report fail.
 */
final class ReportSource {

    private static final Logger log = LoggerFactory.getLogger(ReportSource.class);

    /** Most unconfirmed entries kept per tenant (see the class comment). */
    static final int MAX_UNCONFIRMED = 1024;

    private final LedgerReads primary;
    private final LedgerReads replica;
    private final AtomicLong ticks = new AtomicLong();
    /** Acknowledged entries not yet seen on the replica, oldest first. Guarded by {@code this}. */
    private final List<Written> unconfirmed = new ArrayList<>();
    /** When the cap dropped entries: the tick a dominating fresh write must begin after; 0 if none. */
    private long overflowTick;

    /** An acknowledged entry: its sequence and the tick of its acknowledgement. */
    private record Written(long sequence, long ackTick) {
    }

    /** @param replica null when reports read the primary */
    ReportSource(LedgerReads primary, LedgerReads replica) {
        this.primary = primary;
        this.replica = replica;
    }

    /** A write about to start; call before its first attempt. */
    Write begin() {
        return new Write(replica == null ? 0 : ticks.incrementAndGet());
    }

    /**
     * Runs {@code report} on the replica when it holds this process's writes of the tenant,
     * otherwise (or when the replica fails) on the primary.
     */
    <T> T report(Function<LedgerReads, T> report) {
        if (replica == null || !replicaIsCurrent()) {
            return report.apply(primary);
        }
        try {
            return report.apply(replica);
        } catch (StorageException e) {
            log.warn("report failed on the replica ({}); served from the primary", e.getMessage());
            return report.apply(primary);
        }
    }

    private boolean replicaIsCurrent() {
        List<Written> check;
        synchronized (this) {
            if (overflowTick != 0) {
                return false;
            }
            if (unconfirmed.isEmpty()) {
                return true;
            }
            check = List.copyOf(unconfirmed);
        }
        try {
            for (Written w : check) {
                List<JournalEntry> found = replica.journal(w.sequence() - 1, 1);
                if (found.isEmpty() || found.get(0).sequence() != w.sequence()) {
                    return false;
                }
            }
        } catch (StorageException e) {
            log.warn("cannot read the replica ({}); reports are served from the primary", e.getMessage());
            return false;
        }
        synchronized (this) {
            unconfirmed.removeAll(check);
        }
        return true;
    }

    private synchronized void acknowledged(long startTick, boolean fresh, JournalEntry entry) {
        long ack = ticks.incrementAndGet();
        if (fresh) {
            unconfirmed.removeIf(w -> w.ackTick() < startTick); // committed before this one (class comment)
            if (overflowTick != 0 && startTick > overflowTick) {
                overflowTick = 0;
            }
        }
        unconfirmed.add(new Written(entry.sequence(), ack));
        if (unconfirmed.size() > MAX_UNCONFIRMED) {
            unconfirmed.remove(0);
            overflowTick = ticks.incrementAndGet();
        }
    }

    /**
     * One write call of the service. Its work calls {@link #attempt()} at the start of every
     * attempt and {@link #wrote()} when it writes an entry; the service calls
     * {@link #acknowledged} with the entry the call returns.
     */
    final class Write {
        private final long startTick;
        private volatile boolean fresh;

        private Write(long startTick) {
            this.startTick = startTick;
        }

        /** An attempt begins (a rerun forgets what an earlier attempt wrote: it was rolled back). */
        void attempt() {
            fresh = false;
        }

        /** This attempt writes a new entry: if it commits, it commits during this call. */
        void wrote() {
            fresh = true;
        }

        /**
         * The call returned {@code entry} (the last of its entries: a batch commits at once) to
         * its caller; null when it returned none.
         */
        void acknowledged(JournalEntry entry) {
            if (replica != null && entry != null) {
                ReportSource.this.acknowledged(startTick, fresh, entry);
            }
        }
    }
}
