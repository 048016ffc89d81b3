package dev.backoffice.ledger;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

/**
 * One line of a journal entry being requested: debit or credit {@code amount} to an account.
 * The amount must be positive and in the account's currency (checked when posted).
 *
 * @param account the account, by code or id
 * @param side    debit or credit
 * @param amount  the amount, positive
 */
public record Posting(AccountRef account, Side side, Money amount) {
    public Posting {
        Check.notNull(account, "account");
        Check.notNull(side, "side");
        Check.notNull(amount, "amount");
    }

    /** Debit {@code amount} to the account with chart code {@code code}. */
    public static Posting debit(String code, Money amount) {
        return new Posting(AccountRef.code(code), Side.DEBIT, amount);
    }

    /** Credit {@code amount} to the account with chart code {@code code}. */
    public static Posting credit(String code, Money amount) {
        return new Posting(AccountRef.code(code), Side.CREDIT, amount);
    }

    /** Debit {@code amount} to account {@code id}. */
    public static Posting debit(AccountId id, Money amount) {
        return new Posting(AccountRef.id(id), Side.DEBIT, amount);
    }

    /** Credit {@code amount} to account {@code id}. */
    public static Posting credit(AccountId id, Money amount) {
        return new Posting(AccountRef.id(id), Side.CREDIT, amount);
    }

    /** A posting on {@code side}. */
    public static Posting of(AccountRef account, Side side, Money amount) {
        return new Posting(account, side, amount);
    }
}
