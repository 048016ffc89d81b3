package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.internal.Fa3Schema;
import dev.backoffice.invoicing.internal.Fa3Xml;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Writes issued Polish invoices and credit notes as KSeF FA(3) XML, the structured invoice a
 * KSeF client sends to the Polish National e-Invoice System (no network call here), and
 * validates documents against the official FA(3) schema shipped in this jar (taken from the
 * Ministry of Finance's repository {@code CIRFMF/ksef-docs}, {@code faktury/schemy/FA/}; the
 * source, commit and SHA-256 of each file are in {@code dev/backoffice/invoicing/ksef/fa3/SOURCE.md}).
 * <pre>{@code
 * Fa3Writer fa3 = Fa3Writer.builder().systemInfo("Acme ERP").build();
 * String xml = fa3.write(invoice);
 * List<String> problems = Fa3Writer.validate(xml);   // empty: valid
 * }</pre>
 * Immutable and thread-safe.
 */
public final class Fa3Writer {

    private final Clock clock;
    private final String systemInfo;
    private final Optional<String> exemptionBasis;

    private Fa3Writer(Builder b) {
        this.clock = b.clock;
        this.systemInfo = b.systemInfo;
        this.exemptionBasis = Optional.ofNullable(b.exemptionBasis);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The FA(3) document of an issued invoice of a Polish seller.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException naming {@code invoice} for a draft,
     *         a credit note (use {@link #write(Invoice, Invoice)}), a seller without a Polish NIP,
     *         or an exempt line without an exemption basis
     */
    public String write(Invoice invoice) {
        Check.notNull(invoice, "invoice");
        Check.that(invoice.kind() == InvoiceKind.INVOICE, "invoice", "is a credit note: write it with the invoice it corrects",
                invoice.number().orElse(null));
        return write(invoice, Optional.empty());
    }

    /**
     * The FA(3) document ({@code RodzajFaktury} {@code KOR}) of an issued credit note, with the
     * invoice it corrects.
     */
    public String write(Invoice creditNote, Invoice corrected) {
        Check.notNull(creditNote, "creditNote");
        Check.notNull(corrected, "corrected");
        Check.that(creditNote.kind() == InvoiceKind.CREDIT_NOTE, "creditNote", "is not a credit note", creditNote.number().orElse(null));
        Check.that(creditNote.corrects().equals(Optional.of(corrected.id())), "corrected", "is not the invoice the credit note corrects",
                corrected.id());
        return write(creditNote, Optional.of(corrected));
    }

    private String write(Invoice invoice, Optional<Invoice> corrected) {
        // a proforma is not a tax document: none of the invoices of art. 106b ust. 1 ustawy o VAT, without the
        // particulars of art. 106e (no number, no tax point), so it has no FA(3) document and never goes to KSeF
        Check.that(!invoice.isProforma(), "invoice", "is a proforma, which is not a tax document (art. 106b, 106e ustawy o VAT): "
                + "FA(3) is written for the invoice it is converted into", invoice.id());
        Check.that(invoice.number().isPresent() && invoice.issueDate().isPresent(), "invoice", "is a draft: only issued invoices are sent",
                invoice.id());
        Check.that(invoice.seller().taxId().map(t -> t.country().equals("PL")).orElse(false), "invoice",
                "has no Polish seller: FA(3) is the invoice of a Polish VAT payer", invoice.seller().taxId().orElse(null));
        boolean exempt = invoice.lines().stream().anyMatch(l -> l.vatRate() == VatRate.PL_EXEMPT);
        Check.that(!exempt || exemptionBasis.isPresent(), "invoice",
                "has exempt lines: give the writer the legal basis of the exemption (exemptionBasis)", invoice.number().orElse(null));
        return Fa3Xml.write(invoice, corrected, clock.instant(), systemInfo, exemptionBasis);
    }

    /**
     * Every error and warning of {@code xml} against the official FA(3) schema, each with its
     * line; empty when the document is valid. Needs no network.
     */
    public static List<String> validate(String xml) {
        return Fa3Schema.problems(Check.notNull(xml, "xml"));
    }

    /** Builder of {@link Fa3Writer}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private String systemInfo = "Back Office SDK";
        private String exemptionBasis;

        private Builder() {
        }

        /** The clock of the document's creation time ({@code DataWytworzeniaFa}; default system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Check.notNull(clock, "clock");
            return this;
        }

        /** The name of the issuing system ({@code SystemInfo}; default "Back Office SDK"). */
        public Builder systemInfo(String name) {
            this.systemInfo = Check.text(name, "systemInfo", 256);
            return this;
        }

        /**
         * The legal basis of exempt supplies ({@code P_19A}, e.g. "art. 43 ust. 1 pkt 29 lit. b
         * ustawy"), required to write an invoice with an exempt line.
         */
        public Builder exemptionBasis(String basis) {
            this.exemptionBasis = Check.text(basis, "exemptionBasis", 256);
            return this;
        }

        /** The writer. */
        public Fa3Writer build() {
            return new Fa3Writer(this);
        }
    }
}
