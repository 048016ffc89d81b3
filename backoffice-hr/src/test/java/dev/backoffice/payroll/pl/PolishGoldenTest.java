package dev.backoffice.payroll.pl;

import dev.backoffice.payroll.ContractTerms;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.PolishTaxProfile;
import dev.backoffice.payroll.PayrollHarness;
import dev.backoffice.payroll.PeriodInput;
import dev.backoffice.payroll.Payslip;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static dev.backoffice.payroll.PayrollHarness.m;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden cases for Polish payroll (umowa o pracę), each derived by hand from the statute, step by
 * step in the comment, and checked to the grosz.
 *
 * <p>Sources: ustawa o systemie ubezpieczeń społecznych (s.u.s.) art. 16, 19, 22; ustawa o PIT
 * art. 21 ust. 1 pkt 148, 22 ust. 2, 26 ust. 1 pkt 2, 27, 32; ustawa o świadczeniach opieki
 * zdrowotnej art. 79, 81; Ordynacja podatkowa art. 63; KP art. 92; rozporządzenie MPiPS z
 * 29.05.1996 § 11-12. Parameter values: {@code payroll/pl/2025.json}, {@code 2026.json}.
 *
 * <p>Where a case says it "agrees with" a public figure, that figure is the one the popular
 * calculators publish (wynagrodzenia.pl / Sedlak &amp; Sedlak, kalkulatory.gofin.pl); the other
 * cases were derived from the statute alone. Where practice differs from the statute we follow
 * the statute and say so.
 */
class PolishGoldenTest {

    private final PayrollHarness h = new PayrollHarness();
    private static final LocalDate BORN_1985 = LocalDate.of(1985, 3, 10);

    /**
     * 10 000,00 zł, January 2025, PIT-2, basic costs.
     * <pre>
     * emerytalne 10000 × 9,76% = 976,00; rentowe × 1,5% = 150,00; chorobowe × 2,45% = 245,00 → social 1 371,00
     * health base 10000 − 1371 = 8 629,00 × 9% = 776,61
     * tax base 10000 − 1371 − 250 = 8 379,00 → 8 379; 12% = 1 005,48 − 300 = 705,48 → 705
     * net 10000 − 1371 − 776,61 − 705 = 7 147,39
     * employer 976 + 650 (6,5%) + 167 (1,67%) + 245 (FP 2,45%) + 10 (FGŚP 0,10%) = 2 048,00 → cost 12 048,00
     * </pre>
     * Derived from the statute (same method as the calculator case below).
     */
    @Test
    void ten_thousand_gross_january_2025() {
        h.hire(PolishTaxProfile.standard(), BORN_1985, LocalDate.of(2020, 1, 1), "PLN 10000.00");
        Payslip p = h.approve("PL", YearMonth.of(2025, 1));
        assertThat(p.amount("pl.pension.employee")).isEqualTo(m(p, "976.00"));
        assertThat(p.amount("pl.disability.employee")).isEqualTo(m(p, "150.00"));
        assertThat(p.amount("pl.sickness.employee")).isEqualTo(m(p, "245.00"));
        assertThat(p.amount("pl.health")).isEqualTo(m(p, "776.61"));
        assertThat(p.amount("pl.tax_base")).isEqualTo(m(p, "8379.00"));
        assertThat(p.amount("pl.pit")).isEqualTo(m(p, "705.00"));
        assertThat(p.net()).isEqualTo(m(p, "7147.39"));
        assertThat(p.employerCost()).isEqualTo(m(p, "2048.00"));
        assertThat(p.totalCost()).isEqualTo(m(p, "12048.00"));
    }

    /**
     * Minimum wage 2025, 4 666,00 zł (rozporządzenie RM z 12.09.2024).
     * <pre>
     * emerytalne 4666 × 9,76% = 455,4016 → 455,40; rentowe × 1,5% = 69,99; chorobowe × 2,45% = 114,317 → 114,32 → 639,71
     * health (4666 − 639,71) = 4 026,29 × 9% = 362,3661 → 362,37
     * tax base 4026,29 − 250 = 3 776,29 → 3 776; 12% = 453,12 − 300 = 153,12 → 153
     * net 4666 − 639,71 − 362,37 − 153 = 3 510,92
     * </pre>
     * Agrees with the published 2025 minimum-wage net of 3 510,92 zł (e-prawnik.pl "Najniższa krajowa
     * 2025"; natemat.pl). Employer cost: 455,40 + 303,29 + 77,92 + FP 114,32 + FGŚP 4 666 × 0,10% =
     * 4,666 → 4,67 = 955,60, total 5 621,60. e-prawnik.pl publishes 5 621,59, i.e. FGŚP truncated to
     * 4,66; contributions are rounded to the nearest grosz (half up), so we keep 5 621,60 and note
     * the one-grosz disagreement here.
     */
    @Test
    void minimum_wage_2025() {
        h.hire(PolishTaxProfile.standard(), BORN_1985, LocalDate.of(2020, 1, 1), "PLN 4666.00");
        Payslip p = h.approve("PL", YearMonth.of(2025, 2));
        assertThat(p.amount("pl.health")).isEqualTo(m(p, "362.37"));
        assertThat(p.amount("pl.pit")).isEqualTo(m(p, "153.00"));
        assertThat(p.net()).isEqualTo(m(p, "3510.92"));
        assertThat(p.amount("pl.fp")).isEqualTo(m(p, "114.32")); // base = minimum wage: FP due
        assertThat(p.amount("pl.fgsp")).isEqualTo(m(p, "4.67"));
        assertThat(p.totalCost()).isEqualTo(m(p, "5621.60"));
    }

    /**
     * 10 414,00 zł, 2025, PIT-2, basic costs: the monthly table of the aplikuj.pl salary calculator
     * (kalkulator wynagrodzeń, "7430 netto") shows emerytalne 1 016,41, rentowe 156,21, chorobowe
     * 255,14, zdrowotne 808,76, podstawa 8 736, zaliczka 748, netto 7 429,48 in every month.
     * <pre>
     * 10414 × 9,76% = 1 016,4064 → 1 016,41; × 1,5% = 156,21; × 2,45% = 255,143 → 255,14 → 1 427,76
     * health (10414 − 1427,76) = 8 986,24 × 9% = 808,7616 → 808,76
     * base 10414 − 1427,76 − 250 = 8 736,24 → 8 736; 12% = 1 048,32 − 300 → 748
     * net 10414 − 1427,76 − 808,76 − 748 = 7 429,48; yearly income 12 × 8 736,24 = 104 834,88 < 120 000: no 32% in December
     * </pre>
     */
    @Test
    void agrees_with_a_public_calculator_for_10414() {
        h.hire(PolishTaxProfile.standard(), BORN_1985, LocalDate.of(2020, 1, 1), "PLN 10414.00");
        List<Payslip> y = h.approveMonths("PL", YearMonth.of(2025, 1), 12, m -> new PeriodInput[0]);
        for (Payslip p : y) {
            assertThat(p.amount("pl.health")).isEqualTo(m(p, "808.76"));
            assertThat(p.amount("pl.tax_base")).isEqualTo(m(p, "8736.00"));
            assertThat(p.amount("pl.pit")).isEqualTo(m(p, "748.00"));
            assertThat(p.net()).isEqualTo(m(p, "7429.48"));
        }
    }

    /**
     * Minimum wage 2026, 4 806,00 zł.
     * <pre>
     * emerytalne 4806 × 9,76% = 469,0656 → 469,07; rentowe 72,09; chorobowe 117,747 → 117,75 → 658,91
     * health (4806 − 658,91) = 4 147,09 × 9% = 373,2381 → 373,24
     * tax base 4147,09 − 250 = 3 897,09 → 3 897; 12% = 467,64 − 300 = 167,64 → 168
     * net 4806 − 658,91 − 373,24 − 168 = 3 605,85
     * </pre>
     * Agrees with the published 2026 minimum-wage net of 3 605,85 zł (se.pl, "4806 zł brutto ile to
     * netto"; forsal.pl gives "około 3605-3606 zł").
     */
    @Test
    void minimum_wage_2026() {
        h.hire(PolishTaxProfile.standard(), BORN_1985, LocalDate.of(2020, 1, 1), "PLN 4806.00");
        Payslip p = h.approve("PL", YearMonth.of(2026, 1));
        assertThat(p.amount("pl.pit")).isEqualTo(m(p, "168.00"));
        assertThat(p.net()).isEqualTo(m(p, "3605.85"));
    }

    /**
     * Under 26, 6 000,00 zł, January 2025: revenue exempt (art. 21 ust. 1 pkt 148), no advance.
     * <pre>
     * social 585,60 + 90,00 + 147,00 = 822,60; health (6000 − 822,60) × 9% = 465,966 → 465,97
     * net 6000 − 822,60 − 465,97 = 4 711,43
     * </pre>
     */
    @Test
    void under_26_relief_no_tax() {
        h.hire(PolishTaxProfile.standard(), LocalDate.of(2001, 5, 5), LocalDate.of(2024, 9, 1), "PLN 6000.00");
        Payslip p = h.approve("PL", YearMonth.of(2025, 1));
        assertThat(p.amount("pl.u26_exempt")).isEqualTo(m(p, "6000.00"));
        assertThat(p.amount("pl.pit")).isEqualTo(m(p, "0.00"));
        assertThat(p.net()).isEqualTo(m(p, "4711.43"));
    }

    /**
     * Under 26 at 9 000,00 zł a month: the 85 528 zł limit is crossed in October 2025.
     * <pre>
     * Jan-Sep exempt 9 × 9000 = 81 000; October exempt 85 528 − 81 000 = 4 528, taxable 4 472
     * social 9000 × 13,71% = 878,40 + 135,00 + 220,50 = 1 233,90
     * deductible social in proportion (objaśnienia podatkowe MF z 25.09.2019, ulga dla młodych):
     *   1233,90 × 4472 / 9000 = 5 518 000,8 / 9000 = 613,111 → 613,11
     * income 4472 − 613,11 − 250 = 3 608,89 → 3 609; 12% = 433,08 − 300 = 133,08 → 133
     * health (9000 − 1233,90) × 9% = 698,949 → 698,95; net 9000 − 1233,90 − 698,95 − 133 = 6 934,15
     * November: fully taxable: 9000 − 1233,90 − 250 = 7 516,10 → 7 516; 12% = 901,92 − 300 → 602
     * </pre>
     */
    @Test
    void under_26_limit_crossed_in_october() {
        h.hire(PolishTaxProfile.standard(), LocalDate.of(2000, 6, 15), LocalDate.of(2024, 1, 1), "PLN 9000.00");
        List<Payslip> year = h.approveMonths("PL", YearMonth.of(2025, 1), 11, m -> new PeriodInput[0]);
        assertThat(year.get(8).amount("pl.pit")).isEqualTo(m(year.get(8), "0.00"));
        Payslip october = year.get(9);
        assertThat(october.amount("pl.u26_exempt")).isEqualTo(m(october, "4528.00"));
        assertThat(october.amount("pl.deductible_social")).isEqualTo(m(october, "613.11"));
        assertThat(october.amount("pl.pit")).isEqualTo(m(october, "133.00"));
        assertThat(october.net()).isEqualTo(m(october, "6934.15"));
        assertThat(year.get(10).amount("pl.pit")).isEqualTo(m(year.get(10), "602.00"));
        assertThat(year.get(10).ytd().get(PolishPayroll.YTD_U26_EXEMPT)).isEqualTo(8_552_800L);
    }

    /**
     * 25 000,00 zł a month in 2025: the 32% threshold is crossed in June and the 30× ZUS cap
     * (260 190 zł) in November.
     * <pre>
     * Jan-May: social 2 500 + 2 440 = 3 427,50 (emerytalne 2 440,00, rentowe 375,00, chorobowe 612,50)
     *   income 25000 − 3427,50 − 250 = 21 322,50 (base 21 323); 12% = 2 558,76 − 300 → 2 259
     * June: cumulative income 6 × 21 322,50 = 127 935,00, over 120 000 by 7 935,00 (art. 32 ust. 1a:
     *   income from the start of the year, unrounded) → 13 388 × 12% = 1 606,56 + 7 935 × 32% = 2 539,20
     *   = 4 145,76 − 300 = 3 845,76 → 3 846
     *   health (25000 − 3427,50) × 9% = 1 941,525 → 1 941,53; net 25000 − 3427,50 − 1941,53 − 3846 = 15 784,97
     * July: 21 323 × 32% = 6 823,36 − 300 → 6 523
     * November: pension base used 10 × 25 000 = 250 000, remaining 10 190 (art. 19 ust. 1)
     *   emerytalne 10190 × 9,76% = 994,544 → 994,54; rentowe 152,85; chorobowe 612,50 → 1 759,89
     *   health 23 240,11 × 9% = 2 091,6099 → 2 091,61; income 25000 − 1759,89 − 250 = 22 990,11 → 22 990
     *   32% = 7 356,80 − 300 → 7 057; net 25000 − 1759,89 − 2091,61 − 7057 = 14 091,50
     *   employer emerytalne 994,54, rentowe 10190 × 6,5% = 662,35; FP and FGŚP on the full 25 000 (no cap)
     * December: no emerytalne/rentowe; chorobowe 612,50; health 24 387,50 × 9% = 2 194,875 → 2 194,88
     *   income 24 137,50 → 24 138; 32% = 7 724,16 − 300 → 7 424; net 25000 − 612,50 − 2194,88 − 7424 = 14 768,62
     * </pre>
     * Practice note: some programs accumulate the rounded monthly bases for the threshold
     * (6 × 21 323 = 127 938) and would tax 7 938 zł at 32% in June; the statute counts income
     * (dochód), which we follow.
     */
    @Test
    void high_earner_crosses_the_tax_threshold_in_june_and_the_zus_cap_in_november() {
        h.hire(PolishTaxProfile.standard(), BORN_1985, LocalDate.of(2020, 1, 1), "PLN 25000.00");
        List<Payslip> y = h.approveMonths("PL", YearMonth.of(2025, 1), 12, m -> new PeriodInput[0]);
        assertThat(y.get(0).amount("pl.pit")).isEqualTo(m(y.get(0), "2259.00"));
        assertThat(y.get(4).amount("pl.pit")).isEqualTo(m(y.get(4), "2259.00"));
        Payslip june = y.get(5);
        assertThat(june.amount("pl.pit")).isEqualTo(m(june, "3846.00"));
        assertThat(june.net()).isEqualTo(m(june, "15784.97"));
        assertThat(y.get(6).amount("pl.pit")).isEqualTo(m(y.get(6), "6523.00"));
        Payslip nov = y.get(10);
        assertThat(nov.amount("pl.pension.employee")).isEqualTo(m(nov, "994.54"));
        assertThat(nov.amount("pl.disability.employee")).isEqualTo(m(nov, "152.85"));
        assertThat(nov.amount("pl.health")).isEqualTo(m(nov, "2091.61"));
        assertThat(nov.amount("pl.pit")).isEqualTo(m(nov, "7057.00"));
        assertThat(nov.net()).isEqualTo(m(nov, "14091.50"));
        assertThat(nov.amount("pl.disability.employer")).isEqualTo(m(nov, "662.35"));
        assertThat(nov.amount("pl.fp")).isEqualTo(m(nov, "612.50"));
        Payslip dec = y.get(11);
        assertThat(dec.amount("pl.pension.employee")).isEqualTo(m(dec, "0.00"));
        assertThat(dec.amount("pl.health")).isEqualTo(m(dec, "2194.88"));
        assertThat(dec.amount("pl.pit")).isEqualTo(m(dec, "7424.00"));
        assertThat(dec.net()).isEqualTo(m(dec, "14768.62"));
        assertThat(dec.ytd().get(PolishPayroll.YTD_PENSION_BASE)).isEqualTo(26_019_000L);
    }

    /**
     * 8 000,00 zł in 2026, commuting employee (costs 300, art. 22 ust. 2 pkt 2), no PIT-2.
     * <pre>
     * social 780,80 + 120,00 + 196,00 = 1 096,80; health 6 903,20 × 9% = 621,288 → 621,29
     * income 8000 − 1096,80 − 300 = 6 603,20 → 6 603; 12% = 792,36 → 792 (no reducing amount)
     * net 8000 − 1096,80 − 621,29 − 792 = 5 489,91
     * </pre>
     */
    @Test
    void elevated_costs_without_pit2_2026() {
        h.hire(PolishTaxProfile.standard().withPit2(false).withElevatedCosts(), BORN_1985, LocalDate.of(2020, 1, 1), "PLN 8000.00");
        Payslip p = h.approve("PL", YearMonth.of(2026, 3));
        assertThat(p.amount("pl.costs")).isEqualTo(m(p, "300.00"));
        assertThat(p.amount("pl.pit")).isEqualTo(m(p, "792.00"));
        assertThat(p.net()).isEqualTo(m(p, "5489.91"));
    }

    /**
     * PPK at basic rates, 7 000,00 zł (2025): the employer's 1,5% is taxable revenue.
     * <pre>
     * PPK employee 7000 × 2% = 140,00; employer × 1,5% = 105,00
     * social 683,20 + 105,00 + 171,50 = 959,70; health 6 040,30 × 9% = 543,627 → 543,63
     * revenue 7000 + 105 = 7 105; income 7105 − 959,70 − 250 = 5 895,30 → 5 895; 12% = 707,40 − 300 → 407
     * net 7000 − 959,70 − 140 − 543,63 − 407 = 4 949,67
     * employer 683,20 + 455,00 + 116,90 + 171,50 + 7,00 + 105,00 = 1 538,60
     * </pre>
     */
    @Test
    void ppk_employer_contribution_is_taxed() {
        h.hire(PolishTaxProfile.standard().withPpk(), BORN_1985, LocalDate.of(2020, 1, 1), "PLN 7000.00");
        Payslip p = h.approve("PL", YearMonth.of(2025, 4));
        assertThat(p.amount("pl.ppk.employee")).isEqualTo(m(p, "140.00"));
        assertThat(p.amount("pl.ppk.employer")).isEqualTo(m(p, "105.00"));
        assertThat(p.amount("pl.revenue")).isEqualTo(m(p, "7105.00"));
        assertThat(p.amount("pl.pit")).isEqualTo(m(p, "407.00"));
        assertThat(p.net()).isEqualTo(m(p, "4949.67"));
        assertThat(p.employerCost()).isEqualTo(m(p, "1538.60"));
    }

    /**
     * Joiner on 17 March 2025, 6 000,00 zł: § 12 ust. 1 (hours).
     * <pre>
     * March 2025: 21 weekdays, no holidays → 168 h; 17-31 March: 11 weekdays → 88 h
     * salary 6000 × 88 / 168 = 3 142,857 → 3 142,86
     * social 306,74 + 47,14 + 77,00 = 430,88; health 2 711,98 × 9% = 244,0782 → 244,08
     * income 3142,86 − 430,88 − 250 = 2 461,98 → 2 462; 12% = 295,44 − 300 < 0 → 0
     * net 3142,86 − 430,88 − 244,08 = 2 467,90; FP not due (base below the minimum wage 4 666)
     * </pre>
     */
    @Test
    void joiner_mid_month_paid_by_hours() {
        h.hire(PolishTaxProfile.standard(), BORN_1985, LocalDate.of(2025, 3, 17), "PLN 6000.00");
        Payslip p = h.approve("PL", YearMonth.of(2025, 3));
        assertThat(p.amount("pl.salary")).isEqualTo(m(p, "3142.86"));
        assertThat(p.amount("pl.pit")).isEqualTo(m(p, "0.00"));
        assertThat(p.net()).isEqualTo(m(p, "2467.90"));
        assertThat(p.amount("pl.fp")).isEqualTo(m(p, "0.00"));
    }

    /**
     * A raise from 6 000 to 7 200 zł effective 19 May 2025, paid by hours for each part of May.
     * <pre>
     * May 2025: holidays 1 May (Thu), 3 May (Sat, −8 h); weekdays 22 − 1 = 21 → 168 − 8 = 160 h
     * 1-18 May: weekdays 2, 5-9, 12-16 = 11 → 88 h − 8 h (3 May Saturday holiday) = 80 h
     * 19-31 May: 19-23, 26-30 = 10 weekdays → 80 h
     * 6000 × 80/160 = 3 000,00 + 7200 × 80/160 = 3 600,00 → 6 600,00
     * </pre>
     */
    @Test
    void contract_change_inside_the_month_is_prorated_by_hours() {
        Employee e = h.hire(PolishTaxProfile.standard(), BORN_1985, ContractTerms.monthly(LocalDate.of(2024, 1, 1), Money.parse("PLN 6000.00")));
        var store = h.payroll;
        var contract = store.contracts(e.id()).get(0);
        store.saveContract(contract.withChange(ContractTerms.monthly(LocalDate.of(2025, 5, 19), Money.parse("PLN 7200.00"))));
        Payslip p = h.approve("PL", YearMonth.of(2025, 5));
        assertThat(p.gross()).isEqualTo(m(p, "6600.00"));
        assertThat(p.lines().stream().filter(l -> l.code().equals("pl.salary")).count()).isEqualTo(2);
    }

    /**
     * 8 000,00 zł, 5 days of sickness in February 2026.
     * <pre>
     * deduction § 11: 8000 / 30 × 5 = 1 333,333 → 1 333,33
     * sick pay (KP art. 92): base 8000 − 13,71% (1 096,80) = 6 903,20; /30 = 230,1067 → 230,11; 80% = 184,088 → 184,09; × 5 = 920,45
     * gross 8000 − 1333,33 + 920,45 = 7 587,12; social base (without sick pay) 6 666,67
     * social 650,67 + 100,00 + 163,33 = 914,00; health (7587,12 − 914) × 9% = 600,5808 → 600,58
     * income 7587,12 − 914 − 250 = 6 423,12 → 6 423; 12% = 770,76 − 300 → 471
     * net 7587,12 − 914 − 600,58 − 471 = 5 601,54
     * </pre>
     */
    @Test
    void sick_pay_is_80_percent_and_free_of_social_contributions() {
        h.hire(PolishTaxProfile.standard(), BORN_1985, LocalDate.of(2020, 1, 1), "PLN 8000.00");
        Payslip p = h.approve("PL", YearMonth.of(2026, 2), PeriodInput.builder(h.payroll.employees().get(0).id()).sickDays(5).build());
        assertThat(p.amount("pl.sick_deduction")).isEqualTo(m(p, "-1333.33"));
        assertThat(p.amount("pl.sick_pay")).isEqualTo(m(p, "920.45"));
        assertThat(p.amount("pl.social_base")).isEqualTo(m(p, "6666.67"));
        assertThat(p.amount("pl.pit")).isEqualTo(m(p, "471.00"));
        assertThat(p.net()).isEqualTo(m(p, "5601.54"));
    }

    /**
     * Hourly worker, 30,50 zł/h, 160 h plus 10 h overtime at 150% in April 2025.
     * <pre>
     * 160 × 30,50 = 4 880,00; overtime 10 × 30,50 × 1,5 = 457,50 → gross 5 337,50
     * social 520,94 (520,94) + 80,06 (80,0625) + 130,77 (130,76875) = 731,77
     * health (5337,50 − 731,77) = 4 605,73 × 9% = 414,5157 → 414,52
     * income 5337,50 − 731,77 − 250 = 4 355,73 → 4 356; 12% = 522,72 − 300 = 222,72 → 223
     * net 5337,50 − 731,77 − 414,52 − 223 = 3 968,21
     * </pre>
     */
    @Test
    void hourly_pay_with_overtime() {
        Employee e = h.hire(PolishTaxProfile.standard(), BORN_1985, ContractTerms.hourly(LocalDate.of(2024, 1, 1), Money.parse("PLN 30.50")));
        Payslip p = h.approve("PL", YearMonth.of(2025, 4), PeriodInput.builder(e.id()).hours("160").overtime("10", "1.5").build());
        assertThat(p.gross()).isEqualTo(m(p, "5337.50"));
        assertThat(p.amount("pl.pension.employee").plus(p.amount("pl.disability.employee")).plus(p.amount("pl.sickness.employee")))
                .isEqualTo(m(p, "731.77"));
        assertThat(p.amount("pl.pit")).isEqualTo(m(p, "223.00"));
        assertThat(p.net()).isEqualTo(m(p, "3968.21"));
    }
}
