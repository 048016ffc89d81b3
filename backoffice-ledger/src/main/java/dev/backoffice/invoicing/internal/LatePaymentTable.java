package dev.backoffice.invoicing.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backoffice.core.json.BackofficeJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A late-payment rate table of one jurisdiction, read from its cited data file
 * {@code dev/backoffice/invoicing/latepayment/<country>.json} (like the payroll parameters).
 *
 * @param jurisdiction    the country
 * @param statute         the statute
 * @param rateRule        {@code PER_HALF_YEAR} (each day at its half-year's rate) or
 *                        {@code FIXED_WHEN_INTEREST_STARTS} (one rate, of the day interest starts)
 * @param rateRuleSource  its source
 * @param dayCountBasis   days in the year of the day count
 * @param margin          the margin over the reference rate
 * @param referenceRates  the reference rates by period
 * @param compensation    the fixed compensation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record LatePaymentTable(String jurisdiction, String statute, String rateRule, String rateRuleSource, int dayCountBasis,
                        Cited margin, List<Rate> referenceRates, Compensation compensation) {

    private static final ObjectMapper JSON = BackofficeJson.newMapper();
    private static final Map<String, LatePaymentTable> TABLES = new ConcurrentHashMap<>();

    /** A cited value. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cited(BigDecimal value, String source) {
    }

    /** A reference rate in force from..to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rate(LocalDate from, LocalDate to, BigDecimal value, String source) {
    }

    /** A compensation band: from {@code min} (inclusive or not) up, {@code amount}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Band(BigDecimal min, boolean minInclusive, BigDecimal amount) {
    }

    /** The fixed compensation. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Compensation(String currency, String thresholdCurrency, String source, String conversion, String conversionSource,
                        List<Band> bands) {

        /** The amount for {@code value} (in the threshold currency). */
        BigDecimal amountFor(BigDecimal value) {
            BigDecimal amount = bands.get(0).amount();
            for (Band b : bands) {
                int c = value.compareTo(b.min());
                if (c > 0 || (c == 0 && b.minInclusive())) {
                    amount = b.amount();
                }
            }
            return amount;
        }
    }

    /** The table of {@code country}, if there is one. */
    static Optional<LatePaymentTable> forCountry(String country) {
        String file = "/dev/backoffice/invoicing/latepayment/" + country.toLowerCase(Locale.ROOT) + ".json";
        if (LatePaymentTable.class.getResource(file) == null) {
            return Optional.empty();
        }
        return Optional.of(TABLES.computeIfAbsent(country, c -> {
            try (InputStream in = LatePaymentTable.class.getResourceAsStream(file)) {
                return JSON.readValue(in, LatePaymentTable.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the late-payment table " + file, e);
            }
        }));
    }

    /** The reference rate in force on {@code day}. */
    Optional<Rate> rateOn(LocalDate day) {
        return referenceRates.stream().filter(r -> !day.isBefore(r.from()) && !day.isAfter(r.to())).findFirst();
    }
}
