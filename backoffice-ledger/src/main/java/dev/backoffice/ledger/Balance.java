package dev.backoffice.ledger;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

/**
 * The balance of one account: its four counters as money, and the figures people read.
 *
 * <p>Signed figures are on the account's normal side ({@link AccountType#normalSide()}): an asset
 * with more debits than credits has a positive balance, so has a liability with more credits.
 *
 * @param account        the account id
 * @param code           its chart code
 * @param type           its type
 * @param debitsPosted   posted debits
 * @param creditsPosted  posted credits
 * @param debitsPending  held debits
 * @param creditsPending held credits
 */
public record Balance(AccountId account, String code, AccountType type, Money debitsPosted, Money creditsPosted,
                      Money debitsPending, Money creditsPending) {
    public Balance {
        Check.notNull(account, "account");
        Check.notNull(code, "code");
        Check.notNull(type, "type");
        Check.notNull(debitsPosted, "debitsPosted");
        Check.notNull(creditsPosted, "creditsPosted");
        Check.notNull(debitsPending, "debitsPending");
        Check.notNull(creditsPending, "creditsPending");
    }

    /** The balance of {@code account} with {@code counters}. */
    public static Balance of(Account account, AccountCounters c) {
        var cur = account.currency();
        return new Balance(account.id(), account.code(), account.type(), Money.ofMinor(cur, c.debitsPosted()),
                Money.ofMinor(cur, c.creditsPosted()), Money.ofMinor(cur, c.debitsPending()), Money.ofMinor(cur, c.creditsPending()));
    }

    private boolean debitNormal() {
        return type.normalSide() == Side.DEBIT;
    }

    /** Posted balance on the normal side. */
    public Money posted() {
        return debitNormal() ? MoneyMath.minus(debitsPosted, creditsPosted) : MoneyMath.minus(creditsPosted, debitsPosted);
    }

    /** Held amounts, net, on the normal side (pending debits minus pending credits for a debit-normal account). */
    public Money pending() {
        return debitNormal() ? MoneyMath.minus(debitsPending, creditsPending) : MoneyMath.minus(creditsPending, debitsPending);
    }

    /**
     * What may still be spent: the posted balance minus holds that would reduce it (pending
     * credits of a debit-normal account, pending debits of a credit-normal one). Holds that
     * would increase it do not count, as in TigerBeetle.
     */
    public Money available() {
        return debitNormal() ? MoneyMath.minus(posted(), creditsPending) : MoneyMath.minus(posted(), debitsPending);
    }
}
