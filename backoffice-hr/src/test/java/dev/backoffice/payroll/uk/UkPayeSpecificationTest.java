package dev.backoffice.payroll.uk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PAYE routine against HMRC's own published test data (HMRC "Notes for payroll software
 * developers", Annex B, test data for 2009-10: basic rate 20% on the first £37,400 of taxable
 * pay, higher rate 40% above). Reproducing those figures exactly validates the pay adjustment
 * (code split in units of 500, "+9", rounding up to the penny), the rounding of taxable pay down
 * to the pound, the exact pro-rating of bands and the rounding of tax down to the penny.
 */
class UkPayeSpecificationTest {

    private static final long[] BANDS_2009 = {37_400, Long.MAX_VALUE};
    private static final long[] RATES_2009 = {2000, 4000};

    @Test
    void code_560T_month_3() {
        // gross 2750.00, pay adjustment 1402.26, taxable 1347.74, tax 269.40
        long adjustment = UkPaye.monthlyPayAdjustment(560) * 3;
        assertThat(adjustment).isEqualTo(140_226L);
        long taxable = UkPaye.poundsDown(275_000L - adjustment);
        assertThat(UkPaye.taxDueToDate(taxable, 3, 12, BANDS_2009, RATES_2009)).isEqualTo(26_940L);
    }

    @Test
    void code_560T_month_10() {
        // gross 21287.75, pay adjustment 4674.20, taxable 16613.55, tax 3322.60
        long adjustment = UkPaye.monthlyPayAdjustment(560) * 10;
        assertThat(adjustment).isEqualTo(467_420L);
        assertThat(UkPaye.taxDueToDate(UkPaye.poundsDown(2_128_775L - adjustment), 10, 12, BANDS_2009, RATES_2009)).isEqualTo(332_260L);
    }

    @Test
    void code_K255_month_5() {
        // gross 6023.66, additional pay 1066.25, taxable 7089.91, tax due 1417.80
        long adjustment = UkPaye.monthlyPayAdjustment(255) * 5;
        assertThat(adjustment).isEqualTo(106_625L);
        assertThat(UkPaye.taxDueToDate(UkPaye.poundsDown(602_366L + adjustment), 5, 12, BANDS_2009, RATES_2009)).isEqualTo(141_780L);
    }

    @Test
    void code_K255_month_8_crosses_into_higher_rate() {
        // gross 32799.98, additional pay 1706.00, taxable 34505.98, tax due 8815.33
        long adjustment = UkPaye.monthlyPayAdjustment(255) * 8;
        assertThat(adjustment).isEqualTo(170_600L);
        assertThat(UkPaye.taxDueToDate(UkPaye.poundsDown(3_279_998L + adjustment), 8, 12, BANDS_2009, RATES_2009)).isEqualTo(881_533L);
    }

    @Test
    void code_1257_is_worth_1048_26_a_month() {
        assertThat(UkPaye.monthlyPayAdjustment(1257)).isEqualTo(104_826L);
        assertThat(UkPaye.monthlyPayAdjustment(0)).isZero();
    }

    // HMRC Tables B to D (April 2012), monthly paid, basic rate 20% on the first £32,010, 40% above.
    private static final long[] BANDS_2012 = {32_010, Long.MAX_VALUE};

    @Test
    void table_column_1_is_the_pro_rated_limit_rounded_up_to_the_pound() {
        // Tables B-D April 2012, page 4 "Monthly paid, Column 1": 2668 5335 8003 10670 13338 16005 18673 21340 24008 26675 29343 32010
        long[] printed = {2668, 5335, 8003, 10670, 13338, 16005, 18673, 21340, 24008, 26675, 29343, 32010};
        for (int n = 1; n <= 12; n++) {
            assertThat(UkPaye.tableLimitPounds(32_010, n, 12)).as("month " + n).isEqualTo(printed[n - 1]);
        }
    }

    @Test
    void tax_on_the_table_limit_uses_the_exact_pro_rated_band_as_table_c_column_3_prints() {
        // Tables B-D April 2012, Table C1 column 3 "total tax due to date on pay in column 1":
        // month 1 £533.70 (= 20% × 2667.50 + 40% × 0.50; whole-pound limits would give 533.60),
        // month 2 £1,067.00, month 3 £1,600.70, month 4 £2,134.00, month 5 £2,667.70.
        long[] pay = {2668, 5335, 8003, 10670, 13338};
        long[] tax = {53_370, 106_700, 160_070, 213_400, 266_770};
        for (int n = 1; n <= 5; n++) {
            assertThat(UkPaye.taxDueToDate(pay[n - 1], n, 12, BANDS_2012, RATES_2009)).as("month " + n).isEqualTo(tax[n - 1]);
        }
    }
}
