package dev.backoffice.invoicing.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.invoicing.FxRate;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceDetails;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.VatTotal;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The immutable part of an invoice as the JSON text of its {@code document} column: parties,
 * lines, totals per rate, FX rate, payment days and reason. Money amounts are JSON strings
 * (BackofficeJson), unit prices too (their scale may exceed the currency's), so nothing passes
 * through a double and every value reads back equal.
 *
 * @param seller      the seller
 * @param buyer       the buyer
 * @param lines       the lines
 * @param linesBefore a credit note's lines before the correction
 * @param totals      the totals per rate
 * @param net         the net total
 * @param vat         the VAT total
 * @param fxRate      the FX rate of the local VAT amounts
 * @param paymentDays the payment term
 * @param reason      a credit note's reason
 * @param details     the links to proformas and advance invoices; absent (null) in documents stored before them
 */
record InvoiceDocument(Party seller, Party buyer, List<Line> lines, List<Line> linesBefore, List<VatTotal> totals,
                              Money net, Money vat, Optional<FxRate> fxRate, int paymentDays, Optional<String> reason,
                              InvoiceDetails details) {

    private static final ObjectMapper JSON = BackofficeJson.newMapper();

    /**
     * A line with its unit price as a decimal string in the invoice's currency.
     *
     * @param description     the description
     * @param quantity        the quantity
     * @param unit            the unit
     * @param unitNetPrice    the unit price's amount, plain decimal text
     * @param discountPercent the discount
     * @param vatRate         the rate
     * @param annex15         listed in annex 15 (false in lines stored before the flag)
     */
    record Line(String description, BigDecimal quantity, String unit, String unitNetPrice, BigDecimal discountPercent,
                       VatRate vatRate, boolean annex15) {
        static Line of(InvoiceLine l) {
            return new Line(l.description(), l.quantity(), l.unit(), l.unitNetPrice().getAmount().toPlainString(),
                    l.discountPercent(), l.vatRate(), l.annex15());
        }

        InvoiceLine toLine(CurrencyUnit currency) {
            return new InvoiceLine(description, quantity, unit, BigMoney.of(currency, new BigDecimal(unitNetPrice)), discountPercent, vatRate,
                    annex15);
        }
    }

    /** The document of {@code invoice} as JSON text. */
    static String json(Invoice invoice) {
        InvoiceDocument d = new InvoiceDocument(invoice.seller(), invoice.buyer(), invoice.lines().stream().map(Line::of).toList(),
                invoice.linesBefore().stream().map(Line::of).toList(), invoice.totals(), invoice.net(), invoice.vat(),
                invoice.fxRate(), invoice.paymentDays(), invoice.reason(),
                invoice.details().equals(InvoiceDetails.NONE) ? null : invoice.details());
        try {
            return JSON.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the document of invoice " + invoice.id(), e);
        }
    }

    /** The document in {@code json}. */
    static InvoiceDocument parse(String json) {
        try {
            return JSON.readValue(json, InvoiceDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored invoice document cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** The details, {@link InvoiceDetails#NONE} when the document has none. */
    InvoiceDetails detailsOrNone() {
        return details == null ? InvoiceDetails.NONE : details;
    }

    /** The lines, in {@code currency}. */
    List<InvoiceLine> lines(CurrencyUnit currency) {
        return lines.stream().map(l -> l.toLine(currency)).toList();
    }

    /** The lines before the correction, in {@code currency}. */
    List<InvoiceLine> linesBefore(CurrencyUnit currency) {
        return linesBefore.stream().map(l -> l.toLine(currency)).toList();
    }
}
