package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An exchange rate as published: one unit of {@code from} is worth {@code rate} units of
 * {@code to}, in the table of {@code date}.
 *
 * @param from  the foreign currency
 * @param to    the currency it is converted into (PLN for a Polish seller)
 * @param date  the business day the rate was published for
 * @param rate  units of {@code to} per unit of {@code from}, positive
 * @param table the publisher's table id (e.g. NBP's {@code 051/A/NBP/2026}), for the invoice
 */
public record FxRate(CurrencyUnit from, CurrencyUnit to, LocalDate date, BigDecimal rate, String table) {
    public FxRate {
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        Check.notNull(date, "date");
        Check.notNull(rate, "rate");
        Check.that(rate.signum() > 0, "rate", "must be positive", rate);
        Check.text(table, "table", 100);
    }
}
