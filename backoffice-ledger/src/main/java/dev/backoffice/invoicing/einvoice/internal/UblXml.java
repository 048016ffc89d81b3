package dev.backoffice.invoicing.einvoice.internal;

import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.TaxId;
import dev.backoffice.invoicing.VatTotal;
import dev.backoffice.invoicing.einvoice.InvoiceDocument;
import dev.backoffice.invoicing.einvoice.UblTaxCategory;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * Writes the UBL 2.1 XML of an invoice document per Peppol BIS Billing 3.0 (EN 16931 core
 * invoice model), in the element order of the UBL 2.1 schemas. The document given is already the
 * UBL view ({@code InvoiceDocument.ublView()}) and was checked by the caller: every party has its
 * endpoint scheme, every line's unit is a Recommendation 20 code, no category {@code O} beside
 * another.
 *
 * <p>What goes where (BT numbers of EN 16931-1): number BT-1 {@code cbc:ID}; issue date BT-2; due
 * date BT-9 ({@code cbc:DueDate}, invoices only: UBL 2.1's CreditNote has none); type code BT-3
 * (380 commercial invoice, 381 credit note); a credit note's reason as its one note BT-22;
 * currency BT-5; VAT accounting currency BT-6 with its VAT total BT-111 when the totals carry
 * local amounts; buyer reference BT-10; preceding invoice BG-3 on a credit note; seller BG-4 and
 * buyer BG-7 with electronic address BT-34/BT-49 (the VAT number under its EAS scheme), street
 * BT-35/BT-50, country BT-40/BT-55, VAT identifier BT-31/BT-48 (on an invoice of category
 * {@code O}, where BR-O-02 forbids VAT identifiers, the number is the legal registration
 * identifier BT-30/BT-47 instead) and registration name BT-27/BT-44; date of supply BT-72 (and
 * deliver-to country BT-80 for an intra-community supply, BR-IC-12); payment means BG-16 (30
 * credit transfer to the payee account BT-84, or 1 "not defined" without one) with the number as
 * remittance information BT-83; payment terms BT-20 when there is no due date (BR-CO-25); VAT
 * breakdown BG-23 per rate; document totals BG-22; lines BG-25 with quantity and unit
 * BT-129/130, net BT-131, discount BG-27 (reason code 95, percentage BT-138, amount BT-136 on
 * base BT-137), item name BT-153, VAT category and rate BT-151/152 and net price BT-146.
 */
public final class UblXml {

    /** BT-24: the Peppol BIS Billing 3.0 specification identifier. */
    public static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    /** BT-23: the Peppol business process. */
    public static final String PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    /** The UBL 2.1 Invoice namespace. */
    public static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    /** The UBL 2.1 CreditNote namespace. */
    public static final String CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    /** Common aggregate components. */
    public static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    /** Common basic components. */
    public static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    private UblXml() {
    }

    /**
     * The XML of {@code doc}.
     *
     * @param buyerReference  BT-10
     * @param exemptionReason the reason text of category {@code E} (BT-120), present when a line is exempt
     * @param payeeAccount    the payee's account (IBAN) for credit transfers, if known
     */
    public static String write(InvoiceDocument doc, String buyerReference, Optional<String> exemptionReason,
                               Optional<String> payeeAccount) {
        boolean credit = doc.kind() == InvoiceKind.CREDIT_NOTE;
        String currency = doc.currency().getCode();
        boolean outOfScope = doc.totals().stream()
                .anyMatch(t -> UblTaxCategory.of(t.rate(), doc.seller(), doc.buyer()) == UblTaxCategory.O);
        XmlOut x = XmlOut.create(2048 + 768 * doc.lines().size());
        x.start(credit ? "CreditNote" : "Invoice").attr("xmlns", credit ? CREDIT_NOTE_NS : INVOICE_NS)
                .attr("xmlns:cac", CAC).attr("xmlns:cbc", CBC);
        x.element("cbc:CustomizationID", CUSTOMIZATION);
        x.element("cbc:ProfileID", PROFILE);
        x.element("cbc:ID", doc.number());
        x.element("cbc:IssueDate", doc.issueDate().toString());
        if (!credit && doc.dueDate().isPresent()) {
            x.element("cbc:DueDate", doc.dueDate().get().toString());
        }
        x.element(credit ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode", credit ? "381" : "380");
        if (credit && doc.reason().isPresent()) {
            x.element("cbc:Note", doc.reason().get());
        }
        x.element("cbc:DocumentCurrencyCode", currency);
        if (doc.vatLocal().isPresent()) {
            x.element("cbc:TaxCurrencyCode", doc.vatLocal().get().getCurrencyUnit().getCode());
        }
        x.element("cbc:BuyerReference", buyerReference);
        if (doc.corrects().isPresent()) {
            x.start("cac:BillingReference").start("cac:InvoiceDocumentReference");
            x.element("cbc:ID", doc.corrects().get().number());
            x.element("cbc:IssueDate", doc.corrects().get().issueDate().toString());
            x.end().end();
        }
        x.start("cac:AccountingSupplierParty");
        party(x, doc.seller(), outOfScope);
        x.end();
        x.start("cac:AccountingCustomerParty");
        party(x, doc.buyer(), outOfScope);
        x.end();

        boolean intraCommunity = doc.totals().stream()
                .anyMatch(t -> UblTaxCategory.of(t.rate(), doc.seller(), doc.buyer()) == UblTaxCategory.K);
        x.start("cac:Delivery");
        x.element("cbc:ActualDeliveryDate", doc.saleDate().toString());
        if (intraCommunity) {
            x.start("cac:DeliveryLocation").start("cac:Address").start("cac:Country");
            x.element("cbc:IdentificationCode", doc.buyer().country());
            x.end().end().end();
        }
        x.end();

        x.start("cac:PaymentMeans");
        x.element("cbc:PaymentMeansCode", payeeAccount.isPresent() ? "30" : "1");
        x.element("cbc:PaymentID", doc.number());
        if (payeeAccount.isPresent()) {
            x.start("cac:PayeeFinancialAccount").element("cbc:ID", payeeAccount.get()).end();
        }
        x.end();
        if (!credit && doc.dueDate().isEmpty()) {
            x.start("cac:PaymentTerms").element("cbc:Note", "Payable on receipt").end();
        }

        int sign = credit ? -1 : 1;
        x.start("cac:TaxTotal");
        x.element("cbc:TaxAmount", "currencyID", currency, amount(doc.vat(), sign));
        for (VatTotal t : doc.totals()) {
            UblTaxCategory category = UblTaxCategory.of(t.rate(), doc.seller(), doc.buyer());
            x.start("cac:TaxSubtotal");
            x.element("cbc:TaxableAmount", "currencyID", currency, amount(t.net(), sign));
            x.element("cbc:TaxAmount", "currencyID", currency, amount(t.vat(), sign));
            x.start("cac:TaxCategory");
            x.element("cbc:ID", category.code());
            if (category.hasPercent()) {
                x.element("cbc:Percent", plain(t.rate().percent()));
            }
            if (category.exemptionCode().isPresent()) {
                x.element("cbc:TaxExemptionReasonCode", category.exemptionCode().get());
            } else if (category == UblTaxCategory.E) {
                x.element("cbc:TaxExemptionReason", exemptionReason.orElseThrow());
            }
            vatScheme(x);
            x.end();
            x.end();
        }
        x.end();
        if (doc.vatLocal().isPresent()) {
            Money local = doc.vatLocal().get();
            x.start("cac:TaxTotal");
            x.element("cbc:TaxAmount", "currencyID", local.getCurrencyUnit().getCode(), amount(local, sign));
            x.end();
        }

        x.start("cac:LegalMonetaryTotal");
        x.element("cbc:LineExtensionAmount", "currencyID", currency, amount(doc.net(), sign));
        x.element("cbc:TaxExclusiveAmount", "currencyID", currency, amount(doc.net(), sign));
        x.element("cbc:TaxInclusiveAmount", "currencyID", currency, amount(doc.gross(), sign));
        x.element("cbc:PayableAmount", "currencyID", currency, amount(doc.gross(), sign));
        x.end();

        List<InvoiceLine> lines = doc.lines();
        for (int i = 0; i < lines.size(); i++) {
            line(x, i + 1, lines.get(i), credit, currency, doc);
        }
        x.end();
        return x.finish();
    }

    private static void party(XmlOut x, Party p, boolean outOfScope) {
        TaxId id = p.taxId().orElseThrow();
        x.start("cac:Party");
        x.element("cbc:EndpointID", "schemeID", PeppolEndpoints.vatScheme(id.country()).orElseThrow(), id.vatNumber());
        x.start("cac:PostalAddress");
        x.element("cbc:StreetName", p.address());
        x.start("cac:Country").element("cbc:IdentificationCode", p.country()).end();
        x.end();
        if (!outOfScope) {
            x.start("cac:PartyTaxScheme");
            x.element("cbc:CompanyID", id.vatNumber());
            vatScheme(x);
            x.end();
        }
        x.start("cac:PartyLegalEntity");
        x.element("cbc:RegistrationName", p.name());
        if (outOfScope) {
            x.element("cbc:CompanyID", id.vatNumber());
        }
        x.end();
        x.end();
    }

    private static void line(XmlOut x, int number, InvoiceLine l, boolean credit, String currency, InvoiceDocument doc) {
        UblTaxCategory category = UblTaxCategory.of(l.vatRate(), doc.seller(), doc.buyer());
        Money net = l.netValue();
        x.start(credit ? "cac:CreditNoteLine" : "cac:InvoiceLine");
        x.element("cbc:ID", Integer.toString(number));
        x.element(credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity", "unitCode", l.unit(), l.quantity().toPlainString());
        x.element("cbc:LineExtensionAmount", "currencyID", currency, amount(net, 1));
        if (l.discountPercent().signum() > 0) {
            BigDecimal base = l.quantity().multiply(l.unitNetPrice().getAmount())
                    .setScale(net.getCurrencyUnit().getDecimalPlaces(), RoundingMode.HALF_UP);
            x.start("cac:AllowanceCharge");
            x.element("cbc:ChargeIndicator", "false");
            x.element("cbc:AllowanceChargeReasonCode", "95");
            x.element("cbc:AllowanceChargeReason", "Discount");
            x.element("cbc:MultiplierFactorNumeric", l.discountPercent().toPlainString());
            x.element("cbc:Amount", "currencyID", currency, base.subtract(net.getAmount()).toPlainString());
            x.element("cbc:BaseAmount", "currencyID", currency, base.toPlainString());
            x.end();
        }
        x.start("cac:Item");
        x.element("cbc:Name", l.description());
        x.start("cac:ClassifiedTaxCategory");
        x.element("cbc:ID", category.code());
        if (category.hasPercent()) {
            x.element("cbc:Percent", plain(l.vatRate().percent()));
        }
        vatScheme(x);
        x.end();
        x.end();
        x.start("cac:Price");
        x.element("cbc:PriceAmount", "currencyID", currency, l.unitNetPrice().getAmount().toPlainString());
        x.end();
        x.end();
    }

    private static void vatScheme(XmlOut x) {
        x.start("cac:TaxScheme").element("cbc:ID", "VAT").end();
    }

    private static String amount(Money m, int sign) {
        return (sign < 0 ? m.getAmount().negate() : m.getAmount()).toPlainString();
    }

    private static String plain(BigDecimal d) {
        return Fa3Lines.plain(d).toPlainString();
    }
}
