package dev.backoffice.invoicing;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A supplier's credit note (faktura korygująca received) to register against one of the
 * supplier's invoices ({@link TenantPayables#registerCreditNote}): under the supplier's own
 * number, with the amounts it takes back per line as the supplier states them (net and VAT not
 * negative; a reverse-charge line, {@link PurchaseLine#reverseCharge}, takes back self-assessed
 * VAT too). Checked here, each error naming its field.
 *
 * @param id             the credit note's id, or empty to generate one before the first attempt; a
 *                       retried command with the same id returns the stored credit note
 * @param supplierNumber the supplier's number of the credit note, unique per supplier
 * @param lines          1..{@value InvoicingLimits#MAX_LINES} lines: what is taken back
 * @param issueDate      the supplier's issue date
 * @param receivedOn     the day it was received: the date of its journal entry and of its VAT period
 *                       (art. 86 ust. 19a ustawy o VAT: the buyer reduces its input VAT in the period
 *                       in which the reduction was agreed, which the received credit note documents)
 * @param reason         why, 1..{@value InvoicingLimits#MAX_REASON_LENGTH} characters
 */
public record NewSupplierCreditNote(Optional<InvoiceId> id, String supplierNumber, List<PurchaseLine> lines, LocalDate issueDate,
                                    LocalDate receivedOn, String reason) {
    public NewSupplierCreditNote {
        Check.notNull(id, "id");
        Check.text(supplierNumber, "supplierNumber", PurchaseLimits.MAX_SUPPLIER_NUMBER_LENGTH);
        lines = List.copyOf(Check.notNull(lines, "lines"));
        if (lines.isEmpty() || lines.size() > InvoicingLimits.MAX_LINES) {
            throw InvoicingErrorCode.INVALID_LINES.exception("lines", "must hold 1.." + InvoicingLimits.MAX_LINES + " lines", lines.size());
        }
        for (int i = 0; i < lines.size(); i++) {
            String at = "lines[" + i + "]";
            PurchaseLine l = Check.notNull(lines.get(i), at);
            Check.text(l.description(), at + ".description", InvoicingLimits.MAX_DESCRIPTION_LENGTH);
            for (Money m : List.of(l.net(), l.vat())) {
                if (m.isNegative() || MoneyMath.toMinor(m) > InvoicingLimits.MAX_LINE_NET_MINOR) {
                    throw InvoicingErrorCode.INVALID_AMOUNT.exception(at + (m == l.net() ? ".net" : ".vat"),
                            "must be 0.." + InvoicingLimits.MAX_LINE_NET_MINOR + " minor units: what the credit note takes back", m);
                }
            }
        }
        InvoicingLimits.checkDate(issueDate, "issueDate");
        InvoicingLimits.checkDate(receivedOn, "receivedOn");
        if (receivedOn.isBefore(issueDate)) {
            throw InvoicingErrorCode.INVALID_DATE.exception("receivedOn", "must not be before the issue date " + issueDate, receivedOn);
        }
        Check.text(reason, "reason", InvoicingLimits.MAX_REASON_LENGTH);
    }

    /** A credit note {@code supplierNumber} taking back {@code lines}, issued and received on {@code date}. */
    public static NewSupplierCreditNote of(String supplierNumber, List<PurchaseLine> lines, LocalDate date, String reason) {
        return new NewSupplierCreditNote(Optional.empty(), supplierNumber, lines, date, date, reason);
    }

    /** This credit note with the id {@code creditNoteId} (for a retry that must be recognised). */
    public NewSupplierCreditNote withId(InvoiceId creditNoteId) {
        return new NewSupplierCreditNote(Optional.of(Check.notNull(creditNoteId, "id")), supplierNumber, lines, issueDate, receivedOn, reason);
    }
}
