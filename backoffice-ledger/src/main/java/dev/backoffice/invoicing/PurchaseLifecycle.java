package dev.backoffice.invoicing;

import dev.backoffice.statemachine.StateMachine;

import static dev.backoffice.invoicing.PurchaseEvent.APPROVE;
import static dev.backoffice.invoicing.PurchaseEvent.PAY;
import static dev.backoffice.invoicing.PurchaseEvent.REJECT;
import static dev.backoffice.invoicing.PurchaseStatus.APPROVED;
import static dev.backoffice.invoicing.PurchaseStatus.PAID;
import static dev.backoffice.invoicing.PurchaseStatus.PARTIALLY_PAID;
import static dev.backoffice.invoicing.PurchaseStatus.RECEIVED;
import static dev.backoffice.invoicing.PurchaseStatus.REJECTED;

/**
 * The lifecycle of a supplier's invoice on the SDK's state machine, like the sales
 * {@link InvoiceLifecycle}: registered, then approved (which posts it) or rejected, then paid,
 * in part or in full. Only an approved invoice is paid. The guards look at the invoice as it
 * will be (the payment applied). Its error codes are {@link InvoicingErrorCode#ILLEGAL_TRANSITION}
 * and {@link InvoicingErrorCode#GUARD_REJECTED}.
 */
public final class PurchaseLifecycle {

    private static final StateMachine<PurchaseStatus, PurchaseEvent, PurchaseInvoice> MACHINE = StateMachine
            .builder(PurchaseStatus.class, PurchaseEvent.class, PurchaseInvoice.class)
            .name("invoicing")
            .initial(RECEIVED)
            .states(PurchaseStatus.values())
            .finalStates(PAID, REJECTED)

            .transition(RECEIVED, APPROVE, APPROVED)
            .transition(RECEIVED, REJECT, REJECTED)

            .transition(APPROVED, PAY, PAID).guard("paid in full", PurchaseInvoice::fullyPaid)
            .transition(APPROVED, PAY, PARTIALLY_PAID)

            .transition(PARTIALLY_PAID, PAY, PAID).guard("paid in full", PurchaseInvoice::fullyPaid)
            .internal(PARTIALLY_PAID, PAY)
            .build();

    private PurchaseLifecycle() {
    }

    /** The machine (immutable, shared). Its error codes start with {@code invoicing.}. */
    public static StateMachine<PurchaseStatus, PurchaseEvent, PurchaseInvoice> machine() {
        return MACHINE;
    }
}
