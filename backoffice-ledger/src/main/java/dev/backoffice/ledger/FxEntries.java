package dev.backoffice.ledger;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Builds the postings of a currency exchange so that the entry balances in each currency,
 * through a pair of FX (trading) accounts, one per currency:
 * <pre>
 *   credit source        amount          (source currency)
 *   debit  fxSource      amount          (source currency)
 *   credit fxTarget      amount * rate   (target currency)
 *   debit  target        amount * rate   (target currency)
 * </pre>
 * The FX accounts' balances then show the position taken in each currency (revaluing them is
 * an ordinary entry).
 */
public final class FxEntries {
    private FxEntries() {
    }

    /**
     * The four postings moving {@code amount} from {@code source} to {@code target} at
     * {@code rate} (units of the target currency per unit of the source currency), rounding the
     * converted amount to the target currency's scale with {@code rounding}.
     *
     * @param source   account credited with {@code amount} (source currency)
     * @param fxSource trading account in the source currency
     * @param fxTarget trading account in the target currency
     * @param target   account receiving the converted amount
     * @return the postings, to add with {@link EntryRequest.Builder#postings(List)}
     */
    public static List<Posting> exchange(AccountRef source, AccountRef fxSource, Money amount, BigDecimal rate,
                                         CurrencyUnit targetCurrency, RoundingMode rounding, AccountRef fxTarget,
                                         AccountRef target) {
        Check.notNull(source, "source");
        Check.notNull(fxSource, "fxSource");
        Check.notNull(amount, "amount");
        Check.notNull(rate, "rate");
        Check.that(rate.signum() > 0, "rate", "must be greater than zero", rate);
        Check.notNull(targetCurrency, "targetCurrency");
        Check.notNull(rounding, "rounding");
        Check.notNull(fxTarget, "fxTarget");
        Check.notNull(target, "target");
        Check.that(!amount.getCurrencyUnit().equals(targetCurrency), "targetCurrency", "must differ from the amount's currency",
                targetCurrency);
        Money converted = MoneyMath.of(targetCurrency, amount.getAmount().multiply(rate), rounding);
        return List.of(Posting.of(source, Side.CREDIT, amount), Posting.of(fxSource, Side.DEBIT, amount),
                Posting.of(fxTarget, Side.CREDIT, converted), Posting.of(target, Side.DEBIT, converted));
    }
}
