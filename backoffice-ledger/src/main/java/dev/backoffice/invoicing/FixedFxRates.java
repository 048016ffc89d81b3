package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fixed table of exchange rates, for tests and demos: the days not in the table (weekends,
 * holidays) simply have no rate, so {@link #lastBefore} finds the business day before as a
 * real table would.
 * <pre>{@code
 * FxRates rates = FixedFxRates.builder()
 *         .rate(CurrencyUnit.EUR, PLN, LocalDate.of(2026, 3, 13), "4.2817", "051/A/NBP/2026")
 *         .build();
 * }</pre>
 * Immutable and thread-safe.
 */
public final class FixedFxRates implements FxRates {

    private final Map<String, NavigableMap<LocalDate, FxRate>> table;

    private FixedFxRates(Map<String, NavigableMap<LocalDate, FxRate>> table) {
        this.table = table;
    }

    /** A builder of a table. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<FxRate> lastBefore(CurrencyUnit from, CurrencyUnit to, LocalDate date) {
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        Check.notNull(date, "date");
        NavigableMap<LocalDate, FxRate> rates = table.get(from.getCode() + "/" + to.getCode());
        if (rates == null) {
            return Optional.empty();
        }
        Map.Entry<LocalDate, FxRate> e = rates.lowerEntry(date);
        return e == null ? Optional.empty() : Optional.of(e.getValue());
    }

    /** Builder of {@link FixedFxRates}; not thread-safe. */
    public static final class Builder {
        private final Map<String, NavigableMap<LocalDate, FxRate>> table = new TreeMap<>();

        private Builder() {
        }

        /** The rate of {@code from} in {@code to} published for {@code date} in {@code tableId}. */
        public Builder rate(CurrencyUnit from, CurrencyUnit to, LocalDate date, String rate, String tableId) {
            Check.notNull(rate, "rate");
            FxRate r = new FxRate(from, to, date, new BigDecimal(rate), tableId);
            table.computeIfAbsent(from.getCode() + "/" + to.getCode(), k -> new TreeMap<>()).put(date, r);
            return this;
        }

        /** The table. */
        public FixedFxRates build() {
            Map<String, NavigableMap<LocalDate, FxRate>> copy = new TreeMap<>();
            table.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(v))));
            return new FixedFxRates(java.util.Collections.unmodifiableMap(copy));
        }
    }
}
