package dev.backoffice.examples.demo;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.page.Page;
import dev.backoffice.examples.demo.scenario.Scenario;
import dev.backoffice.examples.glue.StockAndPurchases;
import dev.backoffice.invoicing.Fa3Writer;
import dev.backoffice.invoicing.FixedFxRates;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.InvoiceStatus;
import dev.backoffice.invoicing.InvoicingErrorCode;
import dev.backoffice.invoicing.LatePaymentClaim;
import dev.backoffice.invoicing.NumberReset;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.Payment;
import dev.backoffice.invoicing.PaymentId;
import dev.backoffice.invoicing.PurchaseInvoice;
import dev.backoffice.invoicing.Series;
import dev.backoffice.invoicing.TenantInvoicing;
import dev.backoffice.invoicing.einvoice.UblWriter;
import dev.backoffice.ledger.TrialBalance;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sales ledger's part of the demo for one company: its numbering series, the parties on its
 * invoices, the overdue sweep at the month's end, and what the report shows (invoices, aging,
 * VAT register, late-payment claims, e-invoice files, reconciliation to the ledger).
 */
final class InvoicingStep {

    private final TenantInvoicing sales;
    private final Scenario.Entity entity;
    private final Party seller;
    private final Map<String, Party> buyers = new HashMap<>();

    InvoicingStep(TenantInvoicing sales, Scenario.Entity entity) {
        this.sales = sales;
        this.entity = entity;
        this.seller = Party.of(entity.name(), entity.country(), entity.invoicing().taxId(), entity.invoicing().address());
        for (Scenario.CustomerSpec c : entity.customers()) {
            buyers.put(c.ref(), Party.of(c.name(), c.country(), c.taxId(), c.address()));
        }
    }

    /** Every exchange rate the scenario's companies name, as one table. */
    static FixedFxRates fxRates(Scenario scenario) {
        FixedFxRates.Builder table = FixedFxRates.builder();
        for (Scenario.Entity e : scenario.entities()) {
            for (Scenario.FxRateSpec r : e.invoicing().fxRates().orElse(List.of())) {
                table.rate(CurrencyUnit.of(r.from()), CurrencyUnit.of(r.to()), r.date(), r.rate(), r.table());
            }
        }
        return table.build();
    }

    TenantInvoicing sales() {
        return sales;
    }

    Party seller() {
        return seller;
    }

    Party buyer(String customerRef) {
        return buyers.get(customerRef);
    }

    /** The invoice series code and the credit-note series code. */
    String invoiceSeries() {
        return entity.invoicing().invoiceSeries().code();
    }

    String creditNoteSeries() {
        return entity.invoicing().creditNoteSeries().code();
    }

    /** Payment days of an order's invoice: the pay-later term for pay-later orders. */
    int paymentDays(Scenario.OrderSpec order) {
        return order.payLater().orElse(false) ? entity.invoicing().payLaterDays() : entity.invoicing().paymentDays();
    }

    String unit() {
        return entity.invoicing().unit();
    }

    /** Defines both series (idempotent: a series defined again is returned as it is). */
    void defineSeries(String actor) {
        for (Scenario.SeriesSpec s : List.of(entity.invoicing().invoiceSeries(), entity.invoicing().creditNoteSeries())) {
            sales.defineSeries(Series.of(s.code(), s.pattern(), NumberReset.valueOf(s.reset())), actor);
        }
    }

    /** The payment with {@code id}, if recorded. */
    Optional<Payment> payment(PaymentId id) {
        try {
            return Optional.of(sales.payment(id));
        } catch (BackofficeException e) {
            if (e.code().equals(InvoicingErrorCode.PAYMENT_NOT_FOUND.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The invoice or credit note with {@code id}, if stored. */
    Optional<Invoice> find(InvoiceId id) {
        try {
            return Optional.of(sales.invoice(id));
        } catch (BackofficeException e) {
            if (e.code().equals(InvoicingErrorCode.INVOICE_NOT_FOUND.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** What the report shows, as of the end of the month {@code from..to}. */
    InvoicingResult result(LocalDate from, LocalDate to, TrialBalance before, TrialBalance atEnd, PostingCodes codes) {
        CurrencyUnit currency = CurrencyUnit.of(entity.currency());
        List<Invoice> invoices = all();
        Map<InvoiceId, Invoice> byId = new HashMap<>();
        invoices.forEach(i -> byId.put(i.id(), i));
        Money open = Money.zero(currency);
        List<LatePaymentClaim> claims = new ArrayList<>();
        List<InvoicingResult.EInvoiceFile> files = new ArrayList<>();
        for (Invoice i : invoices) {
            if (i.kind() == InvoiceKind.INVOICE && i.currency().equals(currency)) {
                open = open.plus(i.open());
            }
            if (i.status() == InvoiceStatus.OVERDUE) {
                claims.add(sales.lateClaim(i.id(), to));
            }
            files.add(file(i, i.corrects().map(byId::get)));
        }
        List<PurchaseInvoice> purchases = new ArrayList<>();
        for (Scenario.ReceiptSpec r : entity.stock().receipts()) {
            purchases.add(sales.payables().purchase(StockAndPurchases.purchaseInvoiceId(entity.tenant(), r.ref())));
        }
        return new InvoicingResult(invoices, purchases, sales.aging(to), sales.vatRegister(from, to), claims, files, open,
                debitBalance(atEnd, codes.receivables(), currency),
                debitBalance(before, codes.vatPayable(), currency).minus(debitBalance(atEnd, codes.vatPayable(), currency)),
                debitBalance(atEnd, codes.inputVat(), currency).minus(debitBalance(before, codes.inputVat(), currency)));
    }

    /** The account codes the reconciliation reads. */
    record PostingCodes(String receivables, String vatPayable, String inputVat) {
    }

    /** Debits less credits of account {@code code} in {@code tb} (zero if it has no row). */
    static Money debitBalance(TrialBalance tb, String code, CurrencyUnit currency) {
        Money sum = Money.zero(currency);
        for (TrialBalance.Row r : tb.rows()) {
            if (r.code().equals(code)) {
                sum = sum.plus(r.debit()).minus(r.credit());
            }
        }
        return sum;
    }

    /** The e-invoice of the order's invoice {@code id} (an invoice, not a credit note). */
    InvoicingResult.EInvoiceFile eInvoice(InvoiceId id) {
        return file(sales.invoice(id), Optional.empty());
    }

    /** The e-invoice of an invoice or credit note: FA(3) for a Polish seller, Peppol UBL otherwise. Deterministic. */
    private InvoicingResult.EInvoiceFile file(Invoice invoice, Optional<Invoice> corrected) {
        String number = invoice.number().orElseThrow();
        String name = entity.tenant() + "/" + number.replaceAll("[^A-Za-z0-9_-]", "_") + ".xml";
        if (entity.country().equals("PL")) {
            // the document's creation time is the invoice's own, so every run writes the same bytes
            Fa3Writer writer = Fa3Writer.builder().clock(Clock.fixed(invoice.createdAt(), ZoneOffset.UTC)).build();
            String xml = corrected.isPresent() ? writer.write(invoice, corrected.get()) : writer.write(invoice);
            return new InvoicingResult.EInvoiceFile(name, "KSeF FA(3)", number, xml);
        }
        UblWriter.Builder ubl = UblWriter.builder();
        entity.invoicing().bankAccount().ifPresent(ubl::payeeAccount);
        UblWriter writer = ubl.build();
        String xml = corrected.isPresent() ? writer.write(invoice, corrected.get()) : writer.write(invoice);
        return new InvoicingResult.EInvoiceFile(name, "Peppol BIS Billing 3.0 (UBL 2.1)", number, xml);
    }

    /** Every issued invoice and credit note of the tenant, by issue date, series and number. */
    private List<Invoice> all() {
        List<Invoice> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Invoice> page = sales.invoices(cursor, 100);
            page.items().stream().filter(i -> i.number().isPresent()).forEach(all::add);
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        all.sort(Comparator.comparing((Invoice i) -> i.issueDate().orElseThrow()).thenComparing(Invoice::series)
                .thenComparingLong(Invoice::sequence));
        return all;
    }
}
