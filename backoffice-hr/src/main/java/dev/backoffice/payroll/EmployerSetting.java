package dev.backoffice.payroll;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One value an employer (tenant) sets for its payroll, in force from a date until the next
 * setting of the same key: e.g. its own accident-insurance rate notified by ZUS for each
 * contribution year ({@link #POLISH_ACCIDENT_RATE}).
 *
 * @param key           what is set, e.g. {@link #POLISH_ACCIDENT_RATE}
 * @param effectiveFrom first day it applies (compared with the run's pay date)
 * @param value         the value, e.g. {@code 0.93} for a rate of 0.93%
 * @param source        where it comes from, shown on the payslip line (e.g. "ZUS notice of 2025-04-20"), 1 to 200 characters
 */
public record EmployerSetting(String key, LocalDate effectiveFrom, BigDecimal value, String source) {

    /**
     * The Polish accident-insurance (wypadkowe) rate of the employer, in percent of the social
     * insurance base. ZUS sets or confirms it for each contribution year, 1 April to 31 March
     * (ustawa z 30.10.2002 o ubezpieczeniu społecznym z tytułu wypadków przy pracy i chorób
     * zawodowych, art. 27–34; rozporządzenie MPiPS z 29.11.2002, załącznik nr 1). Without a
     * setting the payroll uses the statutory default of the parameter file (1.67%, art. 28
     * ust. 3a). Accepted values: more than 0 and at most 10, with at most 2 decimals (the bound
     * guards against typing 167 for 1.67; it is not a statutory limit).
     */
    public static final String POLISH_ACCIDENT_RATE = "pl.accident.rate";

    private static final BigDecimal MAX_RATE = BigDecimal.TEN;

    public EmployerSetting {
        Check.notBlank(key, "key");
        Check.notNull(effectiveFrom, "effectiveFrom");
        Check.notNull(value, "value");
        Check.text(source, "source", PayrollLimits.MAX_SOURCE_LENGTH);
        if (POLISH_ACCIDENT_RATE.equals(key)
                && (value.signum() <= 0 || value.compareTo(MAX_RATE) > 0 || value.stripTrailingZeros().scale() > 2)) {
            throw PayrollErrorCode.INVALID_SETTING.invalid("value",
                    "the accident-insurance rate is a percentage above 0 and at most 10 with at most 2 decimals", value);
        }
    }

    /** A setting of {@code key} to {@code value} from {@code effectiveFrom}, with its source. */
    public static EmployerSetting of(String key, LocalDate effectiveFrom, BigDecimal value, String source) {
        return new EmployerSetting(key, effectiveFrom, value, source);
    }

    /**
     * The employer's Polish accident-insurance rate from a date, e.g.
     * {@code polishAccidentRate(LocalDate.of(2025, 4, 1), "0.93", "ZUS notice 2025")}.
     *
     * @throws InvalidRequestException {@code payroll.not_a_number} if {@code percent} is not a
     *         number, {@code payroll.invalid_setting} if it is out of range
     */
    public static EmployerSetting polishAccidentRate(LocalDate effectiveFrom, String percent, String source) {
        return new EmployerSetting(POLISH_ACCIDENT_RATE, effectiveFrom, dev.backoffice.payroll.internal.Numbers.decimal(percent, "percent"), source);
    }

    /** "key=value from date (source)", as shown in a payslip line's parameter. */
    public String describe() {
        return "employer setting " + key + "=" + value.toPlainString() + " from " + effectiveFrom + " (" + source + ")";
    }
}
