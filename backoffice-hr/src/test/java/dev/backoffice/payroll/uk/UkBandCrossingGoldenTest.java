package dev.backoffice.payroll.uk;

import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.UkTaxProfile;
import dev.backoffice.payroll.Bonus;
import dev.backoffice.payroll.PayrollHarness;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.PeriodInput;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden cases for issue #14 item 4 (UK): pay into the higher and additional rate bands in
 * months 1, 2, 6, 7 and 12, derived by hand. Tax year 2025/26, rUK bands (HMRC "Rates and
 * thresholds for employers 2025 to 2026"): 20% up to £37,700 of taxable pay, 40% to £125,140,
 * 45% above.
 *
 * <p>The rule followed (HMRC PAYE specification / Taxable Pay Tables B–D, checked in
 * {@link UkPayeSpecificationTest}): taxable pay to date rounded down to the pound; each band
 * limit of period n is {@code annual × n / 12} <em>exactly</em> (the tables round it up to the
 * pound only to choose the table, and their tax on that figure is computed on the exact limit);
 * tax due to date rounded down to the penny. Code 1257L frees £1,048.26 a month.
 *
 * <p>Month 1 into the higher band is where a whole-pound limit would differ: 20% × 3,142 +
 * 40% × 809 = £952.00 for taxable £3,951, against £952.06 by the tables (20% × 3,141.6667 + 40% ×
 * 809.3333 = 952.0667). A figure "a few pence" off in month 1 is that difference.
 */
class UkBandCrossingGoldenTest {

    private final PayrollHarness h = new PayrollHarness();
    private static final LocalDate BORN = LocalDate.of(1980, 3, 3);

    private static String due(Payslip p) {
        return p.amount(UkLineCodes.TAX_DUE_TO_DATE).getAmount().toPlainString();
    }

    private static String tax(Payslip p) {
        return p.amount(UkLineCodes.PAYE).getAmount().toPlainString();
    }

    /**
     * £6,000 a month on 1257L, cumulative: into the higher band from month 1.
     * <pre>
     * month 1: 6000 − 1048.26 = 4951.74 → 4951; limit 37700/12 = 3141.6667
     *          20% × 3141.6667 = 628.3333; 40% × (4951 − 3141.6667) = 723.7333; → 1352.0667 → 1,352.06
     * month 2: 12000 − 2096.52 = 9903.48 → 9903; limit 6283.3333
     *          1256.6667 + 40% × 3619.6667 (1447.8667) = 2704.5333 → 2,704.53; month 2704.53 − 1352.06 = 1,352.47
     * month 5: 30000 − 5241.30 = 24758.70 → 24758; limit 15708.3333 → 3141.6667 + 3619.8667 = 6,761.53
     * month 6: 36000 − 6289.56 = 29710.44 → 29710; limit 18850 → 3770 + 40% × 10860 (4344) = 8,114.00; month 1,352.47
     * month 11: 66000 − 11530.86 = 54469.14 → 54469; limit 34558.3333 → 6911.6667 + 7964.2667 = 14,875.93
     * month 12: 72000 − 12579.12 = 59420.88 → 59420; limit 37700 → 7540 + 40% × 21720 (8688) = 16,228.00; month 1,352.07
     * </pre>
     */
    @Test
    void higher_band_from_month_1_over_the_year() {
        h.hire(UkTaxProfile.of("1257L", "A"), BORN, LocalDate.of(2024, 1, 1), "GBP 6000.00");
        List<Payslip> y = h.approveMonths("GB", YearMonth.of(2025, 4), 12, mo -> new PeriodInput[0]);
        assertThat(due(y.get(0))).isEqualTo("1352.06");
        assertThat(tax(y.get(0))).isEqualTo("1352.06");
        assertThat(due(y.get(1))).isEqualTo("2704.53");
        assertThat(tax(y.get(1))).isEqualTo("1352.47");
        assertThat(due(y.get(4))).isEqualTo("6761.53");
        assertThat(due(y.get(5))).isEqualTo("8114.00");
        assertThat(tax(y.get(5))).isEqualTo("1352.47");
        assertThat(due(y.get(10))).isEqualTo("14875.93");
        assertThat(due(y.get(11))).isEqualTo("16228.00");
        assertThat(tax(y.get(11))).isEqualTo("1352.07");
        assertThat(y.get(11).ytd().get(UkPayroll.YTD_TAX)).isEqualTo(1_622_800L);
    }

    /**
     * £12,000 a month on 0T (no allowance), cumulative: into the additional band every month.
     * <pre>
     * month 1: taxable 12000; limits 37700/12 = 3141.6667 and 125140/12 = 10428.3333
     *          20% × 3141.6667 = 628.3333; 40% × 7286.6667 = 2914.6667; 45% × 1571.6667 = 707.25 → 4,250.25
     *          (whole-pound limits 3142 / 10429 would give 628.40 + 2914.80 + 706.95 = 4,250.15)
     * month 2: 24000; limits 6283.3333, 20856.6667 → 1256.6667 + 5829.3333 + 45% × 3143.3333 (1414.50) = 8,500.50
     * month 6: 72000; limits 18850, 62570 → 3770 + 17488 + 45% × 9430 (4243.50) = 25,501.50
     * month 12: 144000; limits 37700, 125140 → 7540 + 34976 + 45% × 18860 (8487) = 51,003.00
     * every month's tax: 4,250.25 (all three bands are crossed in every period)
     * </pre>
     */
    @Test
    void additional_band_from_month_1_over_the_year() {
        h.hire(UkTaxProfile.of("0T", "A"), BORN, LocalDate.of(2024, 1, 1), "GBP 12000.00");
        List<Payslip> y = h.approveMonths("GB", YearMonth.of(2025, 4), 12, mo -> new PeriodInput[0]);
        assertThat(due(y.get(0))).isEqualTo("4250.25");
        assertThat(due(y.get(1))).isEqualTo("8500.50");
        assertThat(due(y.get(5))).isEqualTo("25501.50");
        assertThat(due(y.get(11))).isEqualTo("51003.00");
        assertThat(y).allSatisfy(p -> assertThat(tax(p)).isEqualTo("4250.25"));
    }

    /**
     * £3,000 a month on 1257L, a £10,000 bonus in month 6 (paid 30 September 2025) takes the
     * cumulative pay into the higher band; month 7 stays there with a limit that is not a whole pound.
     * <pre>
     * month 5: 15000 − 5241.30 = 9758.70 → 9758 × 20% = 1,951.60 paid to date
     * month 6: 28000 − 6289.56 = 21710.44 → 21710; limit 18850 → 3770 + 40% × 2860 (1144) = 4,914.00;
     *          month 4914.00 − 1951.60 = 2,962.40 (under the 50% limit of 6,500)
     * month 7: 31000 − 7337.82 = 23662.18 → 23662; limit 37700 × 7/12 = 21991.6667
     *          4398.3333 + 40% × 1670.3333 (668.1333) = 5066.4667 → 5,066.46; month 152.46
     * </pre>
     */
    @Test
    void a_bonus_crosses_the_higher_band_in_month_6() {
        Employee e = h.hire(UkTaxProfile.of("1257L", "A"), BORN, LocalDate.of(2024, 1, 1), "GBP 3000.00");
        List<Payslip> y = h.approveMonths("GB", YearMonth.of(2025, 4), 7, mo -> mo.equals(YearMonth.of(2025, 9))
                ? new PeriodInput[]{PeriodInput.builder(e.id()).bonus(Bonus.of("bonus", Money.parse("GBP 10000.00"))).build()}
                : new PeriodInput[0]);
        assertThat(y.get(4).ytd().get(UkPayroll.YTD_TAX)).isEqualTo(195_160L);
        assertThat(due(y.get(5))).isEqualTo("4914.00");
        assertThat(tax(y.get(5))).isEqualTo("2962.40");
        assertThat(due(y.get(6))).isEqualTo("5066.46");
        assertThat(tax(y.get(6))).isEqualTo("152.46");
    }

    /**
     * 1257L on the month 1 basis (1257LM1), £6,000 in every month: each period is taxed as month 1
     * alone, so months 2, 6 and 12 all pay the month-1 figure of 1,352.06 (see the first case).
     */
    @Test
    void month_1_basis_in_the_higher_band_repeats_the_month_1_figure() {
        h.hire(UkTaxProfile.of("1257LM1", "A"), BORN, LocalDate.of(2024, 1, 1), "GBP 6000.00");
        List<Payslip> y = h.approveMonths("GB", YearMonth.of(2025, 4), 12, mo -> new PeriodInput[0]);
        for (int i : new int[]{0, 1, 5, 11}) {
            assertThat(tax(y.get(i))).as("month " + (i + 1)).isEqualTo("1352.06");
        }
    }

    @Test
    void the_golden_figures_differ_from_whole_pound_limits_by_a_few_pence() {
        long exact = UkPaye.taxDueToDate(4951, 1, 12, new long[]{37_700, 125_140, Long.MAX_VALUE}, new long[]{2000, 4000, 4500});
        long wholePounds = 3142 * 20 + (4951 - 3142) * 40; // 20% × 3142 + 40% × 809, in pence
        assertThat(exact).isEqualTo(135_206L);
        assertThat(wholePounds).isEqualTo(135_200L);
    }
}
