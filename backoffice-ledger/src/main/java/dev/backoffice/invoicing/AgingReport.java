package dev.backoffice.invoicing;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * The aging of the receivables as of a date: every customer's open amounts by how many days
 * past their due date they are on {@link #asOf()}: current (not yet due, or due that day),
 * 1-30, 31-60, 61-90 and over 90 days overdue. One row per customer and currency (amounts of
 * different currencies are never added).
 *
 * <p>From the open amounts as they stand ({@link Invoice#open()}: gross less what payments and
 * credit notes settled) of the invoices issued on or before {@code asOf}; run for today it is
 * the usual report. For a date in the past the amounts are still today's (a payment received
 * after that date already reduced them): it ages today's open items to that date.
 *
 * @param asOf the day the days overdue are counted to
 * @param rows the rows, by customer and currency
 */
public record AgingReport(LocalDate asOf, List<Row> rows) {

    /**
     * One customer's open amounts in one currency.
     *
     * @param customer   the customer key
     * @param currency   the currency
     * @param current    not yet overdue
     * @param days1to30  1 to 30 days overdue
     * @param days31to60 31 to 60 days overdue
     * @param days61to90 61 to 90 days overdue
     * @param over90     more than 90 days overdue
     * @param invoices   how many open invoices
     */
    public record Row(String customer, CurrencyUnit currency, Money current, Money days1to30, Money days31to60, Money days61to90,
                      Money over90, int invoices) {
        public Row {
            Check.notNull(customer, "customer");
            Check.notNull(currency, "currency");
            Check.notNull(current, "current");
            Check.notNull(days1to30, "days1to30");
            Check.notNull(days31to60, "days31to60");
            Check.notNull(days61to90, "days61to90");
            Check.notNull(over90, "over90");
        }

        /** Everything open. */
        public Money total() {
            return MoneyMath.plus(MoneyMath.plus(MoneyMath.plus(current, days1to30), MoneyMath.plus(days31to60, days61to90)), over90);
        }

        /** Everything overdue. */
        public Money overdue() {
            return MoneyMath.minus(total(), current);
        }
    }

    public AgingReport {
        Check.notNull(asOf, "asOf");
        rows = List.copyOf(Check.notNull(rows, "rows"));
    }
}
