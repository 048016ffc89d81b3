package dev.backoffice.examples.glue;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.examples.demo.scenario.Scenario;
import dev.backoffice.examples.demo.scenario.ScenarioLoader;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import org.joda.money.CurrencyUnit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A ledger with the demo scenario's chart, for glue tests. */
final class GlueFixtures {

    static final Scenario SCENARIO = ScenarioLoader.builtIn();
    static final PostingAccounts ACCOUNTS = new PostingAccounts(SCENARIO.postingAccounts());

    private GlueFixtures() {
    }

    static TenantLedger ledgerWithChart(CurrencyUnit currency, AdjustableClock clock) {
        TenantLedger ledger = Ledger.builder().store(InMemoryLedgerStore.create()).clock(clock).build()
                .forTenant(TenantId.of("glue-" + UUID.randomUUID()));
        List<OpenAccount> chart = new ArrayList<>();
        for (Scenario.AccountSpec a : SCENARIO.chartOfAccounts()) {
            OpenAccount open = OpenAccount.of(a.code(), a.name(), AccountType.valueOf(a.type()), currency);
            chart.add(a.parent().map(open::parent).orElse(open));
        }
        ledger.openAll(chart);
        return ledger;
    }

    static AdjustableClock clock() {
        return AdjustableClock.startingAt(Instant.parse("2026-03-31T12:00:00Z"));
    }
}
