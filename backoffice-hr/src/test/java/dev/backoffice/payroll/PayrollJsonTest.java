package dev.backoffice.payroll;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backoffice.core.json.BackofficeJson;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** Every public value type round-trips through the shared mapper; payslips render as text and HTML. */
class PayrollJsonTest {
    private final ObjectMapper json = BackofficeJson.mapper();
    private final PayrollHarness h = new PayrollHarness();

    private <T> void roundTrips(T value, Class<T> type) throws Exception {
        assertThat(json.readValue(json.writeValueAsString(value), type)).isEqualTo(value);
    }

    @Test
    void hr_values_round_trip() throws Exception {
        Employee pl = Employee.of("Zofia", "Wiśniewska", LocalDate.of(2001, 2, 3), PolishTaxProfile.standard().withPpk());
        Employee uk = Employee.of("Ian", "Jones", LocalDate.of(1970, 2, 3), UkTaxProfile.of("C1257L", "A").withStudentLoans(StudentLoanPlan.PLAN_2));
        roundTrips(pl, Employee.class);
        roundTrips(uk, Employee.class);
        Contract c = Contract.of(pl.id(), ContractTerms.monthly(LocalDate.of(2025, 1, 1), Money.parse("PLN 5000.00")))
                .withChange(ContractTerms.hourly(LocalDate.of(2025, 7, 1), Money.parse("PLN 40.00")).withFraction(new java.math.BigDecimal("0.5")));
        roundTrips(c, Contract.class);
        roundTrips(PeriodInput.builder(pl.id()).hours("12.5").overtime("2", "1.5").bonus(Bonus.of("Award", Money.parse("PLN 100.00"))).sickDays(2).build(),
                PeriodInput.class);
        assertThat(json.writeValueAsString(uk)).contains("\"jurisdiction\":\"GB\"");
    }

    @Test
    void runs_payslips_and_journals_round_trip() throws Exception {
        h.hire(PolishTaxProfile.standard().withPpk(), LocalDate.of(1980, 1, 1), LocalDate.of(2024, 1, 1), "PLN 7000.00");
        PayrollRun run = h.payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, 4)), "boss");
        roundTrips(run, PayrollRun.class);
        roundTrips(run.payslips().get(0), Payslip.class);
        roundTrips(run.journal(), PayrollJournal.class);
        assertThat(json.readValue(PayslipRenderer.json(run.payslips().get(0)), Payslip.class)).isEqualTo(run.payslips().get(0));
        assertThat(json.writeValueAsString(run.payslips().get(0))).contains("\"net\":{\"amount\":\"4949.67\",\"currency\":\"PLN\"}");
    }

    @Test
    void text_and_html_show_every_line_and_the_employer_cost() {
        h.hire(UkTaxProfile.of("S1257L", "A"), LocalDate.of(1980, 1, 1), LocalDate.of(2024, 1, 1), "GBP 3000.00");
        Payslip p = h.payroll.preview(RunRequest.regular("GB", YearMonth.of(2025, 4))).payslips().get(0);
        String text = PayslipRenderer.text(p);
        String html = PayslipRenderer.html(p);
        for (PayslipLine l : p.lines()) {
            assertThat(text).contains(l.label());
            assertThat(html).contains(l.amount().getAmount().toPlainString());
        }
        assertThat(text).contains("TOTAL EMPLOYER COST").contains(p.totalCost().getAmount().toPlainString());
        assertThat(html).contains("Total employer cost").doesNotContain("<script");
    }
}
