package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.ChildJvm;
import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.ledger.AccountFlag;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.Balance;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several application instances on one PostgreSQL: four JVMs, eight threads each, post at once
 * to the same accounts (a fee account every transfer touches, twenty shared accounts, and an
 * overdraft-protected wallet that all of them try to drain).
 */
@RequiresPostgres
class LedgerMultiProcessTest {

    private static final Pattern RESULT = Pattern.compile("RESULT drains=(\\d+) rejected=(\\d+) transfers=(\\d+) failures=(\\d+)");

    @Test
    void fourProcessesKeepTheBooksExactAndNeverOverdrawTheProtectedWallet() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); JdbcLedgerStore store = JdbcLedgerStore.create(db.dataSource())) {
            String tenant = "mp-" + UUID.randomUUID();
            TenantLedger ledger = Ledger.builder().store(store).build().forTenant(TenantId.of(tenant));
            List<OpenAccount> chart = new ArrayList<>(List.of(
                    OpenAccount.of("CASH", "Cash", AccountType.ASSET, CurrencyUnit.EUR),
                    OpenAccount.of("WALLET", "Protected wallet", AccountType.LIABILITY, CurrencyUnit.EUR)
                            .flags(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
                    OpenAccount.of("FEE", "Platform fees", AccountType.INCOME, CurrencyUnit.EUR)));
            for (int i = 0; i < LedgerChildProcess.SHARED_ACCOUNTS; i++) {
                chart.add(OpenAccount.of("S" + i, "Shared " + i, AccountType.ASSET, CurrencyUnit.EUR));
            }
            ledger.openAll(chart);
            Money deposit = Money.of(CurrencyUnit.EUR, 1000);
            ledger.post(EntryRequest.builder(LedgerChildProcess.DAY, "deposit").debit("CASH", deposit).credit("WALLET", deposit).build());

            List<ChildJvm> children = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    children.add(ChildJvm.start(LedgerChildProcess.class, "contend", db.url(), db.user(), db.password(), tenant, "8"));
                }
                long drains = 0;
                long rejected = 0;
                long transfers = 0;
                for (ChildJvm child : children) {
                    assertThat(child.process().waitFor(50, TimeUnit.SECONDS)).as("child finished in time").isTrue();
                    assertThat(child.process().exitValue()).as("child exit; stderr:%n%s", child.errors()).isZero();
                    Matcher m = child.lines().stream().map(RESULT::matcher).filter(Matcher::matches).findFirst()
                            .orElseThrow(() -> new AssertionError("no RESULT line from a child: " + child.lines() + child.errors()));
                    drains += Long.parseLong(m.group(1));
                    rejected += Long.parseLong(m.group(2));
                    transfers += Long.parseLong(m.group(3));
                    assertThat(Long.parseLong(m.group(4))).as("unexpected failures in a child").isZero();
                }
                System.out.printf("[multi-process] 4 JVMs: %d transfers, %d drains, %d drains refused%n", transfers, drains, rejected);
                Balance wallet = ledger.balance("WALLET");
                long walletMinor = deposit.minus(LedgerChildProcess.DRAIN.multipliedBy(drains)).getAmountMinorLong();
                assertThat(drains).as("successful drains").isLessThanOrEqualTo(1000 / 7).isPositive();
                assertThat(rejected).as("drains refused once the wallet was empty").isPositive();
                assertThat(transfers).as("transfers among shared accounts").isPositive();
                assertThat(walletMinor).isNotNegative();
                assertThat(wallet.posted().getAmountMinorLong()).isEqualTo(walletMinor);
                long entries = store.jdbc().inTransaction(c -> dev.backoffice.core.jdbc.Jdbc.queryOne(c,
                        "SELECT COUNT(*) FROM ledger_entry WHERE tenant_id = ?", rs -> rs.getLong(1), tenant).orElseThrow());
                assertThat(entries).as("every success is one entry, every refusal none").isEqualTo(1 + drains + transfers);
                LedgerBooks.assertExact(store.jdbc(), tenant);
            } finally {
                children.forEach(ChildJvm::close);
            }
        }
    }
}
