package dev.backoffice.invoicing;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.ledger.JournalEntry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static dev.backoffice.invoicing.ApFixtures.GLOBEX_KEY;
import static dev.backoffice.invoicing.ApFixtures.bill;
import static dev.backoffice.invoicing.InvoicingFixtures.ACME;
import static dev.backoffice.invoicing.InvoicingFixtures.BRITCO;
import static dev.backoffice.invoicing.InvoicingFixtures.GLOBEX;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.InvoicingFixtures.eur;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static org.assertj.core.api.Assertions.assertThat;

/** The purchase ledger (accounts payable) on every store kind. */
public abstract class PayablesContract extends ApContractBase {

    protected PayablesContract(StoreKind kind) {
        super(kind);
    }

    private PurchaseInvoice approved(String number, String net, LocalDate date) {
        PurchaseInvoice p = payables.register(bill(number, net, date).build());
        return payables.approve(p.id(), "approver");
    }

    @Test
    void a_registered_invoice_waits_for_approval_and_approval_posts_expense_and_input_vat_against_the_payable() {
        PurchaseInvoice p = payables.register(bill("FV/2026/03/117", "4000.00", MARCH_16.minusDays(2)).receivedOn(MARCH_16.minusDays(1)).build());
        assertThat(p.status()).isEqualTo(PurchaseStatus.RECEIVED);
        assertThat(p.supplier()).isEqualTo(GLOBEX_KEY);
        assertThat(p.gross()).isEqualTo(pln("4920.00"));
        assertThat(ledger.journal(0, 10)).isEmpty();
        assertThat(payables.purchaseBySupplierNumber(GLOBEX_KEY, "FV/2026/03/117")).contains(p);

        PurchaseInvoice a = payables.approve(p.id(), "approver");
        assertThat(a.status()).isEqualTo(PurchaseStatus.APPROVED);
        assertThat(a.approvedBy()).contains("approver");
        JournalEntry entry = ledger.entry(a.ledgerEntry().orElseThrow());
        assertThat(entry.effectiveDate()).isEqualTo(MARCH_16.minusDays(1)); // the day it was received
        assertThat(ledger.balance("6300").posted()).isEqualTo(pln("4000.00"));
        assertThat(ledger.balance("1300").posted()).isEqualTo(pln("920.00"));
        assertThat(ledger.balance("2100").posted()).isEqualTo(pln("4920.00"));
        assertThat(payables.approve(p.id(), "approver")).isEqualTo(a); // a retry
        assertThat(ledger.journal(0, 10)).hasSize(1);
    }

    @Test
    void the_same_supplier_number_from_the_same_supplier_is_refused_naming_it_and_nothing_is_written() {
        PurchaseInvoice first = payables.register(bill("FV/1", "100.00", MARCH_16).build());
        NewPurchaseInvoice again = bill("FV/1", "200.00", MARCH_16).build();
        failsNaming("invoicing.duplicate_supplier_number", "supplierNumber", () -> payables.register(again));
        assertThat(payables.purchaseBySupplierNumber(GLOBEX_KEY, "FV/1")).contains(first);
        InvoiceId id = InvoiceId.newId();
        failsNaming("invoicing.duplicate_supplier_number", "supplierNumber", () -> payables.register(again.withId(id)));
        fails("invoicing.invoice_not_found", () -> payables.purchase(id));
        // another supplier may use the same number
        PurchaseInvoice other = payables.register(bill("FV/1", "100.00", MARCH_16).supplier("another").build());
        assertThat(other.supplierNumber()).isEqualTo("FV/1");
        // the same command with its id again is a retry, not a duplicate
        assertThat(payables.register(bill("FV/1", "100.00", MARCH_16).build().withId(first.id()))).isEqualTo(first);
    }

    @Test
    void bad_purchase_input_is_refused_naming_the_field() {
        failsNaming("invoicing.unknown_vat_rate", "lines[0].vatRate", () -> NewPurchaseInvoice.builder(PLN).seller(GLOBEX).buyer(ACME)
                .supplierNumber("X").line(PurchaseLine.of("a", VatRate.GB_20, pln("10.00"), pln("2.00"))).issueDate(MARCH_16).build());
        failsNaming("invoicing.invalid_amount", "lines[0].vat", () -> NewPurchaseInvoice.builder(PLN).seller(GLOBEX).buyer(ACME)
                .supplierNumber("X").line(PurchaseLine.of("a", VatRate.PL_23, pln("100.00"), pln("30.00"))).issueDate(MARCH_16).build());
        failsNaming("invoicing.invalid_amount", "lines[0].vat", () -> NewPurchaseInvoice.builder(PLN).seller(GLOBEX).buyer(ACME)
                .supplierNumber("X").line(PurchaseLine.of("a", VatRate.PL_EXEMPT, pln("100.00"), pln("1.00"))).issueDate(MARCH_16).build());
        failsNaming("invoicing.invalid_amount", "lines[0].net", () -> NewPurchaseInvoice.builder(PLN).seller(GLOBEX).buyer(ACME)
                .supplierNumber("X").line(PurchaseLine.of("a", VatRate.PL_23, pln("-1.00"), pln("0.00"))).issueDate(MARCH_16).build());
        failsNaming("invoicing.currency_mismatch", "lines[0].net", () -> NewPurchaseInvoice.builder(PLN).seller(GLOBEX).buyer(ACME)
                .supplierNumber("X").line(PurchaseLine.of("a", VatRate.PL_23, eur("1.00"), pln("0.23"))).issueDate(MARCH_16).build());
        failsNaming("invoicing.invalid_date", "receivedOn", () -> bill("X", "1.00", MARCH_16).receivedOn(MARCH_16.minusDays(1)).build());
        failsNaming("invoicing.invalid_date", "dueDate", () -> bill("X", "1.00", MARCH_16).dueDate(MARCH_16.minusDays(1)).build());
        failsNaming("invoicing.invalid_lines", "lines", () -> NewPurchaseInvoice.builder(PLN).seller(GLOBEX).buyer(ACME)
                .supplierNumber("X").issueDate(MARCH_16).build());
        failsNaming("request.invalid", "supplierNumber", () -> bill(" ", "1.00", MARCH_16).build());
        failsNaming("invoicing.invalid_tax_id", "seller.taxId", () -> bill("X", "1.00", MARCH_16)
                .seller(Party.withoutTaxId("Shop", "PL", "ul. 1")).build());
        // a UK buyer takes UK rates
        assertThat(NewPurchaseInvoice.builder(InvoicingFixtures.GBP).seller(BRITCO).buyer(BRITCO).supplierNumber("INV-1")
                .line(PurchaseLine.of("a", VatRate.GB_20, InvoicingFixtures.gbp("10.00"), InvoicingFixtures.gbp("2.00")))
                .issueDate(MARCH_16).build().lines()).hasSize(1);
        // a supplier's per-line rounding a few grosze off the per-rate figure is taken as printed
        assertThat(NewPurchaseInvoice.builder(PLN).seller(GLOBEX).buyer(ACME).supplierNumber("X")
                .line(PurchaseLine.of("a", VatRate.PL_23, pln("100.00"), pln("23.04"))).issueDate(MARCH_16).build().lines()).hasSize(1);
    }

    @Test
    void a_received_invoice_is_not_paid_before_approval_and_a_rejected_one_never() {
        PurchaseInvoice p = payables.register(bill("FV/9", "100.00", MARCH_16).build());
        fails("invoicing.illegal_transition", () -> payables.pay(NewPayment.of(GLOBEX_KEY, pln("123.00"), MARCH_16, "t1")
                .allocate(p.id(), pln("123.00"))));
        assertThat(ledger.journal(0, 10)).isEmpty();
        PurchaseInvoice rejected = payables.reject(p.id(), "approver", "wrong price");
        assertThat(rejected.status()).isEqualTo(PurchaseStatus.REJECTED);
        assertThat(rejected.rejection()).contains("wrong price");
        fails("invoicing.illegal_transition", () -> payables.approve(p.id(), "approver"));
        assertThat(payables.dueBy(MARCH_16.plusDays(100))).isEmpty();
        assertThat(ledger.journal(0, 10)).isEmpty();
    }

    @Test
    void payments_to_a_supplier_move_its_invoice_to_paid_and_post_payable_against_bank_and_an_overpayment_is_an_advance() {
        PurchaseInvoice a = approved("FV/1", "100.00", MARCH_16); // 123.00
        PurchaseInvoice b = approved("FV/2", "200.00", MARCH_16); // 246.00
        Payment first = payables.pay(NewPayment.of(GLOBEX_KEY, pln("23.00"), MARCH_16, "t1").allocate(a.id(), pln("23.00")));
        assertThat(payables.purchase(a.id())).returns(PurchaseStatus.PARTIALLY_PAID, PurchaseInvoice::status)
                .returns(pln("100.00"), PurchaseInvoice::open);
        assertThat(payables.pay(NewPayment.of(GLOBEX_KEY, pln("23.00"), MARCH_16, "t1").allocate(a.id(), pln("23.00"))
                .withId(first.id()))).isEqualTo(first);
        Payment second = payables.pay(NewPayment.of(GLOBEX_KEY, pln("400.00"), MARCH_16, "t2").allocate(a.id(), pln("100.00")));
        assertThat(payables.purchase(a.id()).status()).isEqualTo(PurchaseStatus.PAID);
        assertThat(second.unallocated()).isEqualTo(pln("300.00"));
        assertThat(ledger.balance("1400").posted()).isEqualTo(pln("300.00"));
        payables.allocate(second.id(), List.of(NewAllocation.of(b.id(), pln("246.00"))));
        assertThat(payables.purchase(b.id()).status()).isEqualTo(PurchaseStatus.PAID);
        assertThat(payables.payment(second.id()).unallocated()).isEqualTo(pln("54.00"));
        assertThat(ledger.balance("2100").posted()).isEqualTo(pln("0.00"));
        assertThat(ledger.balance("1400").posted()).isEqualTo(pln("54.00"));
        assertThat(ledger.balance("1010").posted()).isEqualTo(pln("-423.00"));
    }

    @Test
    void allocations_beyond_what_is_open_or_to_another_suppliers_invoice_are_refused_and_nothing_is_written() {
        PurchaseInvoice a = approved("FV/1", "100.00", MARCH_16);
        int entries = ledger.journal(0, 100).size();
        failsNaming("invoicing.allocation_exceeds_open", "allocations[0].amount",
                () -> payables.pay(NewPayment.of(GLOBEX_KEY, pln("200.00"), MARCH_16, "t").allocate(a.id(), pln("124.00"))));
        failsNaming("invoicing.customer_mismatch", "allocations[0].invoice",
                () -> payables.pay(NewPayment.of("someone", pln("1.00"), MARCH_16, "t").allocate(a.id(), pln("1.00"))));
        assertThat(payables.purchase(a.id()).paid()).isEqualTo(pln("0.00"));
        assertThat(ledger.journal(0, 100)).hasSize(entries);
    }

    @Test
    void the_due_list_holds_every_open_invoice_due_by_the_date_earliest_first() {
        PurchaseInvoice late = payables.register(bill("A", "10.00", MARCH_16.minusDays(30)).build()); // due 1 March
        PurchaseInvoice soon = approved("B", "20.00", MARCH_16); // due 30 March
        PurchaseInvoice later = approved("C", "30.00", MARCH_16.plusDays(30)); // due 29 April
        PurchaseInvoice paid = approved("D", "40.00", MARCH_16);
        payables.pay(NewPayment.of(GLOBEX_KEY, paid.gross(), MARCH_16, "t").allocate(paid.id(), paid.gross()));
        assertThat(payables.dueBy(MARCH_16.plusDays(14))).extracting(PurchaseInvoice::id).containsExactly(late.id(), soon.id());
        assertThat(payables.dueBy(MARCH_16.plusDays(60))).extracting(PurchaseInvoice::id).containsExactly(late.id(), soon.id(), later.id());
        assertThat(payables.dueBy(MARCH_16.minusDays(10))).extracting(PurchaseInvoice::id).containsExactly(late.id());
    }

    @Test
    void approval_into_a_closed_ledger_period_is_refused_naming_the_received_date_and_leaves_the_invoice_waiting() {
        PurchaseInvoice p = payables.register(bill("FV/5", "100.00", LocalDate.of(2026, 3, 5)).build());
        ledger.closePeriod(LocalDate.of(2026, 3, 10), "accountant");
        failsNaming("invoicing.period_closed", "receivedOn", () -> payables.approve(p.id(), "approver"));
        assertThat(payables.purchase(p.id()).status()).isEqualTo(PurchaseStatus.RECEIVED);
        assertThat(ledger.journal(0, 10)).isEmpty();
    }

    @Test
    void a_euro_invoice_of_a_polish_buyer_keeps_its_vat_in_zloty_at_the_rate_before_the_tax_point() {
        FxRates rates = FixedFxRates.builder().rate(InvoicingFixtures.EUR, PLN, LocalDate.of(2026, 3, 13), "4.2817", "051/A/NBP/2026").build();
        TenantPayables ap = invoicing(rates).forTenant(tenant).payables();
        PurchaseInvoice p = ap.register(NewPurchaseInvoice.builder(InvoicingFixtures.EUR).seller(GLOBEX).buyer(ACME).supplierNumber("E/1")
                .line(PurchaseLine.of("Licence", VatRate.PL_23, eur("1000.00"), eur("230.00"))).issueDate(MARCH_16).build());
        assertThat(p.totals().get(0).vatLocal()).contains(pln("984.79"));
        assertThat(p.fxRate().orElseThrow().rate()).isEqualByComparingTo(new BigDecimal("4.2817"));
        failsNaming("invoicing.fx_rate_missing", "saleDate", () -> payables.register(NewPurchaseInvoice.builder(InvoicingFixtures.EUR)
                .seller(GLOBEX).buyer(ACME).supplierNumber("E/2")
                .line(PurchaseLine.of("Licence", VatRate.PL_23, eur("1000.00"), eur("230.00"))).issueDate(MARCH_16).build()));
    }
}
