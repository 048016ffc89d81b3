package dev.backoffice.invoicing.einvoice;

import dev.backoffice.core.error.ErrorCode;

/**
 * Every way writing or reading an e-invoice can fail, with its stable {@link #code()}. A reader's
 * error names the element at fault as its field, as a path from the root
 * ({@code Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount}, {@code Faktura/Fa/P_15}); a
 * writer's names the invoice field ({@code buyer.taxId}, {@code lines[2].unit}). Nothing is half
 * written: a writer returns the whole document or throws.
 */
public enum EInvoiceErrorCode implements ErrorCode {
    /** Not well-formed XML, or another document than the reader reads (wrong root element or namespace). */
    MALFORMED("invoicing.einvoice_malformed", Kind.INVALID),
    /** An element the SDK needs to rebuild the invoice is missing. */
    MISSING_ELEMENT("invoicing.einvoice_missing_element", Kind.INVALID),
    /** An element's value cannot be read: not a date, not an amount, an unknown code, a tax id that fails its check. */
    INVALID_VALUE("invoicing.einvoice_invalid_value", Kind.INVALID),
    /**
     * The invoice cannot be expressed in the format: a draft, a party without the identifier the
     * format requires, a unit without a UN/ECE Recommendation 20 code, a currency with more than
     * two decimals, a VAT category combination EN 16931 forbids.
     */
    NOT_WRITABLE("invoicing.einvoice_not_writable", Kind.INVALID);

    private final String code;
    private final Kind kind;

    EInvoiceErrorCode(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
