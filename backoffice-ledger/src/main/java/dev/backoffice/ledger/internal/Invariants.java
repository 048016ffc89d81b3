package dev.backoffice.ledger.internal;

import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.EntryLine;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Side;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger's internal invariants, checked where a bug would corrupt stored data: every store
 * calls them right before it writes. They are not input validation (the rule engine refuses bad
 * requests with a typed error long before); a failure here means a bug in the SDK, so it throws
 * {@link IllegalStateException} naming the invariant, and the unit of work rolls back with
 * nothing written. They stay on in production (a wrong balance is worse than a failed write) and
 * cost one pass over what is about to be written. Not API.
 */
public final class Invariants {

    private Invariants() {
    }

    /**
     * Every entry in {@code entries} balances per currency: its debits equal its credits in each
     * currency it moves.
     *
     * @throws IllegalStateException naming the first entry and currency that do not balance
     */
    public static void entriesBalance(List<JournalEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry e = entries.get(i);
            List<EntryLine> lines = e.lines();
            if (lines.size() == 2 && lines.get(0).side() != lines.get(1).side()
                    && lines.get(0).amount().equals(lines.get(1).amount())) {
                continue; // the common case, one debit and one credit of one amount: no map needed
            }
            Map<String, BigDecimal> net = new HashMap<>(4);
            for (EntryLine l : lines) {
                BigDecimal amount = l.amount().getAmount();
                net.merge(l.amount().getCurrencyUnit().getCode(), l.side() == Side.DEBIT ? amount : amount.negate(),
                        BigDecimal::add);
            }
            for (Map.Entry<String, BigDecimal> n : net.entrySet()) {
                if (n.getValue().signum() != 0) {
                    throw new IllegalStateException("invariant broken: entry " + e.id() + " does not balance in "
                            + n.getKey() + " (debits - credits = " + n.getValue() + "); nothing was written");
                }
            }
        }
    }

    /**
     * Every account whose counters a unit of work writes was locked (or created) by it.
     *
     * @param written the accounts whose counters are about to be written
     * @param locked  whether the unit of work holds the lock of an account (or created it)
     * @throws IllegalStateException naming the first account written without its lock
     */
    public static void accountsLocked(Collection<AccountId> written, java.util.function.Predicate<AccountId> locked) {
        for (AccountId id : written) {
            if (!locked.test(id)) {
                throw new IllegalStateException("invariant broken: the counters of account " + id
                        + " would be written without its lock; nothing was written");
            }
        }
    }

    /** {@link #accountsLocked(Collection, java.util.function.Predicate)} against a set of locked ids. */
    public static void accountsLocked(Collection<AccountId> written, Set<AccountId> locked) {
        accountsLocked(written, locked::contains);
    }
}
