package dev.backoffice.invoicing.internal;

import dev.backoffice.invoicing.FxRate;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.VatTotal;
import org.joda.money.BigMoney;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static dev.backoffice.invoicing.InvoicingFixtures.EUR;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.InvoicingFixtures.eur;
import static dev.backoffice.invoicing.InvoicingFixtures.line;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static org.assertj.core.api.Assertions.assertThat;

class VatMathTest {

    @Test
    void vat_is_computed_once_per_rate_from_the_sum_of_the_net_values_not_line_by_line() {
        // three lines of PLN 0.02 at 23 %: line by line 3 x 0.0046 -> 0.00; from the sum 0.06 x 23 % = 0.0138 -> 0.01
        List<InvoiceLine> lines = List.of(line("a", "1", pln("0.02"), VatRate.PL_23), line("b", "1", pln("0.02"), VatRate.PL_23),
                line("c", "1", pln("0.02"), VatRate.PL_23));
        List<VatTotal> totals = VatMath.totals(lines, PLN);
        assertThat(totals).hasSize(1);
        assertThat(totals.get(0).net()).isEqualTo(pln("0.06"));
        assertThat(totals.get(0).vat()).isEqualTo(pln("0.01"));
        assertThat(totals.get(0).gross()).isEqualTo(pln("0.07"));
    }

    @Test
    void half_a_grosz_is_rounded_up() {
        // PLN 0.50 at 5 % is 0.025: half up gives 0.03 (half even would give 0.02)
        assertThat(VatMath.totals(List.of(line("a", "1", pln("0.50"), VatRate.PL_5)), PLN).get(0).vat()).isEqualTo(pln("0.03"));
        // PLN 0.10 at 23 % is 0.023: below half, dropped
        assertThat(VatMath.totals(List.of(line("a", "1", pln("0.10"), VatRate.PL_23)), PLN).get(0).vat()).isEqualTo(pln("0.02"));
    }

    @Test
    void a_line_net_value_is_quantity_times_price_less_discount_rounded_once() {
        InvoiceLine fuel = new InvoiceLine("Diesel", new BigDecimal("41.237"), "l", BigMoney.of(PLN, new BigDecimal("6.4590")),
                new BigDecimal("2.5"), VatRate.PL_23);
        // 41.237 x 6.4590 = 266.349783; less 2.5 % = 259.690538... -> 259.69
        assertThat(fuel.netValue()).isEqualTo(pln("259.69"));
    }

    @Test
    void totals_come_per_rate_in_the_order_each_rate_first_appears_and_untaxed_rates_carry_no_vat() {
        List<InvoiceLine> lines = List.of(line("book", "2", pln("40.00"), VatRate.PL_5), line("laptop", "1", pln("3000.00"), VatRate.PL_23),
                line("training", "1", pln("500.00"), VatRate.PL_EXEMPT), line("pen", "3", pln("2.50"), VatRate.PL_23),
                line("export service", "1", pln("100.00"), VatRate.PL_NOT_SUBJECT));
        List<VatTotal> totals = VatMath.totals(lines, PLN);
        assertThat(totals).extracting(VatTotal::rate)
                .containsExactly(VatRate.PL_5, VatRate.PL_23, VatRate.PL_EXEMPT, VatRate.PL_NOT_SUBJECT);
        assertThat(totals.get(0).vat()).isEqualTo(pln("4.00"));
        assertThat(totals.get(1).net()).isEqualTo(pln("3007.50"));
        assertThat(totals.get(1).vat()).isEqualTo(pln("691.73")); // 691.725 -> up
        assertThat(totals.get(2).vat()).isEqualTo(pln("0.00"));
        assertThat(VatMath.sum(totals, PLN, VatTotal::gross)).isEqualTo(pln("4383.23"));
    }

    @Test
    void local_amounts_are_each_converted_and_rounded_half_up() {
        FxRate rate = new FxRate(EUR, PLN, LocalDate.of(2026, 3, 13), new BigDecimal("4.2817"), "051/A/NBP/2026");
        List<VatTotal> totals = VatMath.inLocal(VatMath.totals(List.of(line("a", "1", eur("1000.00"), VatRate.PL_23)), EUR), rate);
        assertThat(totals.get(0).netLocal()).contains(pln("4281.70"));
        assertThat(totals.get(0).vatLocal()).contains(pln("984.79")); // 230.00 x 4.2817 = 984.791
    }

    @Test
    void a_correction_is_the_after_totals_less_the_before_totals_per_rate() {
        List<InvoiceLine> before = List.of(line("a", "10", pln("10.00"), VatRate.PL_23), line("b", "1", pln("50.00"), VatRate.PL_8));
        List<InvoiceLine> after = List.of(before.get(0).withQuantity(new BigDecimal("7")), before.get(1).withQuantity(BigDecimal.ZERO));
        List<VatTotal> totals = VatMath.correction(before, after, PLN);
        assertThat(totals.get(0).net()).isEqualTo(pln("-30.00"));
        assertThat(totals.get(0).vat()).isEqualTo(pln("-6.90"));
        assertThat(totals.get(1).net()).isEqualTo(pln("-50.00"));
        assertThat(totals.get(1).vat()).isEqualTo(pln("-4.00"));
    }
}
