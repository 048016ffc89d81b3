package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Cancels an issued, unpaid invoice with a credit note that takes every line back in full.
 *
 * @param creditNoteId the credit note's id, or empty to generate one before the first attempt;
 *                     a retried command with the same id returns the stored credit note
 * @param series       the series the credit note is numbered in
 * @param reason       why (on the credit note and in the audit log), 1..{@value InvoicingLimits#MAX_REASON_LENGTH} characters
 * @param actor        who cancels it (for the audit log), 1..{@value InvoicingLimits#MAX_ACTOR_LENGTH} characters
 * @param issueDate    the credit note's issue date, or empty for the clock's today
 */
public record CancelInvoice(Optional<InvoiceId> creditNoteId, String series, String reason, String actor,
                            Optional<LocalDate> issueDate) {
    public CancelInvoice {
        Check.notNull(creditNoteId, "creditNoteId");
        Check.notBlank(series, "series");
        Check.text(reason, "reason", InvoicingLimits.MAX_REASON_LENGTH);
        Check.text(actor, "actor", InvoicingLimits.MAX_ACTOR_LENGTH);
        Check.notNull(issueDate, "issueDate");
        issueDate.ifPresent(d -> InvoicingLimits.checkDate(d, "issueDate"));
    }

    /** A cancellation numbered in {@code series}, dated on the day it is made. */
    public static CancelInvoice of(String series, String reason, String actor) {
        return new CancelInvoice(Optional.empty(), series, reason, actor, Optional.empty());
    }
}
