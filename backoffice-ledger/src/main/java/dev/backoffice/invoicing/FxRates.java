package dev.backoffice.invoicing;

import org.joda.money.CurrencyUnit;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where exchange rates come from: the SPI the caller supplies (a client of the National Bank
 * of Poland's tables, a rates service, a database). {@link FixedFxRates} is a fixed table for
 * tests and demos.
 *
 * <p>The Polish VAT Act (art. 31a ust. 1) converts a foreign-currency tax base at the average
 * rate of the National Bank of Poland of the last business day before the day the tax
 * obligation arises (the tax point). A business day, for this purpose, is a day the bank
 * published a table; so the source answers with the latest rate published strictly before the
 * tax point, and the invoice keeps the rate, its date and its table.
 */
public interface FxRates {

    /**
     * The latest rate from {@code from} to {@code to} published strictly before {@code date}, or
     * empty if none is known. Must be thread-safe and have no side effects: it may be called
     * again when a transaction reruns.
     */
    Optional<FxRate> lastBefore(CurrencyUnit from, CurrencyUnit to, LocalDate date);
}
