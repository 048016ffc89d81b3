package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.AccountFlag;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The code of the README's JDBC tour (backoffice-ledger/README.md), compiled and run. */
class JdbcLedgerTourTest {

    @Test
    void theEmbeddedLedgerSurvivesARestart(@TempDir Path dir) {
        // --- tour: start ---
        Path file = dir.resolve("books");                                  // H2 file: books.mv.db
        try (JdbcLedgerStore store = JdbcLedgerStore.embedded(file)) {       // installs db/ledger/V1__ledger.sql
            TenantLedger acme = Ledger.builder().store(store).build().forTenant(TenantId.of("acme"));
            acme.openAll(List.of(
                    OpenAccount.of("1000", "Bank", AccountType.ASSET, CurrencyUnit.EUR),
                    OpenAccount.of("2010", "Customer wallet", AccountType.LIABILITY, CurrencyUnit.EUR)
                            .flags(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
            Money ten = Money.of(CurrencyUnit.EUR, 10);
            JournalEntry deposit = acme.post(EntryRequest.builder(LocalDate.of(2026, 3, 1), "Top-up")
                    .debit("1000", ten).credit("2010", ten).idempotencyKey("topup-42").build());
            // A retry with the same key returns the original entry and writes nothing.
            assertThat(acme.post(EntryRequest.builder(LocalDate.of(2026, 3, 1), "Top-up")
                    .debit("1000", ten).credit("2010", ten).idempotencyKey("topup-42").build())).isEqualTo(deposit);
        }
        // For PostgreSQL: JdbcLedgerStore.create(dataSource), or builder(dataSource).installSchema(false) with Flyway.
        try (JdbcLedgerStore reopened = JdbcLedgerStore.embedded(file)) {
            TenantLedger acme = Ledger.builder().store(reopened).build().forTenant(TenantId.of("acme"));
            assertThat(acme.balance("2010").posted()).isEqualTo(Money.of(CurrencyUnit.EUR, 10));
        }
        // --- tour: end ---
    }
}
