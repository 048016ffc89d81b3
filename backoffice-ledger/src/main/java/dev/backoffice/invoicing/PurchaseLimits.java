package dev.backoffice.invoicing;

/**
 * The limits of purchase invoices (accounts payable), checked once at the API door
 * ({@link NewPurchaseInvoice}); the limits they share with sales invoices are
 * {@link InvoicingLimits}'.
 */
public final class PurchaseLimits {

    /** Longest supplier's invoice number (FA(3) {@code P_2}: 256). */
    public static final int MAX_SUPPLIER_NUMBER_LENGTH = InvoicingLimits.MAX_NUMBER_LENGTH;
    /** Longest supplier key (the caller's id of a supplier). */
    public static final int MAX_SUPPLIER_LENGTH = InvoicingLimits.MAX_CUSTOMER_LENGTH;
    /**
     * Most a line's VAT may differ from its net amount times its rate rounded half up, in minor
     * units: the supplier's figures are taken as printed, and a supplier that rounds VAT line by
     * line (allowed in the UK, HMRC VAT Notice 700 section 16.3) and prints a per-rate total can
     * differ from the per-rate computation by a few pence. Beyond this a typing error is likelier.
     */
    public static final long MAX_VAT_DIFFERENCE_MINOR = 10;
    /** Most purchase invoices a due list holds (ask again with a later date for more). */
    public static final int MAX_DUE_LIST = 1000;

    private PurchaseLimits() {
    }
}
