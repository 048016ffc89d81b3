package dev.backoffice.examples.demo;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.examples.demo.scenario.Scenario;
import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountFlag;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import org.joda.money.CurrencyUnit;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Opens the chart of accounts and posts the scenario's manual journal, idempotently. */
final class BookkeepingStep {

    private BookkeepingStep() {
    }

    /** Opens the accounts this tenant does not have yet; returns how many were opened. */
    static int openChart(TenantLedger ledger, List<Scenario.AccountSpec> chart, CurrencyUnit currency) {
        Set<String> existing = ledger.accounts().stream().map(Account::code).collect(Collectors.toSet());
        List<OpenAccount> missing = new ArrayList<>();
        for (Scenario.AccountSpec spec : chart) {
            if (existing.contains(spec.code())) {
                continue;
            }
            OpenAccount open = OpenAccount.of(spec.code(), spec.name(), AccountType.valueOf(spec.type()), currency);
            if (spec.parent().isPresent()) {
                open = open.parent(spec.parent().get());
            }
            List<String> flags = spec.flags().orElse(List.of());
            if (!flags.isEmpty()) {
                EnumSet<AccountFlag> set = EnumSet.noneOf(AccountFlag.class);
                flags.forEach(f -> set.add(AccountFlag.valueOf(f)));
                open = new OpenAccount(open.id(), open.code(), open.name(), open.type(), open.currency(), open.parent(), set);
            }
            missing.add(open);
        }
        if (!missing.isEmpty()) {
            ledger.openAll(missing); // one transaction: the chart lands whole or not at all
        }
        return missing.size();
    }

    /** Posts the manual journal as one atomic batch; replays return the original entries. */
    static void postJournal(TenantLedger ledger, Scenario.Entity entity, CurrencyUnit currency) {
        List<EntryRequest> entries = new ArrayList<>();
        for (Scenario.JournalSpec spec : entity.journal()) {
            EntryRequest.Builder entry = EntryRequest.builder(spec.date(), spec.description())
                    .idempotencyKey("journal/" + spec.key())
                    .metadata("source", "scenario");
            for (Scenario.LineSpec line : spec.lines()) {
                if (line.debit().isPresent()) {
                    entry.debit(line.account(), MoneyMath.of(currency, line.debit().get(), RoundingMode.UNNECESSARY));
                } else {
                    entry.credit(line.account(), MoneyMath.of(currency, line.credit().orElseThrow(), RoundingMode.UNNECESSARY));
                }
            }
            entries.add(entry.build());
        }
        if (!entries.isEmpty()) {
            ledger.postAll(entries);
        }
    }
}
