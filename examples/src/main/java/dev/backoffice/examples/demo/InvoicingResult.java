package dev.backoffice.examples.demo;

import dev.backoffice.invoicing.AgingReport;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.LatePaymentClaim;
import dev.backoffice.invoicing.PurchaseInvoice;
import dev.backoffice.invoicing.VatRegister;
import org.joda.money.Money;

import java.util.List;

/**
 * The sales and purchase ledgers of one company at the end of the month, and how they
 * reconcile to the general ledger.
 *
 * @param invoices           the invoices and credit notes issued, by number
 * @param purchases          the suppliers' invoices registered
 * @param aging              the aging of the receivables at the end of the month
 * @param vatRegister        the month's VAT register (sales and purchases by rate)
 * @param lateClaims         what a reminder may claim on each overdue invoice (statutory interest and compensation)
 * @param files              the e-invoices written (KSeF FA(3) for a Polish seller, Peppol UBL otherwise)
 * @param openInvoices       the sum of what the invoices have open
 * @param receivableInLedger the balance of the receivables account
 * @param outputVatInLedger  what the VAT-due account moved by in the month (credit less debit)
 * @param inputVatInLedger   what the input-VAT account moved by in the month (debit less credit)
 */
public record InvoicingResult(List<Invoice> invoices, List<PurchaseInvoice> purchases, AgingReport aging, VatRegister vatRegister,
                              List<LatePaymentClaim> lateClaims, List<EInvoiceFile> files, Money openInvoices,
                              Money receivableInLedger, Money outputVatInLedger, Money inputVatInLedger) {

    /**
     * One e-invoice document.
     *
     * @param fileName where it is written, relative to the e-invoice folder ({@code <tenant>/<number>.xml})
     * @param format   {@code KSeF FA(3)} or {@code Peppol BIS Billing 3.0 (UBL 2.1)}
     * @param number   the invoice's or credit note's number
     * @param xml      the document
     */
    public record EInvoiceFile(String fileName, String format, String number, String xml) {
    }

    /** Whether the receivables account equals the sum of open invoices. */
    public boolean receivableReconciles() {
        return openInvoices.isEqual(receivableInLedger);
    }

    /** Whether the register's output and input VAT equal the movements of the ledger's VAT accounts. */
    public boolean vatReconciles() {
        return vatRegister.vat(VatRegister.Side.SALES, openInvoices.getCurrencyUnit()).isEqual(outputVatInLedger)
                && vatRegister.vat(VatRegister.Side.PURCHASES, openInvoices.getCurrencyUnit()).isEqual(inputVatInLedger);
    }
}
