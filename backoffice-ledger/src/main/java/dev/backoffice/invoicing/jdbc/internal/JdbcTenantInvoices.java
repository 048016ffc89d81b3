package dev.backoffice.invoicing.jdbc.internal;

import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.TransactionWork;
import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.Allocation;
import dev.backoffice.invoicing.GapAudit;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.InvoiceReads;
import dev.backoffice.invoicing.InvoiceTx;
import dev.backoffice.invoicing.NumberingPeriod;
import dev.backoffice.invoicing.Payment;
import dev.backoffice.invoicing.PaymentId;
import dev.backoffice.invoicing.PreparedIssue;
import dev.backoffice.invoicing.Series;
import dev.backoffice.invoicing.TenantInvoiceStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One tenant's view of the JDBC invoice store: a small object made per {@code forTenant} call.
 * Reads run in read transactions of their own; a write runs its unit in one {@link Jdbc}
 * transaction, joining the calling thread's open one on the same data source (so a ledger on
 * that data source, called inside the unit, commits with it).
 */
public final class JdbcTenantInvoices extends TenantScope implements TenantInvoiceStore {

    private final Jdbc jdbc;
    private final Clock clock;
    private final IssueGroups issues;

    private JdbcTenantInvoices(Jdbc jdbc, TenantId tenant, Clock clock, IssueGroups issues) {
        super(tenant);
        this.jdbc = jdbc;
        this.clock = clock;
        this.issues = issues;
    }

    /**
     * The view of {@code tenant}'s invoices through {@code jdbc}.
     *
     * @param issues the group commit of issues, or null to issue each in its own transaction
     */
    public static JdbcTenantInvoices create(Jdbc jdbc, TenantId tenant, Clock clock, IssueGroups issues) {
        return new JdbcTenantInvoices(Check.notNull(jdbc, "jdbc"), tenant, Check.notNull(clock, "clock"), issues);
    }

    /**
     * Issues in a group transaction with the series' other concurrent issues ({@link IssueGroups});
     * alone when grouping is off or when the calling thread is inside a transaction of this data
     * source or a host transaction (the issue then joins it, as every write does).
     */
    @Override
    public Invoice issue(PreparedIssue issue) {
        Check.notNull(issue, "issue");
        if (issues == null || jdbc.inTransaction()) {
            return write(issue::issueIn);
        }
        return issues.issue(tenant, issue, this);
    }

    @Override
    public InvoiceReads read() {
        return new Reads();
    }

    @Override
    public <T> T write(Function<? super InvoiceTx, ? extends T> work) {
        Check.notNull(work, "work");
        return jdbc.inTransaction(tenant, c -> work.apply(new Tx(c)));
    }

    private <T> T reading(TransactionWork<T> work) {
        return jdbc.inReadTransaction(work);
    }

    /** Committed reads, each in a read transaction of its own. */
    private final class Reads implements InvoiceReads {
        @Override
        public TenantId tenant() {
            return tenant;
        }

        @Override
        public Optional<Series> series(String code) {
            return reading(c -> InvoiceSql.series(c, t, code));
        }

        @Override
        public List<Series> allSeries() {
            return reading(c -> InvoiceSql.allSeries(c, t));
        }

        @Override
        public Optional<Invoice> invoice(InvoiceId id) {
            return reading(c -> InvoiceSql.invoice(c, t, id, false));
        }

        @Override
        public Optional<Invoice> invoiceByNumber(String number) {
            return reading(c -> InvoiceSql.invoiceByNumber(c, t, number));
        }

        @Override
        public List<Invoice> invoicesAfter(Optional<InvoiceId> after, int limit) {
            return reading(c -> InvoiceSql.invoicesAfter(c, t, after, limit));
        }

        @Override
        public long counter(String series, NumberingPeriod period) {
            return reading(c -> InvoiceSql.counter(c, t, series, period));
        }

        @Override
        public GapAudit gapAudit(String series, NumberingPeriod period) {
            return reading(c -> InvoiceSql.gapAudit(c, t, series, period));
        }

        @Override
        public List<Invoice> overdueUnmarked(LocalDate date, int limit) {
            return reading(c -> InvoiceSql.overdueUnmarked(c, t, date, limit));
        }

        @Override
        public Optional<Payment> payment(PaymentId id) {
            return reading(c -> PaymentSql.RECEIVED.payment(c, t, id, false));
        }

        @Override
        public List<Invoice> issuedBetween(LocalDate from, LocalDate to, Optional<InvoiceId> after, int limit) {
            return reading(c -> InvoiceReportSql.issuedBetween(c, t, from, to, after, limit));
        }

        @Override
        public List<Invoice> creditNotesOf(InvoiceId invoice) {
            return reading(c -> InvoiceReportSql.creditNotesOf(c, t, invoice));
        }

        @Override
        public List<Invoice> openInvoices(Optional<InvoiceId> after, int limit) {
            return reading(c -> InvoiceReportSql.openInvoices(c, t, after, limit));
        }

        @Override
        public List<dev.backoffice.invoicing.Allocation> allocationsTo(java.util.Collection<InvoiceId> invoices) {
            return reading(c -> InvoiceReportSql.allocationsTo(c, t, invoices));
        }
    }

    /** A statement of a unit of work; a failure leaves as {@link StorageException.Sql} for {@link Jdbc} to judge. */
    @FunctionalInterface
    private interface Statement<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(Statement<T> statement) {
        try {
            return statement.run();
        } catch (SQLException e) {
            throw new StorageException.Sql(e);
        }
    }

    /** One unit of work on the transaction's connection. */
    private final class Tx implements InvoiceTx {
        private final Connection c;

        Tx(Connection c) {
            this.c = c;
        }

        @Override
        public TenantId tenant() {
            return tenant;
        }

        @Override
        public Optional<Series> series(String code) {
            return sql(() -> InvoiceSql.series(c, t, code));
        }

        @Override
        public List<Series> allSeries() {
            return sql(() -> InvoiceSql.allSeries(c, t));
        }

        @Override
        public Optional<Invoice> invoice(InvoiceId id) {
            return sql(() -> InvoiceSql.invoice(c, t, id, false));
        }

        @Override
        public Optional<Invoice> invoiceByNumber(String number) {
            return sql(() -> InvoiceSql.invoiceByNumber(c, t, number));
        }

        @Override
        public List<Invoice> invoicesAfter(Optional<InvoiceId> after, int limit) {
            return sql(() -> InvoiceSql.invoicesAfter(c, t, after, limit));
        }

        @Override
        public long counter(String series, NumberingPeriod period) {
            return sql(() -> InvoiceSql.counter(c, t, series, period));
        }

        @Override
        public GapAudit gapAudit(String series, NumberingPeriod period) {
            return sql(() -> InvoiceSql.gapAudit(c, t, series, period));
        }

        @Override
        public List<Invoice> overdueUnmarked(LocalDate date, int limit) {
            return sql(() -> InvoiceSql.overdueUnmarked(c, t, date, limit));
        }

        @Override
        public Optional<Payment> payment(PaymentId id) {
            return sql(() -> PaymentSql.RECEIVED.payment(c, t, id, false));
        }

        @Override
        public List<Invoice> issuedBetween(LocalDate from, LocalDate to, Optional<InvoiceId> after, int limit) {
            return sql(() -> InvoiceReportSql.issuedBetween(c, t, from, to, after, limit));
        }

        @Override
        public List<Invoice> creditNotesOf(InvoiceId invoice) {
            return sql(() -> InvoiceReportSql.creditNotesOf(c, t, invoice));
        }

        @Override
        public List<Invoice> openInvoices(Optional<InvoiceId> after, int limit) {
            return sql(() -> InvoiceReportSql.openInvoices(c, t, after, limit));
        }

        @Override
        public boolean insertSeries(Series series) {
            return sql(() -> InvoiceSql.insertSeries(c, t, series, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        }

        @Override
        public long nextSequence(String series, NumberingPeriod period) {
            return sql(() -> InvoiceSql.nextSequence(c, jdbc.dialect(), t, series, period));
        }

        @Override
        public boolean insertInvoice(Invoice invoice) {
            if (invoice.version() != 1) {
                throw new IllegalStateException("a new invoice is stored at version 1, not " + invoice.version());
            }
            return sql(() -> InvoiceSql.insertInvoice(c, jdbc.dialect(), t, invoice));
        }

        @Override
        public Optional<Invoice> lockInvoice(InvoiceId id) {
            return sql(() -> InvoiceSql.invoice(c, t, id, true));
        }

        @Override
        public List<Invoice> lockInvoices(Collection<InvoiceId> ids) {
            return sql(() -> InvoiceSql.lockInvoices(c, t, ids));
        }

        @Override
        public void updateInvoice(Invoice invoice) {
            if (!sql(() -> InvoiceSql.updateInvoice(c, t, invoice))) {
                throw new IllegalStateException("invoice " + invoice.id() + " is not stored at version " + (invoice.version() - 1));
            }
        }

        @Override
        public boolean insertPayment(Payment payment) {
            if (payment.version() != 1) {
                throw new IllegalStateException("a new payment is stored at version 1, not " + payment.version());
            }
            return sql(() -> PaymentSql.RECEIVED.insertPayment(c, jdbc.dialect(), t, payment));
        }

        @Override
        public Optional<Payment> lockPayment(PaymentId id) {
            return sql(() -> PaymentSql.RECEIVED.payment(c, t, id, true));
        }

        @Override
        public void addAllocations(Payment payment, List<Allocation> allocations) {
            if (!sql(() -> PaymentSql.RECEIVED.addAllocations(c, t, payment, allocations))) {
                throw new IllegalStateException("payment " + payment.id() + " is not stored at version " + (payment.version() - 1));
            }
        }
    }
}
