package dev.backoffice.examples.demo;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.inventory.InventoryStore;
import dev.backoffice.inventory.jdbc.JdbcInventoryStore;
import dev.backoffice.inventory.memory.InMemoryInventoryStore;
import dev.backoffice.invoicing.InvoiceStore;
import dev.backoffice.invoicing.PayableStore;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.invoicing.jdbc.JdbcPayableStore;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import dev.backoffice.invoicing.memory.InMemoryPayableStore;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.orders.jdbc.JdbcOrderStore;
import dev.backoffice.payroll.jdbc.JdbcPayrollStore;
import dev.backoffice.docs.DocumentStore;
import dev.backoffice.docs.blob.BlobStore;
import dev.backoffice.docs.blob.FileSystemBlobStore;
import dev.backoffice.docs.blob.InMemoryBlobStore;
import dev.backoffice.docs.jdbc.JdbcDocumentStore;
import dev.backoffice.docs.memory.InMemoryDocumentStore;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import dev.backoffice.orders.OrderStore;
import dev.backoffice.orders.memory.InMemoryOrderStore;
import dev.backoffice.payroll.PayrollStore;
import dev.backoffice.payroll.memory.InMemoryPayrollStore;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Every store the demo uses, on one kind of storage. All JDBC stores share one data source and
 * one audit log, so a tenant's audit chain records period closes, payroll approvals and
 * document disposals in one sequence; an invoice, a stock movement and their journal entries
 * commit in one transaction.
 *
 * @param description how the stores are kept, for the report ("in memory", "H2 file ...", "PostgreSQL ...")
 */
record DemoStores(String description, LedgerStore ledger, OrderStore orders, PayrollStore payroll, DocumentStore documents,
                  BlobStore blobs, AuditStore audit, InvoiceStore invoices, PayableStore payables, InventoryStore inventory)
        implements AutoCloseable {

    /** Stops the JDBC ledger and invoice stores' committer threads (queued work finishes first). */
    @Override
    public void close() {
        if (invoices instanceof JdbcInvoiceStore jdbcInvoices) {
            jdbcInvoices.close();
        }
        if (ledger instanceof JdbcLedgerStore jdbcLedger) {
            jdbcLedger.close();
        }
    }

    /**
     * JDBC stores over one {@link Jdbc}, document contents in files under {@code blobs}; the
     * ledger store owns committer threads: close it when done.
     */
    static DemoStores jdbc(Jdbc jdbc, Path blobs, Clock clock, String description) {
        return new DemoStores(description, JdbcLedgerStore.builder(jdbc).build(), JdbcOrderStore.create(jdbc),
                JdbcPayrollStore.create(jdbc), JdbcDocumentStore.create(jdbc), FileSystemBlobStore.create(blobs),
                JdbcAuditStore.create(jdbc, clock), JdbcInvoiceStore.builder(jdbc).build(), JdbcPayableStore.create(jdbc),
                JdbcInventoryStore.builder(jdbc).build());
    }

    static DemoStores inMemory(Clock clock) {
        return new DemoStores("in memory", InMemoryLedgerStore.create(), InMemoryOrderStore.create(),
                InMemoryPayrollStore.create(), InMemoryDocumentStore.create(), InMemoryBlobStore.create(),
                InMemoryAuditStore.create(clock), InMemoryInvoiceStore.create(), InMemoryPayableStore.create(),
                InMemoryInventoryStore.create());
    }
}
