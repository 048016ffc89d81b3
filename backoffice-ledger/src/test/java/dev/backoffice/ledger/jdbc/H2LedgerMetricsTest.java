package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.FaultyDataSource;
import dev.backoffice.core.testing.RecordingMetrics;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.backoffice.ledger.AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDBC ledger's numbers for an operator (issue #18 item 3), with group commit on and off. */
class H2LedgerMetricsTest {

    private static final CurrencyUnit EUR = CurrencyUnit.EUR;
    private static final LocalDate D1 = LocalDate.of(2026, 3, 1);

    @Test
    void groupCommitsReportTheirSizeTimeEntriesAndTheErrorsTheyAnswered() {
        check(true);
    }

    @Test
    void unitsRunAloneReportTheirEntriesAndErrors() {
        check(false);
    }

    private void check(boolean groupCommit) {
        RecordingMetrics metrics = new RecordingMetrics();
        try (TestDatabase db = StoreKind.H2.openDatabase();
             JdbcLedgerStore store = JdbcLedgerStore.builder(Jdbc.of(db.dataSource()).withMetrics(metrics))
                     .groupCommit(groupCommit).build()) {
            TenantLedger ledger = Ledger.builder().store(store).build().forTenant(TenantId.of("acme"));
            ledger.openAll(List.of(OpenAccount.of("1000", "Cash", AccountType.ASSET, EUR),
                    OpenAccount.of("2010", "Wallet", AccountType.LIABILITY, EUR).flags(DEBITS_MUST_NOT_EXCEED_CREDITS)));
            metrics.clear();
            ledger.post(EntryRequest.builder(D1, "deposit").debit("1000", Money.of(EUR, 10)).credit("2010", Money.of(EUR, 10)).build());
            ledger.post(EntryRequest.builder(D1, "spend").debit("2010", Money.of(EUR, 4)).credit("1000", Money.of(EUR, 4)).build());
            assertThatThrownBy(() -> ledger.post(EntryRequest.builder(D1, "too much")
                    .debit("2010", Money.of(EUR, 100)).credit("1000", Money.of(EUR, 100)).build()))
                    .isInstanceOf(RuleViolationException.class);

            assertThat(metrics.get(Meters.LEDGER_ENTRIES_POSTED)).isEqualTo(2);
            assertThat(metrics.get(Meters.ERRORS + "|code|ledger.insufficient_funds|type|rule")).as(metrics.toString()).isEqualTo(1);
            if (groupCommit) {
                assertThat(metrics.get(Meters.LEDGER_GROUP_COMMIT)).as("groups").isEqualTo(3);
                assertThat(metrics.get(Meters.LEDGER_GROUP_SIZE)).as("units in them").isEqualTo(3);
            } else {
                assertThat(metrics.get(Meters.LEDGER_GROUP_COMMIT)).isZero();
            }
        }
    }

    @Test
    void postsWhoseCommitAcknowledgementWasLostAreCountedAsResolvedByLookup() {
        RecordingMetrics metrics = new RecordingMetrics();
        try (TestDatabase db = StoreKind.H2.openDatabase()) {
            FaultyDataSource faulty = new FaultyDataSource(db.dataSource());
            try (JdbcLedgerStore store = JdbcLedgerStore.builder(Jdbc.of(faulty).withMetrics(metrics)).build()) {
                assertThat(store.metrics()).isSameAs(metrics);
                TenantLedger ledger = Ledger.builder().store(store).build().forTenant(TenantId.of("acme"));
                ledger.openAll(List.of(OpenAccount.of("1000", "Cash", AccountType.ASSET, EUR),
                        OpenAccount.of("4000", "Sales", AccountType.INCOME, EUR)));
                metrics.clear();
                ledger.post(EntryRequest.builder(D1, "answered").debit("1000", Money.of(EUR, 1)).credit("4000", Money.of(EUR, 1)).build());
                assertThat(metrics.get(Meters.OUTCOME_RESOLVED)).as("a first attempt that answers").isZero();

                faulty.loseNextCommitAck(); // landed, not told: the rerun finds it by its id
                JournalEntry landed = ledger.post(EntryRequest.builder(D1, "landed").debit("1000", Money.of(EUR, 2))
                        .credit("4000", Money.of(EUR, 2)).build());
                faulty.dropConnectionAtNextCommit(); // not landed, not told: the rerun writes it, once
                JournalEntry rewritten = ledger.post(EntryRequest.builder(D1, "rewritten").debit("1000", Money.of(EUR, 3))
                        .credit("4000", Money.of(EUR, 3)).build());

                assertThat(ledger.entry(landed.id()).description()).isEqualTo("landed");
                assertThat(ledger.entry(rewritten.id()).description()).isEqualTo("rewritten");
                assertThat(ledger.balance("1000").debitsPosted()).isEqualTo(Money.of(EUR, 6));
                assertThat(metrics.get(Meters.OUTCOME_RESOLVED + "|module|ledger")).as(metrics.toString()).isEqualTo(2);
                assertThat(metrics.get(Meters.OUTCOME_UNKNOWN)).isZero();
            }
        }
    }
}
