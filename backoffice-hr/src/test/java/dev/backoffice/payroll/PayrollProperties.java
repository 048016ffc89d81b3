package dev.backoffice.payroll;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.payroll.pl.PolishPayroll;
import dev.backoffice.payroll.uk.UkPayroll;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants over a random year of runs: for every payslip net = gross − deductions (recomputed
 * from the lines), no annual cap is ever exceeded, and every run's journal balances.
 */
class PayrollProperties {

    /** A random employee: salary in grosze/pence, birth year, flags. */
    record Staff(long salary, int birthYear, boolean ppk, boolean hourly, int codeIndex) {
    }

    @Provide
    Arbitrary<List<Staff>> staff() {
        Arbitrary<Staff> one = Combinators.combine(
                Arbitraries.longs().between(100_000L, 8_000_000L),
                Arbitraries.integers().between(1960, 2007),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 9)).as(Staff::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    private static PeriodInput randomInput(Employee e, Random r, boolean hourly, String currency) {
        PeriodInput.Builder b = PeriodInput.builder(e.id());
        if (hourly) {
            b.hours(Integer.toString(r.nextInt(200)));
        }
        if (r.nextInt(4) == 0) {
            b.overtime(Integer.toString(r.nextInt(20)), r.nextBoolean() ? "1.5" : "2");
        }
        if (r.nextInt(3) == 0) {
            b.bonus(Bonus.of("Bonus", Money.ofMinor(org.joda.money.CurrencyUnit.of(currency), r.nextInt(5_000_000))));
        }
        if (r.nextInt(6) == 0) {
            b.unpaidLeaveDays(Integer.toString(r.nextInt(5)));
        }
        if (r.nextInt(6) == 0) {
            b.sickDays(r.nextInt(15));
        }
        return b.build();
    }

    private static void checkPayslip(Payslip p) {
        long gross = 0;
        long deductions = 0;
        for (PayslipLine l : p.lines()) {
            if (l.effect() == LineEffect.EARNING) {
                gross += MoneyMath.toMinor(l.amount());
            } else if (l.effect() == LineEffect.DEDUCTION) {
                deductions += MoneyMath.toMinor(l.amount());
            }
        }
        assertThat(MoneyMath.toMinor(p.gross())).isEqualTo(gross);
        assertThat(MoneyMath.toMinor(p.deductions())).isEqualTo(deductions);
        assertThat(MoneyMath.toMinor(p.net())).isEqualTo(gross - deductions);
    }

    @Property(tries = 40)
    void polish_year_never_exceeds_a_cap(@ForAll("staff") List<Staff> staff, @ForAll @IntRange(min = 2025, max = 2026) int year, @ForAll long seed) {
        PayrollHarness h = new PayrollHarness();
        List<Employee> hired = new ArrayList<>();
        for (Staff s : staff) {
            PolishTaxProfile profile = s.ppk() ? PolishTaxProfile.standard().withPpk() : PolishTaxProfile.standard();
            ContractTerms terms = s.hourly()
                    ? ContractTerms.hourly(LocalDate.of(2024, 1, 1), Money.ofMinor(org.joda.money.CurrencyUnit.of("PLN"), 3_000 + s.salary() % 20_000))
                    : ContractTerms.monthly(LocalDate.of(2024, 1, 1), Money.ofMinor(org.joda.money.CurrencyUnit.of("PLN"), s.salary()));
            hired.add(h.hire(profile, LocalDate.of(s.birthYear(), 1 + (int) (s.salary() % 12), 1), terms));
        }
        Random r = new Random(seed);
        long cap = year == 2025 ? 26_019_000L : 28_260_000L;
        for (int m = 1; m <= 12; m++) {
            List<PeriodInput> inputs = new ArrayList<>();
            for (int i = 0; i < hired.size(); i++) {
                inputs.add(randomInput(hired.get(i), r, staff.get(i).hourly(), "PLN"));
            }
            PayrollRun run = h.payroll.approve(RunRequest.regular("PL", YearMonth.of(year, m)).withInputs(inputs), "prop");
            assertThat(run.journal().balanced()).isTrue();
            for (Payslip p : run.payslips()) {
                checkPayslip(p);
                assertThat(p.ytd().getOrDefault(PolishPayroll.YTD_PENSION_BASE, 0L)).isLessThanOrEqualTo(cap);
                assertThat(p.ytd().getOrDefault(PolishPayroll.YTD_U26_EXEMPT, 0L)).isLessThanOrEqualTo(8_552_800L);
                PayslipLine pension = p.line("pl.pension.employee").orElseThrow();
                assertThat(pension.base().getAmount()).isLessThanOrEqualTo(p.gross().getAmount().max(BigDecimal.ZERO));
                assertThat(pension.amount().getAmount()).isLessThanOrEqualTo(
                        pension.base().getAmount().multiply(new BigDecimal("0.0976")).add(new BigDecimal("0.005")));
                assertThat(p.amount("pl.pit").isNegative()).isFalse();
            }
        }
    }

    @Property(tries = 40)
    void uk_year_balances_and_respects_the_regulatory_limit(@ForAll("staff") List<Staff> staff, @ForAll long seed) {
        String[] codes = {"1257L", "S1257L", "C1257L", "K475", "BR", "D0", "0T", "1257L M1", "NT", "SD1"};
        String[] categories = {"A", "A", "A", "M", "H", "C", "Z", "B", "A", "J"};
        PayrollHarness h = new PayrollHarness();
        List<Employee> hired = new ArrayList<>();
        for (Staff s : staff) {
            UkTaxProfile profile = UkTaxProfile.of(codes[s.codeIndex()], categories[s.codeIndex()]);
            if (s.ppk()) {
                profile = profile.withStudentLoans(StudentLoanPlan.PLAN_2, StudentLoanPlan.POSTGRADUATE);
            }
            ContractTerms terms = s.hourly()
                    ? ContractTerms.hourly(LocalDate.of(2024, 1, 1), Money.ofMinor(org.joda.money.CurrencyUnit.of("GBP"), 1_200 + s.salary() % 5_000))
                    : ContractTerms.monthly(LocalDate.of(2024, 1, 1), Money.ofMinor(org.joda.money.CurrencyUnit.of("GBP"), s.salary() / 2));
            hired.add(h.hire(profile, LocalDate.of(s.birthYear(), 1, 1), terms));
        }
        Random r = new Random(seed);
        for (int m = 0; m < 12; m++) {
            YearMonth month = YearMonth.of(2025, 4).plusMonths(m);
            List<PeriodInput> inputs = new ArrayList<>();
            for (int i = 0; i < hired.size(); i++) {
                inputs.add(randomInput(hired.get(i), r, staff.get(i).hourly(), "GBP"));
            }
            PayrollRun run = h.payroll.approve(RunRequest.regular("GB", month).withInputs(inputs), "prop");
            assertThat(run.journal().balanced()).isTrue();
            for (Payslip p : run.payslips()) {
                checkPayslip(p);
                long tax = MoneyMath.toMinor(p.amount("uk.paye"));
                if (tax > 0) {
                    assertThat(tax * 2).isLessThanOrEqualTo(MoneyMath.toMinor(p.gross()));
                }
                assertThat(p.amount("uk.ni.employee").isNegative()).isFalse();
                assertThat(p.ytd().get(UkPayroll.YTD_TAX)).isEqualTo(
                        h.store.forTenant(h.tenant).read().ytd("GB", "2025/26").get(p.employeeId()).get(UkPayroll.YTD_TAX));
            }
        }
    }
}
