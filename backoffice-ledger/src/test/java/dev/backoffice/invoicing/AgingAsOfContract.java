package dev.backoffice.invoicing;

import dev.backoffice.core.testing.StoreKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static dev.backoffice.invoicing.ApFixtures.GLOBEX_KEY;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static dev.backoffice.invoicing.InvoicingFixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The aging report as of a past date, on every store kind (issue #16): what was open then, not what is open now. */
public abstract class AgingAsOfContract extends ApContractBase {

    protected AgingAsOfContract(StoreKind kind) {
        super(kind);
    }

    @Test
    void aging_as_of_a_past_date_undoes_the_payments_and_credit_notes_made_after_it() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        invoicing.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        LocalDate feb1 = LocalDate.of(2026, 2, 1);
        Invoice a = invoicing.issue(sale("FV", "1000.00").issueDate(feb1).saleDate(feb1).dueDate(feb1.plusDays(14)).build()); // 1230.00
        LocalDate feb10 = LocalDate.of(2026, 2, 10);
        Invoice b = invoicing.issue(sale("FV", "100.00").line(InvoicingFixtures.line("Books", "2", pln("50.00"), VatRate.PL_23))
                .issueDate(feb10).saleDate(feb10).dueDate(feb10.plusDays(14)).build()); // 246.00
        invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("1230.00"), LocalDate.of(2026, 3, 10), "A").allocate(a.id(), pln("1230.00")));
        invoicing.correct(b.id(), CorrectInvoice.of("KOR", List.of(b.lines().get(0), b.lines().get(1).withQuantity(BigDecimal.ONE)),
                "one book returned", "clerk").withIssueDate(LocalDate.of(2026, 3, 5))); // -61.50

        // 1 March: both open in full, A 14 days overdue, B 5 days
        AgingReport march1 = invoicing.aging(LocalDate.of(2026, 3, 1));
        assertThat(march1.rows()).extracting(AgingReport.Row::customer, AgingReport.Row::current, AgingReport.Row::days1to30,
                AgingReport.Row::invoices).containsExactly(tuple(GLOBEX_KEY, pln("0.00"), pln("1476.00"), 2));
        // 7 March: the credit note of 5 March took 61.50 off B; A still unpaid (20 days overdue)
        assertThat(invoicing.aging(LocalDate.of(2026, 3, 7)).rows()).extracting(AgingReport.Row::days1to30)
                .containsExactly(pln("1414.50"));
        // 5 February: only A was issued, not yet due
        assertThat(invoicing.aging(LocalDate.of(2026, 2, 5)).rows()).extracting(AgingReport.Row::current, AgingReport.Row::invoices)
                .containsExactly(tuple(pln("1230.00"), 1));
        // today: A is paid; B's rest is open
        assertThat(invoicing.aging(MARCH_16).rows()).extracting(AgingReport.Row::days1to30, AgingReport.Row::invoices)
                .containsExactly(tuple(pln("184.50"), 1));
        // before anything was issued: nothing
        assertThat(invoicing.aging(LocalDate.of(2026, 1, 31)).rows()).isEmpty();
    }
}
