package dev.backoffice.invoicing.internal;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.Payment;
import dev.backoffice.invoicing.VatTotal;
import org.joda.money.Money;

/**
 * Checks of what must always hold, made right before a write: where a bug (not bad input)
 * would corrupt the sales ledger. Each throws {@link IllegalStateException}, which rolls the
 * transaction back; none can be reached through the API with any input (a test breaks each).
 */
public final class Invariants {

    private Invariants() {
    }

    /**
     * An invoice's totals add up (net and VAT per rate to the invoice's net, VAT and gross), and
     * an invoice's payments never exceed its gross amount.
     */
    public static Invoice consistent(Invoice invoice) {
        Money net = VatMath.sum(invoice.totals(), invoice.currency(), VatTotal::net);
        Money vat = VatMath.sum(invoice.totals(), invoice.currency(), VatTotal::vat);
        if (!net.equals(invoice.net()) || !vat.equals(invoice.vat()) || !MoneyMath.plus(net, vat).equals(invoice.gross())) {
            throw new IllegalStateException("invoice " + invoice.id() + ": totals do not add up (per rate " + net + " + " + vat
                    + ", invoice " + invoice.net() + " + " + invoice.vat() + " = " + invoice.gross() + ")");
        }
        if (invoice.paid().isNegative() || (invoice.kind() == InvoiceKind.INVOICE && invoice.paid().isGreaterThan(invoice.gross()))) {
            throw new IllegalStateException("invoice " + invoice.id() + ": paid " + invoice.paid() + " outside 0.." + invoice.gross());
        }
        if (invoice.number().isPresent() != (invoice.sequence() > 0) || invoice.number().isPresent() != invoice.period().isPresent()) {
            throw new IllegalStateException("invoice " + invoice.id() + ": number, period and sequence must come together");
        }
        return invoice;
    }

    /** A payment's allocations never exceed its amount. */
    public static Payment consistent(Payment payment) {
        if (payment.allocated().isGreaterThan(payment.amount())) {
            throw new IllegalStateException("payment " + payment.id() + ": allocated " + payment.allocated()
                    + " exceeds its amount " + payment.amount());
        }
        return payment;
    }
}
