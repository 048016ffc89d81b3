package dev.backoffice.ledger.internal;

import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.ReportLine;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rolls balances up the account tree for one currency (children have their parent's type and currency). */
final class ReportBuilder {

    private final CurrencyUnit currency;
    private final Map<AccountId, List<Account>> children = new HashMap<>();
    private final List<Account> roots = new ArrayList<>();
    private final Map<AccountId, AccountCounters> counters;
    private final Map<AccountId, Long> totals = new HashMap<>();

    ReportBuilder(List<Account> chart, Map<AccountId, AccountCounters> counters, CurrencyUnit currency) {
        this.currency = currency;
        this.counters = counters;
        for (Account a : chart) { // ordered by code, so children lists are too
            if (!a.currency().equals(currency)) {
                continue;
            }
            if (a.parent().isPresent()) {
                children.computeIfAbsent(a.parent().get(), k -> new ArrayList<>()).add(a);
            } else {
                roots.add(a);
            }
        }
    }

    private long own(Account a) {
        AccountCounters c = counters.get(a.id());
        return c == null ? 0 : LedgerEngine.normalBalance(a.type(), c);
    }

    private long total(Account a) {
        Long cached = totals.get(a.id());
        if (cached != null) {
            return cached;
        }
        long t = own(a);
        for (Account child : children.getOrDefault(a.id(), List.of())) {
            t = Math.addExact(t, total(child));
        }
        totals.put(a.id(), t);
        return t;
    }

    /** Lines of {@code type} in tree order, skipping subtrees with nothing in them. */
    List<ReportLine> lines(AccountType type) {
        List<ReportLine> out = new ArrayList<>();
        for (Account r : roots) {
            if (r.type() == type) {
                walk(r, 0, out);
            }
        }
        return out;
    }

    private void walk(Account a, int depth, List<ReportLine> out) {
        if (total(a) == 0 && !hasActivity(a)) {
            return;
        }
        out.add(new ReportLine(a.id(), a.code(), a.name(), depth, Money.ofMinor(currency, own(a)), Money.ofMinor(currency, total(a))));
        for (Account c : children.getOrDefault(a.id(), List.of())) {
            walk(c, depth + 1, out);
        }
    }

    private boolean hasActivity(Account a) {
        if (counters.containsKey(a.id())) {
            return true;
        }
        for (Account c : children.getOrDefault(a.id(), List.of())) {
            if (hasActivity(c)) {
                return true;
            }
        }
        return false;
    }

    /** Sum of the top-level accounts of {@code type} (each includes its subtree). */
    long total(AccountType type) {
        long t = 0;
        for (Account r : roots) {
            if (r.type() == type) {
                t = Math.addExact(t, total(r));
            }
        }
        return t;
    }
}
