package dev.backoffice.ledger;

import dev.backoffice.core.money.MoneyMath;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every account's posted balance as of a day, in a debit or a credit column. For each currency
 * the two columns total the same.
 *
 * @param asOf the day (inclusive)
 * @param rows one row per account with activity, ordered by code
 */
public record TrialBalance(LocalDate asOf, List<Row> rows) {

    public TrialBalance {
        rows = List.copyOf(rows);
    }

    /**
     * One account's line. Exactly one of debit and credit is non-zero (or both zero).
     *
     * @param account the account id
     * @param code    chart code
     * @param name    name
     * @param type    type
     * @param debit   net debit balance, or zero
     * @param credit  net credit balance, or zero
     */
    public record Row(AccountId account, String code, String name, AccountType type, Money debit, Money credit) {
    }

    /** The currencies present. */
    public SortedSet<CurrencyUnit> currencies() {
        SortedSet<CurrencyUnit> set = new TreeSet<>();
        rows.forEach(r -> set.add(r.debit().getCurrencyUnit()));
        return set;
    }

    /** Total of the debit column in {@code currency}. */
    public Money totalDebits(CurrencyUnit currency) {
        Money total = Money.zero(currency);
        for (Row r : rows) {
            if (r.debit().getCurrencyUnit().equals(currency)) {
                total = MoneyMath.plus(total, r.debit());
            }
        }
        return total;
    }

    /** Total of the credit column in {@code currency}. */
    public Money totalCredits(CurrencyUnit currency) {
        Money total = Money.zero(currency);
        for (Row r : rows) {
            if (r.credit().getCurrencyUnit().equals(currency)) {
                total = MoneyMath.plus(total, r.credit());
            }
        }
        return total;
    }

    /** Renders the trial balance as a plain-text table. */
    public String render() {
        StringBuilder sb = new StringBuilder("Trial balance as of " + asOf + "\n");
        for (Row r : rows) {
            sb.append(String.format("%-8s %-30s %15s %15s%n", r.code(), r.name(),
                    r.debit().isZero() ? "" : r.debit().toString(), r.credit().isZero() ? "" : r.credit().toString()));
        }
        for (CurrencyUnit c : currencies()) {
            sb.append(String.format("%-8s %-30s %15s %15s%n", "", "Total " + c, totalDebits(c), totalCredits(c)));
        }
        return sb.toString();
    }

    /** Debit and credit totals per currency. */
    public Map<CurrencyUnit, List<Money>> totals() {
        java.util.TreeMap<CurrencyUnit, List<Money>> m = new java.util.TreeMap<>();
        for (CurrencyUnit c : currencies()) {
            m.put(c, List.of(totalDebits(c), totalCredits(c)));
        }
        return m;
    }
}
