package dev.backoffice.invoicing.einvoice;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.TaxId;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.VatTotal;
import dev.backoffice.invoicing.einvoice.internal.Rates;
import dev.backoffice.invoicing.einvoice.internal.UblXml;
import dev.backoffice.invoicing.einvoice.internal.UnitCodes;
import dev.backoffice.invoicing.einvoice.internal.XmlIn;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Peppol BIS Billing 3.0 UBL {@code Invoice} or {@code CreditNote} back into the SDK's
 * values ({@link InvoiceDocument}): the parts {@link UblWriter} writes (see
 * {@link InvoiceDocument#ublView()}). A credit note's amounts come back with the SDK's sign
 * (negative). Every element it needs that is missing or unreadable is a typed error
 * ({@link EInvoiceErrorCode}) naming the element's path; a line whose net does not equal its
 * quantity times price less its discount, or a VAT category and rate the SDK has no rate for in
 * the seller's country, is {@link EInvoiceErrorCode#INVALID_VALUE}. The reader does not run the
 * Peppol rules (validate first, e.g. with phive). Stateless and thread-safe.
 */
public final class UblReader {

    private static final Map<String, String> PREFIXES = Map.of("cac", UblXml.CAC, "cbc", UblXml.CBC);

    private UblReader() {
    }

    /** The document {@code xml} states. */
    public static InvoiceDocument read(String xml) {
        XmlIn root = XmlIn.parse(xml, List.of(UblXml.INVOICE_NS, UblXml.CREDIT_NOTE_NS), List.of("Invoice", "CreditNote"), PREFIXES);
        boolean credit = root.name().equals("CreditNote");
        String number = root.text("cbc:ID");
        LocalDate issued = root.child("cbc:IssueDate").date();
        Optional<LocalDate> due = root.optional("cbc:DueDate").map(XmlIn::date);
        XmlIn currencyCode = root.child("cbc:DocumentCurrencyCode");
        CurrencyUnit currency = currencyCode.as("an ISO 4217 currency code", CurrencyUnit::of);
        Optional<String> reason = root.optionalText("cbc:Note");
        Optional<InvoiceDocument.Reference> corrects = root.optional("cac:BillingReference").map(b -> {
            XmlIn ref = b.child("cac:InvoiceDocumentReference");
            return new InvoiceDocument.Reference(ref.text("cbc:ID"), ref.child("cbc:IssueDate").date());
        });
        Party seller = party(root.child("cac:AccountingSupplierParty").child("cac:Party"));
        Party buyer = party(root.child("cac:AccountingCustomerParty").child("cac:Party"));
        LocalDate sale = root.optional("cac:Delivery").flatMap(d -> d.optional("cbc:ActualDeliveryDate")).map(XmlIn::date)
                .orElse(issued);
        int sign = credit ? -1 : 1;

        List<XmlIn> taxTotals = root.children("cac:TaxTotal");
        XmlIn breakdown = null;
        Optional<Money> vatLocal = Optional.empty();
        for (XmlIn t : taxTotals) {
            if (t.optional("cac:TaxSubtotal").isPresent()) {
                breakdown = t;
            } else {
                XmlIn amount = t.child("cbc:TaxAmount");
                CurrencyUnit local = currency(amount);
                vatLocal = Optional.of(signed(amount.money(local), sign));
            }
        }
        if (breakdown == null) {
            throw EInvoiceErrorCode.MISSING_ELEMENT.exception(root.path() + "/cac:TaxTotal/cac:TaxSubtotal", "is missing", null);
        }
        Money vat = signed(amount(breakdown.child("cbc:TaxAmount"), currency), sign);
        List<VatTotal> totals = new ArrayList<>();
        for (XmlIn s : breakdown.children("cac:TaxSubtotal")) {
            VatRate rate = rate(s.child("cac:TaxCategory"), seller.country());
            Money net = signed(amount(s.child("cbc:TaxableAmount"), currency), sign);
            Money tax = signed(amount(s.child("cbc:TaxAmount"), currency), sign);
            totals.add(new VatTotal(rate, net, tax, MoneyMath.plus(net, tax), Optional.empty(), Optional.empty()));
        }
        XmlIn monetary = root.child("cac:LegalMonetaryTotal");
        Money net = signed(amount(monetary.child("cbc:TaxExclusiveAmount"), currency), sign);
        Money gross = signed(amount(monetary.child("cbc:TaxInclusiveAmount"), currency), sign);

        List<InvoiceLine> lines = new ArrayList<>();
        for (XmlIn l : root.children(credit ? "cac:CreditNoteLine" : "cac:InvoiceLine")) {
            lines.add(line(l, credit, currency, seller.country()));
        }
        if (lines.isEmpty()) {
            throw EInvoiceErrorCode.MISSING_ELEMENT.exception(root.path() + (credit ? "/cac:CreditNoteLine" : "/cac:InvoiceLine"),
                    "is missing: a document has at least one line", null);
        }
        return new InvoiceDocument(credit ? InvoiceKind.CREDIT_NOTE : InvoiceKind.INVOICE, number, issued, sale,
                credit ? Optional.empty() : due, currency, seller, buyer, lines, List.of(), totals, net, vat, gross, vatLocal,
                Optional.empty(), corrects, credit ? reason : Optional.empty());
    }

    private static Party party(XmlIn p) {
        XmlIn legal = p.child("cac:PartyLegalEntity");
        String name = legal.text("cbc:RegistrationName");
        XmlIn address = p.child("cac:PostalAddress");
        String street = address.text("cbc:StreetName");
        XmlIn country = address.child("cac:Country").child("cbc:IdentificationCode");
        Optional<XmlIn> vatId = Optional.empty();
        for (XmlIn scheme : p.children("cac:PartyTaxScheme")) {
            if (scheme.child("cac:TaxScheme").text("cbc:ID").equals("VAT")) {
                vatId = Optional.of(scheme.child("cbc:CompanyID"));
            }
        }
        if (vatId.isEmpty()) {
            vatId = legal.optional("cbc:CompanyID"); // an invoice of category O states the number here (BR-O-02)
        }
        Optional<TaxId> taxId = vatId.map(v -> v.as("a VAT number with its country prefix", TaxId::euVat));
        String c = country.text();
        return country.as("a party (ISO 3166 alpha-2 country)", t -> new Party(name, c, taxId, street));
    }

    private static InvoiceLine line(XmlIn l, boolean credit, CurrencyUnit currency, String sellerCountry) {
        XmlIn quantity = l.child(credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity");
        String unit = quantity.attribute("unitCode");
        if (!UnitCodes.isCode(unit)) {
            throw quantity.invalid("has a unit code the SDK does not read", unit);
        }
        BigDecimal q = quantity.decimal();
        XmlIn item = l.child("cac:Item");
        String name = item.text("cbc:Name");
        VatRate rate = rate(item.child("cac:ClassifiedTaxCategory"), sellerCountry);
        XmlIn priceAmount = l.child("cac:Price").child("cbc:PriceAmount");
        if (!currency.getCode().equals(priceAmount.attribute("currencyID"))) {
            throw priceAmount.invalid("is not in the document currency " + currency, priceAmount.attribute("currencyID"));
        }
        BigMoney price = BigMoney.of(currency, priceAmount.decimal());
        BigDecimal discount = BigDecimal.ZERO;
        for (XmlIn ac : l.children("cac:AllowanceCharge")) {
            if (ac.text("cbc:ChargeIndicator").equals("false")) {
                discount = ac.child("cbc:MultiplierFactorNumeric").decimal();
            } else {
                throw ac.invalid("is a line charge: the SDK's lines carry none", null);
            }
        }
        InvoiceLine line = new InvoiceLine(name, q, unit, price, discount, rate);
        XmlIn net = l.child("cbc:LineExtensionAmount");
        Money stated = amount(net, currency);
        if (!line.netValue().isEqual(stated)) {
            throw net.invalid("is not quantity times price less the discount (" + line.netValue().getAmount() + ")", stated.getAmount());
        }
        return line;
    }

    private static VatRate rate(XmlIn category, String sellerCountry) {
        XmlIn id = category.child("cbc:ID");
        UblTaxCategory c = UblTaxCategory.ofCode(id.text()).orElseThrow(() -> id.invalid("is not a VAT category the SDK reads", id.text()));
        BigDecimal percent = category.optional("cbc:Percent").map(XmlIn::decimal).orElse(null);
        return Rates.ofCategory(c, percent, sellerCountry)
                .orElseThrow(() -> category.invalid("has no SDK VAT rate for a seller in " + sellerCountry, c + " " + percent));
    }

    private static Money amount(XmlIn e, CurrencyUnit currency) {
        if (!currency.getCode().equals(e.attribute("currencyID"))) {
            throw e.invalid("is not in the document currency " + currency, e.attribute("currencyID"));
        }
        return e.money(currency);
    }

    private static CurrencyUnit currency(XmlIn e) {
        String code = e.attribute("currencyID");
        try {
            return CurrencyUnit.of(code);
        } catch (RuntimeException ex) {
            throw e.invalid("has an unknown currencyID", code);
        }
    }

    private static Money signed(Money m, int sign) {
        return sign < 0 ? m.negated() : m;
    }
}
