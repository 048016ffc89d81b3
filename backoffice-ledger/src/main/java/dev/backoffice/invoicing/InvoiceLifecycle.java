package dev.backoffice.invoicing;

import dev.backoffice.statemachine.StateMachine;

import static dev.backoffice.invoicing.InvoiceEvent.CANCEL;
import static dev.backoffice.invoicing.InvoiceEvent.CONVERT;
import static dev.backoffice.invoicing.InvoiceEvent.ISSUE;
import static dev.backoffice.invoicing.InvoiceEvent.MARK_OVERDUE;
import static dev.backoffice.invoicing.InvoiceEvent.PAY;
import static dev.backoffice.invoicing.InvoiceEvent.UNALLOCATE;
import static dev.backoffice.invoicing.InvoiceStatus.CANCELLED;
import static dev.backoffice.invoicing.InvoiceStatus.CONVERTED;
import static dev.backoffice.invoicing.InvoiceStatus.DRAFT;
import static dev.backoffice.invoicing.InvoiceStatus.ISSUED;
import static dev.backoffice.invoicing.InvoiceStatus.OVERDUE;
import static dev.backoffice.invoicing.InvoiceStatus.PAID;
import static dev.backoffice.invoicing.InvoiceStatus.PARTIALLY_PAID;

/**
 * The invoice lifecycle on the SDK's state machine: which events each status allows and where
 * they lead. The guards look at the invoice <em>as it will be</em> (the payment applied), so one
 * {@code PAY} leads to {@code PAID} when it covers the rest and stays (or becomes partially paid)
 * otherwise.
 * <ul>
 *   <li>a draft is issued (numbered and posted) or stays a draft; a proforma ({@link InvoiceKind#PROFORMA})
 *       is a draft that is never issued itself: it is converted, once, into an invoice
 *       ({@code CONVERT}), which is issued in its place;</li>
 *   <li>payments move an open invoice towards paid; an overdue invoice stays overdue until paid
 *       in full;</li>
 *   <li>the overdue sweep marks an open invoice whose due date passed;</li>
 *   <li>a credit note cancels an open invoice on which nothing was paid; a partial credit note
 *       settles part of an open invoice like a payment ({@code PAY});</li>
 *   <li>taking back an allocation ({@code UNALLOCATE}) opens a paid invoice again.</li>
 * </ul>
 * Its error codes are {@link InvoicingErrorCode#ILLEGAL_TRANSITION} and
 * {@link InvoicingErrorCode#GUARD_REJECTED}.
 */
public final class InvoiceLifecycle {

    private static final StateMachine<InvoiceStatus, InvoiceEvent, Invoice> MACHINE = StateMachine
            .builder(InvoiceStatus.class, InvoiceEvent.class, Invoice.class)
            .name("invoicing")
            .initial(DRAFT)
            .states(InvoiceStatus.values())
            .finalStates(CANCELLED, CONVERTED)

            .transition(DRAFT, ISSUE, ISSUED).guard("not a proforma", Invoice::isNotProforma)
            // a proforma is not a tax document (art. 106b ust. 1 ustawy o VAT lists no such invoice): converted, never issued
            .transition(DRAFT, CONVERT, CONVERTED).guard("a proforma", Invoice::isProforma)

            .transition(ISSUED, PAY, PAID).guard("paid in full", Invoice::fullyPaid)
            .transition(ISSUED, PAY, PARTIALLY_PAID)
            .transition(ISSUED, MARK_OVERDUE, OVERDUE)
            .transition(ISSUED, CANCEL, CANCELLED).guard("nothing paid", Invoice::nothingPaid)

            .transition(PARTIALLY_PAID, PAY, PAID).guard("paid in full", Invoice::fullyPaid)
            .internal(PARTIALLY_PAID, PAY)
            .transition(PARTIALLY_PAID, MARK_OVERDUE, OVERDUE)

            .transition(OVERDUE, PAY, PAID).guard("paid in full", Invoice::fullyPaid)
            .internal(OVERDUE, PAY)
            .transition(OVERDUE, CANCEL, CANCELLED).guard("nothing paid", Invoice::nothingPaid)

            // an allocation taken back: open again (the overdue sweep marks it again if its due date passed)
            .transition(PAID, UNALLOCATE, ISSUED).guard("nothing paid", Invoice::nothingPaid)
            .transition(PAID, UNALLOCATE, PARTIALLY_PAID)
            .transition(PARTIALLY_PAID, UNALLOCATE, ISSUED).guard("nothing paid", Invoice::nothingPaid)
            .internal(PARTIALLY_PAID, UNALLOCATE)
            .internal(OVERDUE, UNALLOCATE)
            .build();

    private InvoiceLifecycle() {
    }

    /** The machine (immutable, shared). Its error codes start with {@code invoicing.}. */
    public static StateMachine<InvoiceStatus, InvoiceEvent, Invoice> machine() {
        return MACHINE;
    }
}
