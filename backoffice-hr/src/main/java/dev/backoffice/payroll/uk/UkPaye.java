package dev.backoffice.payroll.uk;

import dev.backoffice.payroll.internal.Minor;

import java.math.RoundingMode;

/**
 * The arithmetic of HMRC's PAYE specification, as pure functions on pence (exposed so tests can
 * check them against HMRC's published test data).
 */
public final class UkPaye {
    private UkPaye() {
    }

    /**
     * The pay adjustment (free pay for suffix codes, additional pay for K codes) for one month, in
     * pence: code numbers of 500 and over count as {@code q} units of 500 worth £416.67 a month
     * (£5,000 / 12 rounded up to the penny) plus a remainder {@code r} (1..500) worth
     * {@code (r × 10 + 9) / 12} pounds rounded up to the penny. Code 1257 gives £1,048.26.
     */
    public static long monthlyPayAdjustment(int codeNumber) {
        if (codeNumber <= 0) {
            return 0;
        }
        int q = codeNumber / 500;
        int r = codeNumber % 500;
        if (r == 0) {
            r = 500;
            q -= 1;
        }
        long remainder = Minor.div((r * 10L + 9) * 100, 12, RoundingMode.CEILING);
        long unit = Minor.div(500L * 10 * 100, 12, RoundingMode.CEILING);
        return remainder + q * unit;
    }

    /**
     * Tax due to date on {@code taxablePounds} of taxable pay to date at period {@code n} of
     * {@code periods}: each band's annual upper limit is pro-rated exactly to {@code limit × n /
     * periods}, each slice taxed at its rate, and the total rounded down to the penny.
     *
     * <p>Why exact and not whole pounds: HMRC's Taxable Pay Tables B–D print the period limit
     * rounded <em>up</em> to the pound ({@link #tableLimitPounds}), but only to say which table
     * to use; the tax they give on that whole-pound figure (Tables C, column 3) is computed on the
     * exact pro-rated band. Evidence, both HMRC: Tables B–D (April 2012), monthly, basic-rate band
     * £32,010: column 1 gives £2,668 for month 1 (32,010 / 12 = 2,667.50 rounded up) and column 3
     * gives £533.70 of tax on it = 20% × 2,667.50 + 40% × 0.50, not 20% × 2,668 = £533.60 (month
     * 3: £8,003 and £1,600.70); and HMRC's 2009-10 payroll test data (Notes for payroll software
     * developers, Annex B) give £8,815.33 for code K255 in month 8, which only the exact
     * pro-rating reproduces (whole-pound limits would give £8,815.20 or less). Both are pinned by
     * {@code UkPayeSpecificationTest}.
     *
     * @param upToPounds annual upper limits of taxable pay per band ({@code Long.MAX_VALUE} for the last)
     * @param rateBp     band rates in basis points (20% = 2000)
     * @return tax due to date in pence
     */
    public static long taxDueToDate(long taxablePounds, int n, int periods, long[] upToPounds, long[] rateBp) {
        if (taxablePounds <= 0) {
            return 0;
        }
        // Work in pence × periods so the pro-rated limits are exact integers.
        long scaledPay = Math.multiplyExact(Math.multiplyExact(taxablePounds, 100L), periods);
        long previous = 0;
        long sum = 0; // pence × periods × 10_000
        for (int i = 0; i < upToPounds.length; i++) {
            long limit = upToPounds[i] == Long.MAX_VALUE ? Long.MAX_VALUE : Math.multiplyExact(Math.multiplyExact(upToPounds[i], 100L), n);
            long top = Math.min(scaledPay, limit);
            if (top <= previous) {
                break;
            }
            sum = Math.addExact(sum, Math.multiplyExact(top - previous, rateBp[i]));
            previous = top;
        }
        return Minor.div(sum, (long) periods * 10_000L, RoundingMode.FLOOR);
    }

    /**
     * A band's limit for period {@code n} as HMRC's Taxable Pay Tables B–D print it (column 1):
     * {@code annualPounds × n / periods} rounded up to the whole pound (e.g. £32,010 monthly:
     * 2,668, 5,335, 8,003 ... 32,010, Tables B–D April 2012). It says which table applies; the
     * tax is computed on the exact limit, see {@link #taxDueToDate}.
     */
    public static long tableLimitPounds(long annualPounds, int n, int periods) {
        return -Math.floorDiv(-Math.multiplyExact(annualPounds, (long) n), (long) periods);
    }

    /** Rounds pence down to whole pounds, returning pounds (taxable pay to date, PAYE specification). */
    public static long poundsDown(long pence) {
        return Math.floorDiv(pence, 100);
    }
}
