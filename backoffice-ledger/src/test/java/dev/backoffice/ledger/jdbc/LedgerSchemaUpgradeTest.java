package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.AccountRef;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryRequest;
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

/**
 * Books written under schema version 1 (every day's totals in {@code ledger_account_day}, none in
 * the account row) stay exact once version 2 keeps the current day in the account row: new
 * postings on a day that already has a snapshot row, and on later days, add up with it.
 */
class LedgerSchemaUpgradeTest {

    private static final LocalDate D1 = LocalDate.of(2026, 3, 2);
    private static final LocalDate D2 = LocalDate.of(2026, 3, 3);
    private static final LocalDate D3 = LocalDate.of(2026, 3, 4);

    private static Money eur(long units) {
        return Money.of(CurrencyUnit.EUR, units);
    }

    private static void post(TenantLedger ledger, LocalDate day, long units) {
        ledger.post(EntryRequest.builder(day, "sale").debit("1000", eur(units)).credit("4000", eur(units)).build());
    }

    @Test
    void versionOneSnapshotsAndTheRowsCurrentDayAddUp(@TempDir Path dir) {
        try (JdbcLedgerStore store = JdbcLedgerStore.embedded(dir.resolve("books"))) {
            TenantLedger ledger = Ledger.builder().store(store).build().forTenant(TenantId.of("acme"));
            ledger.openAll(List.of(OpenAccount.of("1000", "Bank", AccountType.ASSET, CurrencyUnit.EUR),
                    OpenAccount.of("4000", "Sales", AccountType.INCOME, CurrencyUnit.EUR)));
            post(ledger, D1, 10);
            post(ledger, D2, 20);

            // what a version-1 database looks like right after the V2 migration: the latest day in
            // ledger_account_day as well, the new columns at their defaults
            store.jdbc().inTransactionRun(c -> {
                Jdbc.update(c, "INSERT INTO ledger_account_day (tenant_id, account_id, value_date, closing, debits_posted, "
                        + "credits_posted, debits_pending, credits_pending) SELECT tenant_id, account_id, day_date, FALSE, "
                        + "day_debits_posted, day_credits_posted, day_debits_pending, day_credits_pending FROM ledger_account "
                        + "WHERE day_date IS NOT NULL");
                Jdbc.update(c, "UPDATE ledger_account SET day_date = NULL, day_debits_posted = 0, day_credits_posted = 0, "
                        + "day_debits_pending = 0, day_credits_pending = 0");
            });
            assertThat(ledger.balance(AccountRef.code("1000"), D2).posted()).isEqualTo(eur(30));

            post(ledger, D2, 5);   // the same day as a version-1 snapshot row
            post(ledger, D3, 7);   // a later day: the row's day rolls over into that snapshot row
            post(ledger, D1, 1);   // back-dated

            assertThat(ledger.balance(AccountRef.code("1000"), D1).posted()).isEqualTo(eur(11));
            assertThat(ledger.balance(AccountRef.code("1000"), D2).posted()).isEqualTo(eur(36));
            assertThat(ledger.balance(AccountRef.code("1000"), D3).posted()).isEqualTo(eur(43));
            assertThat(ledger.balance(AccountRef.code("4000"), D3).posted()).isEqualTo(eur(43)); // an income account shows its credit balance
            LedgerBooks.assertExact(store.jdbc(), "acme");
        }
    }
}
