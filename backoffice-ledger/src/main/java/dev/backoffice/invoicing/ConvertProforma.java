package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Converts a proforma into an invoice ({@link TenantInvoicing#convertProforma}): the invoice has
 * the proforma's parties, lines, currency, series and payment term, and is issued like any other.
 *
 * @param invoiceId the invoice's id, or empty to generate one before the first attempt; a retried
 *                  conversion with the same id returns the stored invoice
 * @param issueDate the invoice's issue date, or empty for the clock's today
 * @param saleDate  the date of supply, or empty for the issue date
 * @param actor     who converts it (for the audit log), 1..{@value InvoicingLimits#MAX_ACTOR_LENGTH} characters
 */
public record ConvertProforma(Optional<InvoiceId> invoiceId, Optional<LocalDate> issueDate, Optional<LocalDate> saleDate,
                              String actor) {
    public ConvertProforma {
        Check.notNull(invoiceId, "invoiceId");
        Check.notNull(issueDate, "issueDate");
        Check.notNull(saleDate, "saleDate");
        Check.text(actor, "actor", InvoicingLimits.MAX_ACTOR_LENGTH);
        issueDate.ifPresent(d -> InvoicingLimits.checkDate(d, "issueDate"));
        saleDate.ifPresent(d -> InvoicingLimits.checkDate(d, "saleDate"));
    }

    /** A conversion issued today, by {@code actor}. */
    public static ConvertProforma of(String actor) {
        return new ConvertProforma(Optional.empty(), Optional.empty(), Optional.empty(), actor);
    }

    /** This conversion with the invoice id {@code id} (for a retry that must be recognised). */
    public ConvertProforma withInvoiceId(InvoiceId id) {
        return new ConvertProforma(Optional.of(Check.notNull(id, "invoiceId")), issueDate, saleDate, actor);
    }

    /** This conversion with the issue and sale dates {@code issued} and {@code supplied}. */
    public ConvertProforma withDates(LocalDate issued, LocalDate supplied) {
        return new ConvertProforma(invoiceId, Optional.of(Check.notNull(issued, "issueDate")),
                Optional.of(Check.notNull(supplied, "saleDate")), actor);
    }
}
