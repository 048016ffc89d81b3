package dev.backoffice.ledger;

import dev.backoffice.core.validation.Check;

/**
 * An account together with its current counters, as a store keeps them (SPI).
 *
 * @param account  the account
 * @param counters its counters
 */
public record AccountState(Account account, AccountCounters counters) {
    public AccountState {
        Check.notNull(account, "account");
        Check.notNull(counters, "counters");
    }

    /** The same account with {@code newCounters}. */
    public AccountState with(AccountCounters newCounters) {
        return new AccountState(account, newCounters);
    }
}
