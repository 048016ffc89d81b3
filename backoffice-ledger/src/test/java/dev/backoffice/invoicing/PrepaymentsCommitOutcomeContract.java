package dev.backoffice.invoicing;

import dev.backoffice.core.testing.CommitOutcomeContract;
import dev.backoffice.core.testing.CommitOutcomes.Fault;
import dev.backoffice.core.testing.CommitOutcomes.Probe;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.invoicing.jdbc.JdbcPayableStore;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.jdbc.TenantBooks;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static dev.backoffice.invoicing.InvoicingFixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failure of the prepayment writes means: converting a proforma, issuing an advance
 * invoice and issuing the final invoice that deducts advances, each under every commit and
 * statement fault on one faulty data source shared by invoices, ledger and audit. What the
 * caller was told matches what is stored; afterwards the receivable is what is open, the
 * advances-received account the net of the advances not yet deducted, and both series have no gap.
 */
public abstract class PrepaymentsCommitOutcomeContract extends CommitOutcomeContract {

    private static final LocalDate MARCH_16 = LocalDate.of(2026, 3, 16);

    private JdbcInvoiceStore invoices;
    private JdbcPayableStore payableStore;
    private JdbcLedgerStore ledgerStore;
    private TenantInvoicing invoicing;
    private TenantLedger ledger;
    private final List<InvoiceId> documents = new ArrayList<>();

    protected PrepaymentsCommitOutcomeContract(StoreKind kind) {
        super(kind);
    }

    @BeforeAll
    void open() {
        invoices = JdbcInvoiceStore.create(faulty());
        payableStore = JdbcPayableStore.create(faulty());
        ledgerStore = closeAfterAll(JdbcLedgerStore.create(faulty()));
    }

    @BeforeEach
    void freshTenant() {
        documents.clear();
        TenantBooks books = TenantBooks.open(ledgerStore, jdbc(), ApFixtures.chart());
        ledger = books.ledger();
        invoicing = Invoicing.builder().store(invoices).payables(payableStore).ledger(books.ledgers(), ApFixtures.ACCOUNTS)
                .clock(books.clock()).audit(books.audit()).build().forTenant(books.tenant());
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        invoicing.defineSeries(Series.of("FZ", "FZ/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
    }

    private static int one(boolean stored) {
        return stored ? 1 : 0;
    }

    /** Receivable = open; advances received = net of the advance invoices not deducted; FV and FZ without a gap. */
    private void theBooksAgree() {
        List<Invoice> all = documents.stream().map(id -> find(() -> invoicing.invoice(id))).flatMap(Optional::stream).toList();
        assertThat(ledger.balance("1100").posted()).isEqualTo(all.stream().map(Invoice::open).reduce(pln("0.00"), Money::plus));
        Money advances = all.stream().filter(i -> i.isAdvance() && i.number().isPresent()).map(Invoice::net).reduce(pln("0.00"), Money::plus)
                .minus(all.stream().filter(Invoice::isFinal).flatMap(i -> i.details().deductions().stream())
                        .flatMap(d -> d.totals().stream()).map(VatTotal::net).reduce(pln("0.00"), Money::plus));
        assertThat(ledger.balance("2450").posted()).isEqualTo(advances);
        for (String series : List.of("FV", "FZ")) {
            GapAudit audit = invoicing.gapAudit(series, NumberingPeriod.year(Year.of(2026)));
            assertThat(audit.gapFree()).as(audit.toString()).isTrue();
        }
    }

    private Invoice proforma() {
        Invoice p = invoicing.proforma(sale("FV", "100.00").build());
        documents.add(p.id());
        return p;
    }

    private Invoice advance(InvoiceId id) {
        documents.add(id);
        return invoicing.issueAdvance(NewAdvanceInvoice.of(sale("FZ", "100.00").id(id).build(), pln("61.50"), MARCH_16));
    }

    @Test
    void a_proforma_conversion_is_stored_once_whatever_the_fault() {
        Invoice p1 = proforma();
        Invoice p2 = proforma();
        Probe probe = probe(() -> invoicing.convertProforma(p1.id(), ConvertProforma.of("clerk")),
                () -> invoicing.convertProforma(p2.id(), ConvertProforma.of("clerk")));
        System.out.println("[invoicefeatures] " + kind() + ": one proforma conversion with its journal entry is " + probe.statements()
                + " statements and " + probe.commits() + " commit(s)");
        assertThat(probe.commits()).isEqualTo(1);
        for (Fault fault : faults(probe)) {
            Invoice p = proforma();
            InvoiceId id = InvoiceId.newId();
            documents.add(id);
            toldMatchesStored(fault, () -> invoicing.convertProforma(p.id(), ConvertProforma.of("clerk").withInvoiceId(id)),
                    told -> one(find(() -> invoicing.invoice(told.id())).filter(told::equals).isPresent()),
                    () -> one(find(() -> invoicing.invoice(id)).isPresent()
                            && invoicing.invoice(p.id()).details().convertedTo().equals(Optional.of(id))), 1);
        }
        documents.addAll(List.of(invoicing.invoice(p1.id()).details().convertedTo().orElseThrow(),
                invoicing.invoice(p2.id()).details().convertedTo().orElseThrow()));
        theBooksAgree();
    }

    @Test
    void an_advance_invoice_is_stored_once_whatever_the_fault() {
        Probe probe = probe(() -> advance(InvoiceId.newId()), () -> advance(InvoiceId.newId()));
        for (Fault fault : faults(probe)) {
            InvoiceId id = InvoiceId.newId();
            toldMatchesStored(fault, () -> advance(id),
                    told -> one(find(() -> invoicing.invoice(told.id())).filter(told::equals).isPresent()),
                    () -> one(find(() -> invoicing.invoice(id)).isPresent()), 1);
        }
        theBooksAgree();
    }

    @Test
    void a_final_invoice_and_its_deductions_are_stored_once_whatever_the_fault() {
        Invoice a1 = advance(InvoiceId.newId());
        Invoice a2 = advance(InvoiceId.newId());
        Supplier<NewInvoice> order = () -> sale("FV", "100.00").build();
        Probe probe = probe(() -> invoicing.issueFinal(NewFinalInvoice.of(order.get(), List.of(a1.id()))),
                () -> invoicing.issueFinal(NewFinalInvoice.of(order.get(), List.of(a2.id()))));
        for (Fault fault : faults(probe)) {
            Invoice a = advance(InvoiceId.newId());
            InvoiceId id = InvoiceId.newId();
            documents.add(id);
            NewInvoice o = sale("FV", "100.00").id(id).build();
            toldMatchesStored(fault, () -> invoicing.issueFinal(NewFinalInvoice.of(o, List.of(a.id()))),
                    told -> one(find(() -> invoicing.invoice(told.id())).filter(told::equals).isPresent()),
                    () -> one(find(() -> invoicing.invoice(id)).isPresent()
                            && invoicing.invoice(a.id()).details().settledBy().equals(Optional.of(id))), 1);
        }
        documents.addAll(List.of(invoicing.invoice(a1.id()).details().settledBy().orElseThrow(),
                invoicing.invoice(a2.id()).details().settledBy().orElseThrow()));
        theBooksAgree();
    }

    @Test
    void a_suppliers_credit_note_is_stored_once_whatever_the_fault() {
        TenantPayables payables = invoicing.payables();
        int[] n = {0};
        Supplier<PurchaseInvoice> approved = () -> {
            PurchaseInvoice p = payables.register(ApFixtures.bill("P/" + (++n[0]), "100.00", MARCH_16).build());
            return payables.approve(p.id(), "cfo");
        };
        Supplier<NewSupplierCreditNote> note = () -> NewSupplierCreditNote.of("K/" + (++n[0]),
                List.of(PurchaseLine.of("Reduced", VatRate.PL_23, pln("10.00"), pln("2.30"))), MARCH_16, "reduced");
        PurchaseInvoice p1 = approved.get();
        PurchaseInvoice p2 = approved.get();
        Probe probe = probe(() -> payables.registerCreditNote(p1.id(), note.get()),
                () -> payables.registerCreditNote(p2.id(), note.get()));
        List<PurchaseInvoice> bills = new ArrayList<>(List.of(p1, p2));
        for (Fault fault : faults(probe)) {
            PurchaseInvoice p = approved.get();
            bills.add(p);
            InvoiceId id = InvoiceId.newId();
            NewSupplierCreditNote command = note.get().withId(id);
            toldMatchesStored(fault, () -> payables.registerCreditNote(p.id(), command),
                    told -> one(find(() -> payables.purchase(told.id())).filter(told::equals).isPresent()),
                    () -> one(find(() -> payables.purchase(id)).isPresent()), 1);
        }
        Money open = bills.stream().map(b -> payables.purchase(b.id()).open()).reduce(pln("0.00"), Money::plus);
        assertThat(ledger.balance("2100").posted()).isEqualTo(open);
        assertThat(ledger.balance("1300").posted()).isEqualTo(invoicing.vatRegister(MARCH_16, MARCH_16).vat(VatRegister.Side.PURCHASES,
                InvoicingFixtures.PLN));
    }
}
