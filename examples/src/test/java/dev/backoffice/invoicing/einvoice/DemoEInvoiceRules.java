package dev.backoffice.invoicing.einvoice;

import java.util.List;

/**
 * A public door, for the demo's tests in {@code examples}, to the ledger tests' Peppol rule
 * runner ({@link PeppolRules}, package-private in the ledger's test jar): the same phive rule
 * sets, not a copy of them.
 */
public final class DemoEInvoiceRules {

    private DemoEInvoiceRules() {
    }

    /** The errors of the Peppol BIS Billing 3.0 rules (UBL 2.1 schema, EN 16931 and Peppol Schematron) over {@code xml}. */
    public static List<String> peppolErrors(String xml) {
        return PeppolRules.peppol(xml).errors();
    }

    /** The warnings of the same rules. */
    public static List<String> peppolWarnings(String xml) {
        return PeppolRules.peppol(xml).warnings();
    }

    /** The errors of the EN 16931 UBL rules 1.3.16 over {@code xml}. */
    public static List<String> en16931Errors(String xml) {
        return PeppolRules.en16931(xml).errors();
    }
}
