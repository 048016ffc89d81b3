package dev.backoffice.invoicing;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.validation.Check;
import dev.backoffice.ledger.EntryId;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An invoice or a credit note as stored: immutable; every change is a new value with the next
 * {@link #version()}. Once issued, everything but the status, the amount paid and the
 * cancellation stays as it was issued.
 *
 * @param id          the id
 * @param version     1 when first stored, one more on every change
 * @param kind        invoice or credit note
 * @param status      where it is in its lifecycle
 * @param series      the numbering series
 * @param number      the number, from issue on (a draft has none)
 * @param period      the numbering period of the number
 * @param sequence    the number's place in its series and period (1, 2, ...), 0 for a draft
 * @param customer    the caller's key of the buyer
 * @param seller      the seller
 * @param buyer       the buyer
 * @param currency    the currency
 * @param lines       the lines (of a credit note: the lines after the correction)
 * @param linesBefore a credit note's lines before the correction (the corrected invoice's), in
 *                    the same order as {@code lines}; empty for an invoice
 * @param totals      the totals per VAT rate, in the order of first use (of a credit note: the change)
 * @param net         the sum of the net totals
 * @param vat         the sum of the VAT totals
 * @param gross       {@code net + vat}
 * @param fxRate      the rate the local VAT amounts were converted at (a foreign-currency invoice
 *                    of a Polish seller), from issue on
 * @param issueDate   the issue date (a draft's is the planned one, if any)
 * @param saleDate    the date of supply, the tax point
 * @param dueDate     the payment due date
 * @param paymentDays the payment term in days
 * @param paid        how much of {@code gross} payments (and partial credit notes, {@link TenantInvoicing#correct}) have settled
 * @param corrects    the invoice a credit note corrects
 * @param cancelledBy the credit note that cancelled this invoice
 * @param reason      why a credit note was issued
 * @param ledgerEntry the journal entry of the issue, if it was posted
 * @param createdAt   when it was first stored
 * @param details     what ties it to a proforma, advance invoices or a final invoice ({@link InvoiceDetails#NONE} if nothing)
 */
public record Invoice(InvoiceId id, long version, InvoiceKind kind, InvoiceStatus status, String series,
                      Optional<String> number, Optional<NumberingPeriod> period, long sequence, String customer,
                      Party seller, Party buyer, CurrencyUnit currency, List<InvoiceLine> lines,
                      List<InvoiceLine> linesBefore, List<VatTotal> totals, Money net, Money vat, Money gross,
                      Optional<FxRate> fxRate, Optional<LocalDate> issueDate, Optional<LocalDate> saleDate,
                      Optional<LocalDate> dueDate, int paymentDays, Money paid, Optional<InvoiceId> corrects,
                      Optional<InvoiceId> cancelledBy, Optional<String> reason, Optional<EntryId> ledgerEntry,
                      Instant createdAt, InvoiceDetails details) {

    public Invoice {
        Check.notNull(id, "id");
        Check.notNull(kind, "kind");
        Check.notNull(status, "status");
        Check.notNull(series, "series");
        Check.notNull(number, "number");
        Check.notNull(period, "period");
        Check.notNull(customer, "customer");
        Check.notNull(seller, "seller");
        Check.notNull(buyer, "buyer");
        Check.notNull(currency, "currency");
        lines = List.copyOf(Check.notNull(lines, "lines"));
        linesBefore = List.copyOf(Check.notNull(linesBefore, "linesBefore"));
        totals = List.copyOf(Check.notNull(totals, "totals"));
        Check.notNull(net, "net");
        Check.notNull(vat, "vat");
        Check.notNull(gross, "gross");
        Check.notNull(fxRate, "fxRate");
        Check.notNull(issueDate, "issueDate");
        Check.notNull(saleDate, "saleDate");
        Check.notNull(dueDate, "dueDate");
        Check.notNull(paid, "paid");
        Check.notNull(corrects, "corrects");
        Check.notNull(cancelledBy, "cancelledBy");
        Check.notNull(reason, "reason");
        Check.notNull(ledgerEntry, "ledgerEntry");
        Check.notNull(createdAt, "createdAt");
        Check.notNull(details, "details");
    }

    /** An invoice or credit note with no {@link InvoiceDetails details} (a plain one). */
    public Invoice(InvoiceId id, long version, InvoiceKind kind, InvoiceStatus status, String series,
                   Optional<String> number, Optional<NumberingPeriod> period, long sequence, String customer,
                   Party seller, Party buyer, CurrencyUnit currency, List<InvoiceLine> lines,
                   List<InvoiceLine> linesBefore, List<VatTotal> totals, Money net, Money vat, Money gross,
                   Optional<FxRate> fxRate, Optional<LocalDate> issueDate, Optional<LocalDate> saleDate,
                   Optional<LocalDate> dueDate, int paymentDays, Money paid, Optional<InvoiceId> corrects,
                   Optional<InvoiceId> cancelledBy, Optional<String> reason, Optional<EntryId> ledgerEntry,
                   Instant createdAt) {
        this(id, version, kind, status, series, number, period, sequence, customer, seller, buyer, currency, lines, linesBefore,
                totals, net, vat, gross, fxRate, issueDate, saleDate, dueDate, paymentDays, paid, corrects, cancelledBy, reason,
                ledgerEntry, createdAt, InvoiceDetails.NONE);
    }

    /** Whether it is a proforma ({@link InvoiceKind#PROFORMA}): not a tax document. */
    public boolean isProforma() {
        return kind == InvoiceKind.PROFORMA;
    }

    /** Whether it is not a proforma (the lifecycle's guard on {@code ISSUE}). */
    public boolean isNotProforma() {
        return kind != InvoiceKind.PROFORMA;
    }

    /** Whether it is an advance invoice (faktura zaliczkowa, FA(3) {@code ZAL}). */
    public boolean isAdvance() {
        return details.advance().isPresent();
    }

    /** Whether it is a final invoice that deducts advance invoices (art. 106f ust. 3, FA(3) {@code ROZ}). */
    public boolean isFinal() {
        return !details.deductions().isEmpty();
    }

    /** Whether it must carry the split-payment marking ({@link SplitPayment#required}); computed, never stored. */
    public boolean splitPayment() {
        return SplitPayment.required(this);
    }

    /** The next version of this invoice with {@code newDetails} (a proforma converted, an advance settled). */
    public Invoice withDetails(InvoiceStatus newStatus, InvoiceDetails newDetails) {
        return new Invoice(id, version + 1, kind, newStatus, series, number, period, sequence, customer, seller, buyer, currency,
                lines, linesBefore, totals, net, vat, gross, fxRate, issueDate, saleDate, dueDate, paymentDays, paid,
                corrects, cancelledBy, reason, ledgerEntry, createdAt, newDetails);
    }

    /**
     * What is left to collect: {@code gross - paid} while the invoice is open
     * ({@link InvoiceStatus#isOpen()}), zero otherwise (a draft, a paid or cancelled invoice, a
     * credit note, which settles against the invoice it corrects).
     */
    public Money open() {
        return kind == InvoiceKind.INVOICE && status.isOpen() ? MoneyMath.minus(gross, paid) : Money.zero(currency);
    }

    /** Whether it is open and its due date is before {@code asOf}. */
    public boolean isOverdue(LocalDate asOf) {
        Check.notNull(asOf, "asOf");
        return status.isOpen() && kind == InvoiceKind.INVOICE && dueDate.isPresent() && dueDate.get().isBefore(asOf);
    }

    /** Whether {@link #paid()} covers {@link #gross()}. */
    public boolean fullyPaid() {
        return paid.compareTo(gross) >= 0;
    }

    /** Whether nothing has been paid. */
    public boolean nothingPaid() {
        return paid.isZero();
    }

    /** The next version of this invoice in {@code newStatus}, with {@code newPaid} paid. */
    public Invoice withState(InvoiceStatus newStatus, Money newPaid) {
        return new Invoice(id, version + 1, kind, newStatus, series, number, period, sequence, customer, seller, buyer, currency,
                lines, linesBefore, totals, net, vat, gross, fxRate, issueDate, saleDate, dueDate, paymentDays, newPaid,
                corrects, cancelledBy, reason, ledgerEntry, createdAt, details);
    }

    /** The next version of this invoice, cancelled by {@code creditNote}. */
    public Invoice withCancellation(InvoiceId creditNote, InvoiceStatus newStatus) {
        return new Invoice(id, version + 1, kind, newStatus, series, number, period, sequence, customer, seller, buyer, currency,
                lines, linesBefore, totals, net, vat, gross, fxRate, issueDate, saleDate, dueDate, paymentDays, paid,
                corrects, Optional.of(creditNote), reason, ledgerEntry, createdAt, details);
    }
}
