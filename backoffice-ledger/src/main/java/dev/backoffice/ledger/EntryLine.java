package dev.backoffice.ledger;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

/**
 * One stored line of a journal entry, resolved to an account id.
 *
 * @param account the account
 * @param side    debit or credit
 * @param amount  the amount, positive, in the account's currency
 */
public record EntryLine(AccountId account, Side side, Money amount) {
    public EntryLine {
        Check.notNull(account, "account");
        Check.notNull(side, "side");
        Check.notNull(amount, "amount");
    }
}
