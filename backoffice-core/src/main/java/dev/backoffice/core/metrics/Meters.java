package dev.backoffice.core.metrics;

/**
 * The meters the SDK records through a {@link MetricsRecorder}: what an operator watches. Names
 * follow Micrometer's dotted convention (a Prometheus registry shows
 * {@code backoffice_ledger_entries_posted_total} and so on).
 */
public final class Meters {

    /** Counter: ledger entries written (by the JDBC ledger; inside a host transaction, its rollback takes them back). */
    public static final String LEDGER_ENTRIES_POSTED = "backoffice.ledger.entries.posted";

    /** Distribution: units of work (posts, batches, account changes) per group commit of the JDBC ledger. */
    public static final String LEDGER_GROUP_SIZE = "backoffice.ledger.group.size";

    /** Timer: one group commit of the JDBC ledger, from the transaction's start to its commit. */
    public static final String LEDGER_GROUP_COMMIT = "backoffice.ledger.group.commit";

    /** Timer: the {@code COMMIT} of one of the SDK's own transactions (tag {@code kind}: write or read). */
    public static final String JDBC_COMMIT = "backoffice.jdbc.commit";

    /**
     * Counter: transactions run again after a serialization failure, deadlock, lost connection
     * or read-only server (tag {@code sqlstate}). A steady rate means contention on hot rows.
     */
    public static final String JDBC_RETRIES = "backoffice.jdbc.retries";

    /** Counter: SDK transactions that ran inside the host application's transaction. */
    public static final String JDBC_HOST_TRANSACTIONS = "backoffice.jdbc.host.transactions";

    /**
     * Counter: typed errors that ended an SDK transaction or a ledger unit of work (tags
     * {@code code}, the stable error code, and {@code type}: invalid, not_found, conflict, rule,
     * storage). Errors an API door raises before any transaction (a malformed request) are not
     * among them; a storage failure the SDK resolved itself (a ledger group rerun after a
     * unique-key race) is.
     */
    public static final String ERRORS = "backoffice.errors";

    /** Counter: conflicts (stale versions, idempotency mismatches), by {@code code}; a subset of {@link #ERRORS}. */
    public static final String CONFLICTS = "backoffice.conflicts";

    /** Counter: documents disposed of by a disposition run (for a {@code DispositionObserver} to record). */
    public static final String DOCS_DISPOSED = "backoffice.docs.disposed";

    /**
     * Timer: a payroll run computed ({@code step=preview}) or computed and approved
     * ({@code step=approve}), by {@code jurisdiction}; recorded when the call returns a run.
     */
    public static final String PAYROLL_RUN = "backoffice.payroll.run";

    /**
     * Counter: calls whose commit acknowledgement was lost ({@code storage.outcome_unknown} from
     * the first attempt) and that a rerun then settled by looking their identity up, so the caller
     * got the one true answer (its result, or the business error the committed state gives), by
     * {@code module} (ledger, orders, payroll, ...). Recorded by
     * {@link dev.backoffice.core.jdbc.Reruns}; nothing is recorded for a call whose first attempt
     * answered. Its rate shows how often failovers or broken connections cut a commit.
     */
    public static final String OUTCOME_RESOLVED = "backoffice.outcome.resolved";

    /**
     * Counter: calls answered {@code storage.outcome_unknown}, by {@code module}: the commit
     * outcome was lost and no look-up could settle it (the reruns failed too, or the write has no
     * identity to look up, like an audit append). The caller must look the work up itself.
     */
    public static final String OUTCOME_UNKNOWN = "backoffice.outcome.unknown";

    private Meters() {
    }

    /** A line for humans about the meter {@code name} (empty for an unknown name). */
    public static String description(String name) {
        return switch (name) {
            case LEDGER_ENTRIES_POSTED -> "Ledger entries written";
            case LEDGER_GROUP_SIZE -> "Units of work per ledger group commit";
            case LEDGER_GROUP_COMMIT -> "Ledger group commit, start to commit";
            case JDBC_COMMIT -> "COMMIT of an SDK transaction";
            case JDBC_RETRIES -> "SDK transactions run again after a retryable failure";
            case JDBC_HOST_TRANSACTIONS -> "SDK transactions inside the host application's transaction";
            case ERRORS -> "Typed errors that ended an SDK transaction";
            case CONFLICTS -> "Conflicts (stale versions, idempotency mismatches)";
            case DOCS_DISPOSED -> "Documents disposed of";
            case PAYROLL_RUN -> "Payroll run, computed (preview) or computed and approved";
            case OUTCOME_RESOLVED -> "Calls whose lost commit outcome a rerun settled by looking their identity up";
            case OUTCOME_UNKNOWN -> "Calls answered storage.outcome_unknown";
            default -> "";
        };
    }
}
