package dev.backoffice.invoicing.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.invoicing.FxRate;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.PurchaseInvoice;
import dev.backoffice.invoicing.PurchaseLine;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.VatTotal;
import org.joda.money.Money;

import java.util.List;
import java.util.Optional;

/**
 * The immutable part of a supplier's invoice, stored as one JSON text column.
 *
 * @param seller the supplier
 * @param buyer  the tenant's company
 * @param lines  the lines as printed
 * @param totals the totals per rate
 * @param net    the net total
 * @param vat    the VAT total
 * @param fxRate the FX rate of the zloty amounts
 * @param corrects     a supplier's credit note's corrected invoice (null in documents stored before it)
 * @param selfAssessed the self-assessed VAT of reverse-charge lines (null in documents stored before it)
 */
record PurchaseDocument(Party seller, Party buyer, List<PurchaseLine> lines, List<VatTotal> totals, Money net, Money vat,
                        Optional<FxRate> fxRate, InvoiceId corrects, List<VatTotal> selfAssessed) {

    private static final ObjectMapper JSON = BackofficeJson.newMapper();

    static String json(PurchaseInvoice p) {
        try {
            return JSON.writeValueAsString(new PurchaseDocument(p.seller(), p.buyer(), p.lines(), p.totals(), p.net(), p.vat(), p.fxRate(),
                    p.corrects().orElse(null), p.selfAssessed()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the document of purchase invoice " + p.id(), e);
        }
    }

    static PurchaseDocument parse(String json) {
        try {
            return JSON.readValue(json, PurchaseDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored purchase document cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
