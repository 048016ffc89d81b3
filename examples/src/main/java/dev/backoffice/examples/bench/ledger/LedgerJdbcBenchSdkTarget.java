package dev.backoffice.examples.bench.ledger;

import javax.sql.DataSource;

/** The SDK's JDBC ledger store under benchmark (wired once the store lands). */
final class LedgerJdbcBenchSdkTarget {

    private LedgerJdbcBenchSdkTarget() {
    }

    static LedgerJdbcBenchTarget create(DataSource dataSource) {
        throw new UnsupportedOperationException("the SDK target is not wired yet");
    }
}
