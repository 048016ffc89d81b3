package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Corrects an issued invoice in part with a credit note (faktura korygująca): the invoice's
 * lines as they should be, each with a lower (or equal) quantity or unit price. The credit note
 * states each line before and after, its totals are the difference per VAT rate (negative), its
 * journal entry takes that difference back (revenue and VAT due debited, the receivable
 * credited), and it settles that much of the invoice. The lines before are the invoice's as
 * corrected by its earlier credit notes.
 *
 * @param creditNoteId the credit note's id, or empty to generate one before the first attempt;
 *                     a retried command with the same id returns the stored credit note
 * @param series       the series the credit note is numbered in
 * @param lines        the lines after the correction: as many as the invoice has, in its order,
 *                     each the same line with its quantity and/or unit price lowered (or unchanged)
 * @param reason       why, 1..{@value InvoicingLimits#MAX_REASON_LENGTH} characters
 * @param actor        who corrects it (audit), 1..{@value InvoicingLimits#MAX_ACTOR_LENGTH} characters
 * @param issueDate    the credit note's issue date, or empty for the clock's today
 */
public record CorrectInvoice(Optional<InvoiceId> creditNoteId, String series, List<InvoiceLine> lines, String reason, String actor,
                             Optional<LocalDate> issueDate) {
    public CorrectInvoice {
        Check.notNull(creditNoteId, "creditNoteId");
        Check.notBlank(series, "series");
        lines = List.copyOf(Check.notNull(lines, "lines"));
        Check.text(reason, "reason", InvoicingLimits.MAX_REASON_LENGTH);
        Check.text(actor, "actor", InvoicingLimits.MAX_ACTOR_LENGTH);
        Check.notNull(issueDate, "issueDate");
        issueDate.ifPresent(d -> InvoicingLimits.checkDate(d, "issueDate"));
    }

    /** A correction to {@code lines}, numbered in {@code series}, dated on the day it is made. */
    public static CorrectInvoice of(String series, List<InvoiceLine> lines, String reason, String actor) {
        return new CorrectInvoice(Optional.empty(), series, lines, reason, actor, Optional.empty());
    }

    /** This correction dated {@code date}. */
    public CorrectInvoice withIssueDate(LocalDate date) {
        return new CorrectInvoice(creditNoteId, series, lines, reason, actor, Optional.of(Check.notNull(date, "issueDate")));
    }

    /** This correction with the credit note id {@code id} (for a retry that must be recognised). */
    public CorrectInvoice withCreditNoteId(InvoiceId id) {
        return new CorrectInvoice(Optional.of(Check.notNull(id, "creditNoteId")), series, lines, reason, actor, issueDate);
    }
}
