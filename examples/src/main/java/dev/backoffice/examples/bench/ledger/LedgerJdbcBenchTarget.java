package dev.backoffice.examples.bench.ledger;

/**
 * A ledger under benchmark: the SDK's JDBC store or the textbook baseline. Accounts are named by
 * index {@code 0..accounts}; index {@code accounts} is the hot account.
 */
interface LedgerJdbcBenchTarget extends AutoCloseable {

    /** A short name for the results. */
    String name();

    /** Creates {@code accounts + 1} accounts (the last one is the hot account). */
    void setUp(int accounts) throws Exception;

    /** Posts one two-posting entry: debit {@code debit}, credit {@code credit}, {@code amount} minor units. */
    void post(int debit, int credit, long amount) throws Exception;

    /** Posts {@code debits.length} two-posting entries atomically. */
    void postBatch(int[] debits, int[] credits, long[] amounts) throws Exception;

    /**
     * Checks the books after a run: every balance equals the sum of its postings and the balances
     * sum to zero. Returns the number of entries stored.
     */
    long verify() throws Exception;

    @Override
    void close();
}
