package dev.backoffice.payroll.uk;

import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.StudentLoanPlan;
import dev.backoffice.payroll.UkTaxProfile;
import dev.backoffice.payroll.PayrollHarness;
import dev.backoffice.payroll.PeriodInput;
import dev.backoffice.payroll.Payslip;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static dev.backoffice.payroll.PayrollHarness.m;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden cases for UK PAYE 2025/26, derived by hand from HMRC's PAYE specification and "Rates
 * and thresholds for employers 2025 to 2026", step by step in each comment, checked to the penny.
 *
 * <p>Key arithmetic (PAYE specification): monthly pay adjustment for code 1257 = 2 × £416.67 +
 * (257 × 10 + 9) / 12 = 214.9166 → £214.92, total £1,048.26 (so £12,579.12 a year, the figure
 * HMRC's Table A gives); taxable pay to date rounded down to the pound; band limits pro-rated
 * exactly (n/12 of £37,700 etc.); tax due rounded down to the penny. NI: exact percentage method,
 * each contribution to the nearest penny with a halfpenny or less disregarded (SS(C)R 2001 reg.
 * 12(1)). The engine-independent routine is also checked against HMRC's own published test data
 * in {@link UkPayeSpecificationTest}.
 */
class UkGoldenTest {

    private final PayrollHarness h = new PayrollHarness();
    private static final LocalDate BORN = LocalDate.of(1990, 2, 2);

    private Payslip once(String code, String category, String salary, YearMonth month, StudentLoanPlan... loans) {
        h.hire(UkTaxProfile.of(code, category).withStudentLoans(loans), BORN, LocalDate.of(2024, 1, 1), salary);
        return h.approve("GB", month);
    }

    /**
     * £3,000 a month, 1257L, tax month 1 (paid 30 April 2025).
     * <pre>
     * taxable 3000 − 1048.26 = 1951.74 → £1,951; within 37700/12 = 3141.67 → 20% = 390.20
     * NI employee (3000 − 1048) × 8% = 156.16; employer (3000 − 417) × 15% = 387.45
     * net 3000 − 390.20 − 156.16 = 2,453.64
     * </pre>
     */
    @Test
    void basic_rate_1257L_month_1() {
        Payslip p = once("1257L", "A", "GBP 3000.00", YearMonth.of(2025, 4));
        assertThat(p.amount("uk.paye")).isEqualTo(m(p, "390.20"));
        assertThat(p.amount("uk.ni.employee")).isEqualTo(m(p, "156.16"));
        assertThat(p.amount("uk.ni.employer")).isEqualTo(m(p, "387.45"));
        assertThat(p.net()).isEqualTo(m(p, "2453.64"));
    }

    /**
     * £3,000 a month for a whole tax year on 1257L, cumulative.
     * <pre>
     * month n: tax due = 20% × floor(n × (3000 − 1048.26)) = 20% × floor(1951.74 n)
     * month 2: floor(3903.48) = 3903 → 780.60 − 390.20 = 390.40 (the pound rounding catches up)
     * month 12: floor(23420.88) = 23420 → 4,684.00 to date
     * </pre>
     */
    @Test
    void cumulative_basis_over_the_year() {
        h.hire(UkTaxProfile.of("1257L", "A"), BORN, LocalDate.of(2024, 1, 1), "GBP 3000.00");
        List<Payslip> y = h.approveMonths("GB", YearMonth.of(2025, 4), 12, m -> new PeriodInput[0]);
        assertThat(y.get(1).amount("uk.paye")).isEqualTo(m(y.get(1), "390.40"));
        assertThat(y.get(11).ytd().get(UkPayroll.YTD_TAX)).isEqualTo(468_400L);
        assertThat(y.get(11).ytd().get(UkPayroll.YTD_TAXABLE_PAY)).isEqualTo(3_600_000L);
    }

    /**
     * Scottish S1257L, £3,000, month 1.
     * <pre>
     * taxable 1951; starter 2827/12 = 235.5833 × 19% = 44.7608; basic (14921 − 2827)/12 = 1007.8333 × 20% = 201.5667;
     * intermediate (1951 − 1243.4167) = 707.5833 × 21% = 148.5925 → 394.92
     * </pre>
     */
    @Test
    void scottish_code_uses_scottish_bands() {
        Payslip p = once("S1257L", "A", "GBP 3000.00", YearMonth.of(2025, 4));
        assertThat(p.amount("uk.paye")).isEqualTo(m(p, "394.92"));
    }

    /** Welsh C1257L, £3,000, month 1: Welsh rates equal rUK in 2025/26 → 390.20. */
    @Test
    void welsh_code_uses_welsh_rates() {
        Payslip p = once("C1257L", "A", "GBP 3000.00", YearMonth.of(2025, 4));
        assertThat(p.amount("uk.paye")).isEqualTo(m(p, "390.20"));
    }

    /**
     * Higher rate: £6,000, 1257L, month 1.
     * <pre>
     * taxable 6000 − 1048.26 → 4951; 3141.6667 × 20% = 628.3333 + (4951 − 3141.6667) × 40% = 723.7333 → 1,352.06
     * NI (4189 − 1048) × 8% = 251.28 + (6000 − 4189) × 2% = 36.22 → 287.50; employer (6000 − 417) × 15% = 837.45
     * </pre>
     */
    @Test
    void higher_rate_and_ni_above_the_upper_earnings_limit() {
        Payslip p = once("1257L", "A", "GBP 6000.00", YearMonth.of(2025, 4));
        assertThat(p.amount("uk.paye")).isEqualTo(m(p, "1352.06"));
        assertThat(p.amount("uk.ni.employee")).isEqualTo(m(p, "287.50"));
        assertThat(p.amount("uk.ni.employer")).isEqualTo(m(p, "837.45"));
    }

    /**
     * K475, £2,000, month 1: additional pay (4750 + 9) / 12 = 396.5833 → 396.59;
     * taxable 2000 + 396.59 → 2396 × 20% = 479.20 (below the 50% limit of 1,000.00).
     */
    @Test
    void k_code_adds_pay() {
        Payslip p = once("K475", "A", "GBP 2000.00", YearMonth.of(2025, 4));
        assertThat(p.amount("uk.additional_pay")).isEqualTo(m(p, "396.59"));
        assertThat(p.amount("uk.paye")).isEqualTo(m(p, "479.20"));
    }

    /**
     * K5000, £1,000, month 1: the 50% regulatory limit bites.
     * <pre>
     * additional: 9 × 416.67 + (5009 / 12 = 417.4167 → 417.42) = 4,167.45; taxable 5167
     * tax due 3141.6667 × 20% + (5167 − 3141.6667) × 40% = 628.3333 + 810.1333 = 1,438.46
     * limit 50% × 1000 = 500.00 → deduct 500.00; 938.46 carried forward by the cumulative basis
     * month 2 (another £1,000): due to date on floor(2000 + 8334.90) = 10334: 6283.3333 × 20% + 4050.6667 × 40% = 2,876.93;
     *   less paid 500.00 = 2,376.93 → limited again to 500.00
     * </pre>
     */
    @Test
    void k_code_regulatory_limit_caps_tax_at_half_of_pay() {
        h.hire(UkTaxProfile.of("K5000", "A"), BORN, LocalDate.of(2024, 1, 1), "GBP 1000.00");
        List<Payslip> y = h.approveMonths("GB", YearMonth.of(2025, 4), 2, m -> new PeriodInput[0]);
        assertThat(y.get(0).amount("uk.tax_due_to_date")).isEqualTo(m(y.get(0), "1438.46"));
        assertThat(y.get(0).amount("uk.paye")).isEqualTo(m(y.get(0), "500.00"));
        assertThat(y.get(0).amount("uk.regulatory_limit")).isEqualTo(m(y.get(0), "938.46"));
        assertThat(y.get(1).amount("uk.tax_due_to_date")).isEqualTo(m(y.get(1), "2876.93"));
        assertThat(y.get(1).amount("uk.paye")).isEqualTo(m(y.get(1), "500.00"));
    }

    /**
     * K475 on the month 1 basis in tax month 7 (paid 31 October 2025): treated as month 1 with
     * no previous pay or tax → 479.20 as in month 1.
     */
    @Test
    void k_code_on_month_1_basis_ignores_the_year_to_date() {
        Payslip p = once("K475 M1", "A", "GBP 2000.00", YearMonth.of(2025, 10));
        assertThat(p.amount("uk.paye")).isEqualTo(m(p, "479.20"));
    }

    /**
     * 1257L on the month 1 basis in tax month 6, after five months of £3,000 on the cumulative
     * basis: month 6 tax is the month-1 figure 390.20, not the cumulative one.
     */
    @Test
    void month_1_basis_after_cumulative_months() {
        Employee e = h.hire(UkTaxProfile.of("1257L", "A"), BORN, LocalDate.of(2024, 1, 1), "GBP 3000.00");
        h.approveMonths("GB", YearMonth.of(2025, 4), 5, m -> new PeriodInput[0]);
        h.payroll.saveEmployee(e.withProfile(UkTaxProfile.of("1257L M1", "A")));
        Payslip sept = h.approve("GB", YearMonth.of(2025, 9));
        assertThat(sept.amount("uk.paye")).isEqualTo(m(sept, "390.20"));
    }

    /** BR, D0, D1, SD0, 0T and NT on £2,500: 500.00, 1,000.00, 1,125.00, 525.00, 500.00, 0.00. */
    @Test
    void flat_rate_and_zero_allowance_codes() {
        String[] codes = {"BR", "D0", "D1", "SD0", "0T", "NT"};
        String[] expected = {"500.00", "1000.00", "1125.00", "525.00", "500.00", "0.00"};
        for (int i = 0; i < codes.length; i++) {
            PayrollHarness fresh = new PayrollHarness();
            fresh.hire(UkTaxProfile.of(codes[i], "A"), BORN, LocalDate.of(2024, 1, 1), "GBP 2500.00");
            Payslip p = fresh.approve("GB", YearMonth.of(2025, 4));
            assertThat(p.amount("uk.paye")).as(codes[i]).isEqualTo(m(p, expected[i]));
        }
    }

    /**
     * Student loans: Plan 1 and postgraduate on £2,500.
     * <pre>
     * plan 1 (2500 − 2172.08) × 9% = 29.51 → £29 (rounded down); PGL (2500 − 1750) × 6% = 45.00 → £45
     * </pre>
     * Same method as PayFit's published 2024/25 example (£2,500, Plan 1 threshold 2,082.50 → £37).
     */
    @Test
    void student_and_postgraduate_loans_round_down_to_the_pound() {
        Payslip p = once("1257L", "A", "GBP 2500.00", YearMonth.of(2025, 4), StudentLoanPlan.PLAN_1, StudentLoanPlan.POSTGRADUATE);
        assertThat(p.amount("uk.student_loan")).isEqualTo(m(p, "29.00"));
        assertThat(p.amount("uk.postgraduate_loan")).isEqualTo(m(p, "45.00"));
    }

    /**
     * NI rounding: a halfpenny is disregarded.
     * <pre>
     * £4,189.25: employee 251.28 + 0.25 × 2% = 0.005 → 251.285 → 251.28 (half-up would give 251.29)
     * category M (under 21) £2,000: employee 76.16, employer 0.00 (below the UST £4,189)
     * </pre>
     */
    @Test
    void ni_halfpenny_is_disregarded_and_under_21s_cost_no_employer_ni() {
        Payslip a = once("1257L", "A", "GBP 4189.25", YearMonth.of(2025, 4));
        assertThat(a.amount("uk.ni.employee")).isEqualTo(m(a, "251.28"));
        PayrollHarness fresh = new PayrollHarness();
        fresh.hire(UkTaxProfile.of("1257L", "M"), LocalDate.of(2006, 1, 1), LocalDate.of(2024, 1, 1), "GBP 2000.00");
        Payslip mm = fresh.approve("GB", YearMonth.of(2025, 4));
        assertThat(mm.amount("uk.ni.employee")).isEqualTo(m(mm, "76.16"));
        assertThat(mm.amount("uk.ni.employer")).isEqualTo(m(mm, "0.00"));
    }

    /**
     * Joiner on 16 June 2025 at £3,100 a month: 15 of 30 days → 1,550.00; cumulative month 3 with
     * no previous pay: free pay 3 × 1048.26 = 3,144.78 exceeds pay → no tax; NI (1550 − 1048) × 8% = 40.16.
     */
    @Test
    void joiner_is_prorated_by_calendar_days() {
        h.hire(UkTaxProfile.of("1257L", "A"), BORN, LocalDate.of(2025, 6, 16), "GBP 3100.00");
        Payslip p = h.approve("GB", YearMonth.of(2025, 6));
        assertThat(p.gross()).isEqualTo(m(p, "1550.00"));
        assertThat(p.amount("uk.paye")).isEqualTo(m(p, "0.00"));
        assertThat(p.amount("uk.ni.employee")).isEqualTo(m(p, "40.16"));
    }
}
