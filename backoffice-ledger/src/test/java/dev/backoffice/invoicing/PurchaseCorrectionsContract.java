package dev.backoffice.invoicing;

import dev.backoffice.core.testing.StoreKind;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.backoffice.invoicing.ApFixtures.GLOBEX_KEY;
import static dev.backoffice.invoicing.ApFixtures.bill;
import static dev.backoffice.invoicing.InvoicingFixtures.ACME;
import static dev.backoffice.invoicing.InvoicingFixtures.INITECH;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The purchase side's corrections on every store kind: reverse charge on purchases and suppliers' credit notes (issue #16). */
public abstract class PurchaseCorrectionsContract extends ApContractBase {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    protected PurchaseCorrectionsContract(StoreKind kind) {
        super(kind);
    }

    private Money balance(String code) {
        return ledger.balance(code).posted();
    }

    private NewPurchaseInvoice.Builder services(PurchaseLine line) {
        return NewPurchaseInvoice.builder(PLN).seller(INITECH).buyer(ACME).supplierNumber("RE-2026-117").line(line)
                .issueDate(MARCH_16).receivedOn(MARCH_16).dueDate(MARCH_16.plusDays(30));
    }

    @Test
    void a_reverse_charge_purchase_self_assesses_output_and_input_vat_in_the_register_and_the_ledger() {
        PurchaseInvoice p = payables.register(services(PurchaseLine.reverseCharge("Software services", VatRate.PL_23, pln("1000.00")))
                .build());
        assertThat(p.gross()).isEqualTo(pln("1000.00")); // the supplier charged no VAT
        assertThat(p.totals()).extracting(VatTotal::rate, VatTotal::net, VatTotal::vat)
                .containsExactly(tuple(VatRate.PL_REVERSE_CHARGE, pln("1000.00"), pln("0.00")));
        assertThat(p.selfAssessed()).extracting(VatTotal::rate, VatTotal::net, VatTotal::vat)
                .containsExactly(tuple(VatRate.PL_23, pln("1000.00"), pln("230.00")));
        assertThat(payables.purchase(p.id())).isEqualTo(p);
        payables.approve(p.id(), "cfo");
        assertThat(balance("6300")).isEqualTo(pln("1000.00"));
        assertThat(balance("1300")).isEqualTo(pln("230.00"));
        assertThat(balance("2200")).isEqualTo(pln("230.00"));
        assertThat(balance("2100")).isEqualTo(pln("1000.00"));
        VatRegister march = invoicing.vatRegister(MARCH_1, MARCH_31);
        assertThat(march.rows()).extracting(VatRegister.Row::side, VatRegister.Row::rate, VatRegister.Row::net, VatRegister.Row::vat)
                .containsExactly(tuple(VatRegister.Side.SALES, VatRate.PL_23, pln("1000.00"), pln("230.00")),
                        tuple(VatRegister.Side.PURCHASES, VatRate.PL_23, pln("1000.00"), pln("230.00")));
        assertThat(march.vat(VatRegister.Side.SALES, PLN)).isEqualTo(balance("2200"));
        assertThat(march.vat(VatRegister.Side.PURCHASES, PLN)).isEqualTo(balance("1300"));
    }

    @Test
    void a_reverse_charge_line_must_carry_no_vat_and_a_taxed_polish_rate() {
        PurchaseLine charged = new PurchaseLine("Software services", VatRate.PL_23, pln("1000.00"), pln("230.00"), true);
        failsNaming("invoicing.invalid_amount", "lines[0].vat", () -> services(charged).build());
        failsNaming("invoicing.unknown_vat_rate", "lines[0].vatRate",
                () -> services(PurchaseLine.reverseCharge("Software services", VatRate.PL_0, pln("1000.00"))).build());
    }

    @Test
    void a_suppliers_credit_note_takes_back_expense_and_input_vat_and_settles_the_invoice_in_part() {
        PurchaseInvoice rent = payables.register(bill("FV/117", "1000.00", MARCH_16).build()); // 1000.00 + 230.00
        payables.approve(rent.id(), "cfo");
        InvoiceId noteId = InvoiceId.newId();
        NewSupplierCreditNote command = NewSupplierCreditNote.of("KOR/5",
                List.of(PurchaseLine.of("Rent reduced", VatRate.PL_23, pln("200.00"), pln("46.00"))), MARCH_16.plusDays(2), "leak").withId(noteId);
        PurchaseInvoice note = payables.registerCreditNote(rent.id(), command);
        assertThat(note.isCreditNote()).isTrue();
        assertThat(note.corrects()).contains(rent.id());
        assertThat(note.gross()).isEqualTo(pln("-246.00"));
        assertThat(note.totals()).extracting(VatTotal::rate, VatTotal::net, VatTotal::vat)
                .containsExactly(tuple(VatRate.PL_23, pln("-200.00"), pln("-46.00")));
        assertThat(payables.purchase(noteId)).isEqualTo(note);
        assertThat(payables.registerCreditNote(rent.id(), command)).isEqualTo(note); // a retry
        PurchaseInvoice corrected = payables.purchase(rent.id());
        assertThat(corrected.status()).isEqualTo(PurchaseStatus.PARTIALLY_PAID);
        assertThat(corrected.open()).isEqualTo(pln("984.00"));
        assertThat(balance("2100")).isEqualTo(pln("984.00"));
        assertThat(balance("6300")).isEqualTo(pln("800.00"));
        assertThat(balance("1300")).isEqualTo(pln("184.00"));
        assertThat(ledger.entry(note.ledgerEntry().orElseThrow()).effectiveDate()).isEqualTo(MARCH_16.plusDays(2));
        assertThat(payables.dueBy(MARCH_31)).extracting(PurchaseInvoice::id).containsExactly(rent.id());
        VatRegister march = invoicing.vatRegister(MARCH_1, MARCH_31);
        assertThat(march.vat(VatRegister.Side.PURCHASES, PLN)).isEqualTo(pln("184.00")).isEqualTo(balance("1300"));
        payables.pay(NewPayment.of(GLOBEX_KEY, pln("984.00"), MARCH_31, "rent").allocate(rent.id(), pln("984.00")));
        assertThat(payables.purchase(rent.id()).status()).isEqualTo(PurchaseStatus.PAID);
        assertThat(balance("2100")).isEqualTo(pln("0.00"));
    }

    @Test
    void a_credit_note_on_a_reverse_charge_purchase_takes_the_self_assessed_vat_back_on_both_sides() {
        PurchaseInvoice p = payables.register(services(PurchaseLine.reverseCharge("Software services", VatRate.PL_23, pln("1000.00")))
                .build());
        payables.approve(p.id(), "cfo");
        PurchaseInvoice note = payables.registerCreditNote(p.id(), NewSupplierCreditNote.of("RE-2026-117-K",
                List.of(PurchaseLine.reverseCharge("Services not delivered", VatRate.PL_23, pln("100.00"))), MARCH_16, "discount"));
        assertThat(note.selfAssessed()).extracting(VatTotal::vat).containsExactly(pln("-23.00"));
        assertThat(balance("2200")).isEqualTo(pln("207.00"));
        assertThat(balance("1300")).isEqualTo(pln("207.00"));
        assertThat(balance("2100")).isEqualTo(pln("900.00"));
        VatRegister march = invoicing.vatRegister(MARCH_1, MARCH_31);
        assertThat(march.vat(VatRegister.Side.SALES, PLN)).isEqualTo(pln("207.00"));
        assertThat(march.vat(VatRegister.Side.PURCHASES, PLN)).isEqualTo(pln("207.00"));
    }

    @Test
    void bad_credit_notes_are_refused_naming_the_field_with_nothing_written() {
        PurchaseInvoice received = payables.register(bill("FV/118", "1000.00", MARCH_16).build());
        List<PurchaseLine> small = List.of(PurchaseLine.of("Rent reduced", VatRate.PL_23, pln("100.00"), pln("23.00")));
        failsNaming("invoicing.illegal_transition", "purchase",
                () -> payables.registerCreditNote(received.id(), NewSupplierCreditNote.of("K/1", small, MARCH_16, "x")));
        payables.approve(received.id(), "cfo");
        failsNaming("invoicing.credit_exceeds_invoice", "lines", () -> payables.registerCreditNote(received.id(),
                NewSupplierCreditNote.of("K/1", List.of(PurchaseLine.of("All and more", VatRate.PL_23, pln("1000.01"), pln("230.00"))),
                        MARCH_16, "x")));
        failsNaming("invoicing.invalid_correction", "lines[0].vatRate", () -> payables.registerCreditNote(received.id(),
                NewSupplierCreditNote.of("K/1", List.of(PurchaseLine.of("Books", VatRate.PL_8, pln("10.00"), pln("0.80"))), MARCH_16, "x")));
        failsNaming("invoicing.duplicate_supplier_number", "supplierNumber",
                () -> payables.registerCreditNote(received.id(), NewSupplierCreditNote.of("FV/118", small, MARCH_16, "x")));
        failsNaming("invoicing.invalid_amount", "lines[0].net", () -> NewSupplierCreditNote.of("K/1",
                List.of(PurchaseLine.of("Negative", VatRate.PL_23, pln("-1.00"), pln("0.00"))), MARCH_16, "x"));
        assertThat(payables.purchase(received.id()).paid()).isEqualTo(pln("0.00"));
        assertThat(balance("2100")).isEqualTo(pln("1230.00"));
        assertThat(payables.purchaseBySupplierNumber(GLOBEX_KEY, "K/1")).isEmpty();
    }
}
