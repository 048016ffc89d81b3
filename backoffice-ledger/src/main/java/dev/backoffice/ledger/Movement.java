package dev.backoffice.ledger;

import dev.backoffice.core.validation.Check;

import java.time.LocalDate;

/**
 * The effect of one entry on one counter of one account: store-level row (SPI). Summing the
 * movements of an account reproduces its {@link AccountCounters}; summing those dated on or
 * before a day gives the counters as of that day. Produced by the rule engine, stored and read
 * back by {@link LedgerStore}s.
 *
 * @param sequence      the entry's sequence
 * @param entryId       the entry
 * @param index         position within the entry's movements (0-based)
 * @param account       the account
 * @param effectiveDate the entry's value date
 * @param kind          the entry's kind
 * @param side          debit or credit counter
 * @param pending       whether the pending (true) or posted (false) counter moves
 * @param amount        minor units; negative only when a hold is released
 */
public record Movement(long sequence, EntryId entryId, int index, AccountId account, LocalDate effectiveDate,
                       EntryKind kind, Side side, boolean pending, long amount) {
    public Movement {
        Check.notNull(entryId, "entryId");
        Check.notNull(account, "account");
        Check.notNull(effectiveDate, "effectiveDate");
        Check.notNull(kind, "kind");
        Check.notNull(side, "side");
    }
}
