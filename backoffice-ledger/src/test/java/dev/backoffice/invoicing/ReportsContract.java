package dev.backoffice.invoicing;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.ledger.AccountRef;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dev.backoffice.invoicing.ApFixtures.bill;
import static dev.backoffice.invoicing.InvoicingFixtures.ACME;
import static dev.backoffice.invoicing.InvoicingFixtures.EUR;
import static dev.backoffice.invoicing.InvoicingFixtures.GLOBEX;
import static dev.backoffice.invoicing.InvoicingFixtures.INITECH;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.InvoicingFixtures.eur;
import static dev.backoffice.invoicing.InvoicingFixtures.line;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static org.assertj.core.api.Assertions.assertThat;

/** The VAT register (and, below, the aging report) on every store kind. */
public abstract class ReportsContract extends ApContractBase {

    protected static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    protected static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    protected ReportsContract(StoreKind kind) {
        super(kind);
    }

    /** How much {@code code}'s posted balance moved in {@code from..to}. */
    protected Money movement(String code, LocalDate from, LocalDate to) {
        return ledger.balance(AccountRef.code(code), to).posted().minus(ledger.balance(AccountRef.code(code), from.minusDays(1)).posted());
    }

    @Test
    void the_vat_register_lists_sales_and_purchases_by_rate_in_zloty_and_reconciles_to_the_ledgers_vat_accounts() {
        FxRates rates = FixedFxRates.builder().rate(EUR, PLN, LocalDate.of(2026, 3, 13), "4.2817", "051/A/NBP/2026").build();
        TenantInvoicing books = invoicing(rates).forTenant(tenant);
        books.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        books.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        books.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX).issueDate(MARCH_16).saleDate(MARCH_16)
                .line(line("Consulting", "2", pln("500.00"), VatRate.PL_23))
                .line(line("Books", "1", pln("100.00"), VatRate.PL_5)).build());
        Invoice cancelled = books.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX).issueDate(MARCH_16).saleDate(MARCH_16)
                .line(line("Consulting", "1", pln("200.00"), VatRate.PL_23)).build());
        books.cancel(cancelled.id(), CancelInvoice.of("KOR", "wrong buyer", "clerk"));
        books.issue(NewInvoice.builder("FV", EUR).seller(ACME).buyer(INITECH).issueDate(MARCH_16).saleDate(MARCH_16)
                .line(line("Licence", "1", eur("1000.00"), VatRate.PL_23)).build());
        books.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX).issueDate(LocalDate.of(2026, 4, 1))
                .line(line("April", "1", pln("1000.00"), VatRate.PL_23)).build()); // another period
        TenantPayables ap = books.payables();
        ap.approve(ap.register(bill("P/1", "4000.00", LocalDate.of(2026, 3, 2)).build()).id(), "approver");
        ap.register(bill("P/2", "50.00", LocalDate.of(2026, 3, 2)).build()); // not approved: not posted, not in the register
        ap.approve(ap.register(bill("P/3", "10.00", LocalDate.of(2026, 2, 27)).receivedOn(LocalDate.of(2026, 3, 2)).build()).id(), "approver");

        VatRegister register = books.vatRegister(MARCH_1, MARCH_31);
        assertThat(register.rows()).extracting(VatRegister.Row::side, VatRegister.Row::currency, VatRegister.Row::rate,
                VatRegister.Row::documents, VatRegister.Row::net, VatRegister.Row::vat).containsExactly(
                org.assertj.core.groups.Tuple.tuple(VatRegister.Side.SALES, EUR, VatRate.PL_23, 1, eur("1000.00"), eur("230.00")),
                org.assertj.core.groups.Tuple.tuple(VatRegister.Side.SALES, PLN, VatRate.PL_23, 3, pln("1000.00"), pln("230.00")),
                org.assertj.core.groups.Tuple.tuple(VatRegister.Side.SALES, PLN, VatRate.PL_5, 1, pln("100.00"), pln("5.00")),
                org.assertj.core.groups.Tuple.tuple(VatRegister.Side.PURCHASES, PLN, VatRate.PL_23, 2, pln("4010.00"), pln("922.30")));
        assertThat(register.rows().get(0).vatPln()).contains(pln("984.79")); // 230.00 EUR x 4.2817
        assertThat(register.vatPln(VatRegister.Side.SALES)).isEqualTo(pln("1219.79"));

        for (CurrencyUnit c : new CurrencyUnit[] {PLN, EUR}) {
            String n = c == PLN ? "" : "1";
            String vatDue = c == PLN ? "2200" : "2201";
            String inputVat = c == PLN ? "1300" : "1301";
            assertThat(register.vat(VatRegister.Side.SALES, c)).as("sales " + n).isEqualTo(movement(vatDue, MARCH_1, MARCH_31));
            assertThat(register.vat(VatRegister.Side.PURCHASES, c)).isEqualTo(movement(inputVat, MARCH_1, MARCH_31));
        }
        assertThat(books.vatRegister(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)).vat(VatRegister.Side.SALES, PLN))
                .isEqualTo(pln("230.00"));
        failsNaming("invoicing.invalid_date", "to", () -> books.vatRegister(MARCH_31, MARCH_1));
    }
}
