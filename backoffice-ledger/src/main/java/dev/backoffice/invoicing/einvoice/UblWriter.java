package dev.backoffice.invoicing.einvoice;

import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.VatTotal;
import dev.backoffice.invoicing.einvoice.internal.PeppolEndpoints;
import dev.backoffice.invoicing.einvoice.internal.UblXml;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes issued invoices and credit notes as Peppol BIS Billing 3.0 documents: UBL 2.1
 * {@code Invoice} and {@code CreditNote} conforming to EN 16931-1:2017 (specification identifier
 * {@value UblXml#CUSTOMIZATION}, process {@value UblXml#PROFILE}). The layout and what maps where
 * is in the Javadoc of {@code internal.UblXml}; the VAT categories in {@link UblTaxCategory}.
 * <pre>{@code
 * UblWriter ubl = UblWriter.builder().payeeAccount("GB33BUKB20201555555555").build();
 * String xml = ubl.write(invoice);                  // an Invoice
 * String credit = ubl.write(creditNote, invoice);   // a CreditNote referencing the invoice
 * }</pre>
 *
 * <p>Both parties need a VAT number: Peppol requires an electronic address for each
 * (PEPPOL-EN16931-R010, R020), and the writer uses the VAT number under its EAS scheme
 * (9932 for a UK number, 9945 for a Polish one...). The output is deterministic: the same
 * invoice always gives the same bytes (no creation time, no generated ids). The writer does not
 * validate its output (tests run the official Schematron rules over it); it refuses, with
 * {@link EInvoiceErrorCode#NOT_WRITABLE} naming the field, what EN 16931 cannot express.
 * Immutable and thread-safe.
 */
public final class UblWriter {

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}");

    private final Optional<String> exemptionReason;
    private final Optional<String> payeeAccount;

    private UblWriter(Builder b) {
        this.exemptionReason = Optional.ofNullable(b.exemptionReason);
        this.payeeAccount = Optional.ofNullable(b.payeeAccount);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code Invoice} document of an issued invoice.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException {@link EInvoiceErrorCode#NOT_WRITABLE}
     *         naming the field: a draft or a credit note ({@code invoice}), a party without a VAT
     *         number of a country with a Peppol scheme ({@code seller.taxId}, {@code buyer.taxId}),
     *         a unit without a Recommendation 20 code ({@code lines[i].unit}), a currency with more
     *         than two decimals ({@code currency}), an exempt line without {@link Builder#exemptionReason}
     *         ({@code exemptionReason}), a line outside the scope of VAT beside others ({@code lines})
     */
    public String write(Invoice invoice) {
        return write(InvoiceDocument.of(invoice), invoice.customer());
    }

    /**
     * The {@code CreditNote} document of an issued credit note, referencing {@code corrected}
     * (BG-3); its lines are {@link InvoiceDocument#creditedLines()}.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException as {@link #write(Invoice)}, and
     *         naming {@code corrected} when it is not the invoice the credit note corrects
     */
    public String write(Invoice creditNote, Invoice corrected) {
        return write(InvoiceDocument.of(creditNote, corrected), creditNote.customer());
    }

    private String write(InvoiceDocument document, String buyerReference) {
        InvoiceDocument doc = document.ublView();
        int decimals = doc.currency().getDecimalPlaces();
        if (decimals > 2 || decimals < 0) {
            throw InvoiceDocument.notWritable("currency", "has more than two decimals: EN 16931 amounts have at most two",
                    doc.currency());
        }
        endpoint(doc.seller(), "seller.taxId");
        endpoint(doc.buyer(), "buyer.taxId");
        if (doc.lines().isEmpty()) {
            throw InvoiceDocument.notWritable("lines", "has no line that changed: a UBL document needs at least one line", doc.number());
        }
        boolean outOfScope = false;
        boolean exempt = false;
        for (VatTotal t : doc.totals()) {
            UblTaxCategory c = UblTaxCategory.of(t.rate(), doc.seller(), doc.buyer());
            outOfScope |= c == UblTaxCategory.O;
            exempt |= c == UblTaxCategory.E;
        }
        if (outOfScope && doc.totals().size() > 1) {
            throw InvoiceDocument.notWritable("lines",
                    "mixes supplies outside the scope of VAT with others: EN 16931 BR-O-11 allows no other VAT category beside O",
                    doc.number());
        }
        if (exempt && exemptionReason.isEmpty()) {
            throw InvoiceDocument.notWritable("exemptionReason",
                    "is needed for exempt lines (BR-E-10): give the writer the legal basis of the exemption", doc.number());
        }
        for (int i = 0; i < doc.lines().size(); i++) {
            InvoiceLine l = doc.lines().get(i);
            if (l.description().isBlank()) {
                throw InvoiceDocument.notWritable("lines[" + i + "].description", "is blank", l.description());
            }
        }
        return UblXml.write(doc, buyerReference.isBlank() ? doc.number() : buyerReference, exemptionReason, payeeAccount);
    }

    private static void endpoint(Party party, String field) {
        if (party.taxId().isEmpty()) {
            throw InvoiceDocument.notWritable(field,
                    "is required: Peppol needs an electronic address for each party, which the writer takes from the VAT number",
                    party.name());
        }
        String country = party.taxId().get().country();
        if (PeppolEndpoints.vatScheme(country).isEmpty()) {
            throw InvoiceDocument.notWritable(field, "is of a country without a Peppol VAT endpoint scheme", party.taxId().get());
        }
    }

    /** Builder of {@link UblWriter}. */
    public static final class Builder {
        private String exemptionReason;
        private String payeeAccount;

        private Builder() {
        }

        /**
         * The legal basis of exempt supplies (BT-120), required to write an invoice with an exempt
         * line, e.g. "VAT Act 1994, Schedule 9, Group 5" or "art. 43 ust. 1 pkt 29 lit. b ustawy o VAT".
         */
        public Builder exemptionReason(String reason) {
            this.exemptionReason = Check.text(reason, "exemptionReason", 1000);
            return this;
        }

        /**
         * The seller's account for credit transfers (BT-84, an IBAN without spaces); the payment
         * means is then 30 (credit transfer), without it 1 (not defined).
         */
        public Builder payeeAccount(String iban) {
            Check.notNull(iban, "payeeAccount");
            String normalised = iban.replace(" ", "");
            Check.that(IBAN.matcher(normalised).matches(), "payeeAccount", "is not an IBAN", iban);
            this.payeeAccount = normalised;
            return this;
        }

        /** The writer. */
        public UblWriter build() {
            return new UblWriter(this);
        }
    }
}
