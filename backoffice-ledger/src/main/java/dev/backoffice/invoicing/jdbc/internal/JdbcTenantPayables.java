package dev.backoffice.invoicing.jdbc.internal;

import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.Allocation;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.PayableReads;
import dev.backoffice.invoicing.PayableTx;
import dev.backoffice.invoicing.Payment;
import dev.backoffice.invoicing.PaymentId;
import dev.backoffice.invoicing.PurchaseInvoice;
import dev.backoffice.invoicing.TenantPayableStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One tenant's view of the JDBC purchase ledger, made per {@code forTenant} call: reads in read
 * transactions of their own, a write's unit in one {@link Jdbc} transaction joining the calling
 * thread's open one on the same data source (so the ledger's entry commits with it).
 */
public final class JdbcTenantPayables extends TenantScope implements TenantPayableStore {

    private final Jdbc jdbc;

    private JdbcTenantPayables(Jdbc jdbc, TenantId tenant) {
        super(tenant);
        this.jdbc = jdbc;
    }

    /** The view of {@code tenant}'s purchase ledger through {@code jdbc}. */
    public static JdbcTenantPayables create(Jdbc jdbc, TenantId tenant) {
        return new JdbcTenantPayables(Check.notNull(jdbc, "jdbc"), tenant);
    }

    @Override
    public PayableReads read() {
        return new Tx(null);
    }

    @Override
    public <T> T write(Function<? super PayableTx, ? extends T> work) {
        Check.notNull(work, "work");
        return jdbc.inTransaction(tenant, c -> work.apply(new Tx(c)));
    }

    /** A statement; a failure leaves as {@link StorageException.Sql} for {@link Jdbc} to judge. */
    @FunctionalInterface
    private interface Statement<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * A unit of work on the transaction's connection, or (connection null) the committed reads,
     * each in a read transaction of its own.
     */
    private final class Tx implements PayableTx {
        private final Connection c;

        Tx(Connection c) {
            this.c = c;
        }

        private <T> T sql(Statement<T> statement) {
            if (c == null) {
                return jdbc.inReadTransaction(statement::run);
            }
            try {
                return statement.run(c);
            } catch (SQLException e) {
                throw new StorageException.Sql(e);
            }
        }

        @Override
        public TenantId tenant() {
            return tenant;
        }

        @Override
        public Optional<PurchaseInvoice> purchase(InvoiceId id) {
            return sql(x -> PayableSql.purchase(x, t, id, false));
        }

        @Override
        public Optional<PurchaseInvoice> purchaseBySupplierNumber(String supplier, String supplierNumber) {
            return sql(x -> PayableSql.bySupplierNumber(x, t, supplier, supplierNumber));
        }

        @Override
        public List<PurchaseInvoice> dueBy(LocalDate date, int limit) {
            return sql(x -> PayableSql.dueBy(x, t, date, limit));
        }

        @Override
        public List<PurchaseInvoice> postedReceivedBetween(LocalDate from, LocalDate to, Optional<InvoiceId> after, int limit) {
            return sql(x -> PayableSql.postedReceivedBetween(x, t, from, to, after, limit));
        }

        @Override
        public Optional<Payment> supplierPayment(PaymentId id) {
            return sql(x -> PaymentSql.MADE.payment(x, t, id, false));
        }

        @Override
        public boolean insertPurchase(PurchaseInvoice invoice) {
            if (invoice.version() != 1) {
                throw new IllegalStateException("a new purchase invoice is stored at version 1, not " + invoice.version());
            }
            return sql(x -> PayableSql.insertPurchase(x, jdbc.dialect(), t, invoice));
        }

        @Override
        public Optional<PurchaseInvoice> lockPurchase(InvoiceId id) {
            return sql(x -> PayableSql.purchase(x, t, id, true));
        }

        @Override
        public List<PurchaseInvoice> lockPurchases(Collection<InvoiceId> ids) {
            return sql(x -> PayableSql.lockPurchases(x, t, ids));
        }

        @Override
        public void updatePurchase(PurchaseInvoice invoice) {
            if (!sql(x -> PayableSql.updatePurchase(x, t, invoice))) {
                throw new IllegalStateException("purchase invoice " + invoice.id() + " is not stored at version " + (invoice.version() - 1));
            }
        }

        @Override
        public boolean insertSupplierPayment(Payment payment) {
            if (payment.version() != 1) {
                throw new IllegalStateException("a new payment is stored at version 1, not " + payment.version());
            }
            return sql(x -> PaymentSql.MADE.insertPayment(x, jdbc.dialect(), t, payment));
        }

        @Override
        public Optional<Payment> lockSupplierPayment(PaymentId id) {
            return sql(x -> PaymentSql.MADE.payment(x, t, id, true));
        }

        @Override
        public void addSupplierAllocations(Payment payment, List<Allocation> allocations) {
            if (!sql(x -> PaymentSql.MADE.addAllocations(x, t, payment, allocations))) {
                throw new IllegalStateException("payment " + payment.id() + " is not stored at version " + (payment.version() - 1));
            }
        }
    }
}
