package dev.backoffice.invoicing;

import dev.backoffice.core.store.TenantStore;

/**
 * One tenant's invoices: {@link #read()} answers committed data, {@link #write} runs a unit of
 * work in one transaction (see {@link TenantStore} for the rules every store keeps: a JDBC write
 * joins an enclosing transaction of the same data source, which is how an invoice and its
 * journal entry commit together).
 */
public interface TenantInvoiceStore extends TenantStore<InvoiceReads, InvoiceTx> {

    /**
     * Issues a new invoice prepared outside any transaction and returns it: its number, the
     * invoice and its journal entry land together or not at all. By default one unit of work,
     * {@code write(issue::issueIn)}; the JDBC store instead groups concurrent issues of one series
     * into one transaction (see {@link PreparedIssue}).
     */
    default Invoice issue(PreparedIssue issue) {
        return write(issue::issueIn);
    }
}
