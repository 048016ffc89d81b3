package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.internal.VatMath;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.RoundingMode;

/**
 * The Polish split-payment marking, "mechanizm podzielonej płatności" (FA(3) {@code P_18A}),
 * computed from the invoice, never chosen by the caller. By art. 106e ust. 1 pkt 18a of the VAT
 * Act (ustawa z dnia 11 marca 2004 r. o podatku od towarów i usług) an invoice must carry it when
 * <ul>
 *   <li>its total amount due ("kwota należności ogółem") exceeds PLN 15,000
 *       ({@link #THRESHOLD_PLN}; strictly more), or the equivalent in a foreign currency converted
 *       by the rules of the tax base (art. 31a: the rate of the last business day before the tax
 *       point, the invoice's {@link Invoice#fxRate()});</li>
 *   <li>it includes goods or services listed in annex 15 to the Act ({@link InvoiceLine#annex15()});</li>
 *   <li>the buyer is a taxpayer (here: the buyer has a tax id).</li>
 * </ul>
 * The amount compared is the value of the whole order (the gross of the invoice's lines): the same
 * as the invoice's gross for a plain invoice; for an advance invoice and the final invoice, whose
 * amounts due are only parts of the sale, the sale's value, so that paying in parts never drops the
 * marking (it marks rather too many parts than one too few: a missing marking is what art. 106e
 * ust. 12 sanctions). Credit notes, proformas and non-Polish sellers are never marked.
 */
public final class SplitPayment {

    /** The threshold of art. 106e ust. 1 pkt 18a: the amount due must exceed PLN 15,000. */
    public static final Money THRESHOLD_PLN = Money.of(CurrencyUnit.of("PLN"), 15_000);

    private static final CurrencyUnit PLN = CurrencyUnit.of("PLN");

    private SplitPayment() {
    }

    /**
     * Whether {@code invoice} must be marked "mechanizm podzielonej płatności". A foreign-currency
     * invoice without its FX rate (a draft) is not marked: the rate is fixed at issue.
     */
    public static boolean required(Invoice invoice) {
        Check.notNull(invoice, "invoice");
        if (invoice.kind() != InvoiceKind.INVOICE || !invoice.seller().country().equals("PL") || invoice.buyer().taxId().isEmpty()
                || invoice.lines().stream().noneMatch(InvoiceLine::annex15)) {
            return false;
        }
        Money order = VatMath.sum(VatMath.totals(invoice.lines(), invoice.currency()), invoice.currency(), VatTotal::gross);
        if (!invoice.currency().equals(PLN)) {
            if (invoice.fxRate().isEmpty()) {
                return false;
            }
            order = Money.of(PLN, order.getAmount().multiply(invoice.fxRate().get().rate()), RoundingMode.HALF_UP);
        }
        return order.isGreaterThan(THRESHOLD_PLN);
    }
}
