package dev.backoffice.invoicing.jdbc.internal;

import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.InvoiceStatus;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The sales reads of the reports and corrections, on the indexes of {@code V2__invoicing_payables.sql}. */
final class InvoiceReportSql {

    private InvoiceReportSql() {
    }

    static List<Invoice> issuedBetween(Connection c, String t, LocalDate from, LocalDate to, Optional<InvoiceId> after, int limit)
            throws SQLException {
        String sql = "SELECT " + InvoiceSql.INVOICE_COLUMNS + " FROM invoicing_invoice WHERE tenant_id = ? AND issue_date BETWEEN ? AND ? "
                + "AND number IS NOT NULL" + (after.isPresent() ? " AND id > ?" : "") + " ORDER BY id LIMIT ?";
        return after.isPresent()
                ? Jdbc.query(c, sql, InvoiceSql::invoice, t, from, to, after.get().value(), limit)
                : Jdbc.query(c, sql, InvoiceSql::invoice, t, from, to, limit);
    }

    static List<Invoice> creditNotesOf(Connection c, String t, InvoiceId invoice) throws SQLException {
        return Jdbc.query(c, "SELECT " + InvoiceSql.INVOICE_COLUMNS + " FROM invoicing_invoice WHERE tenant_id = ? AND corrects = ? ORDER BY id",
                InvoiceSql::invoice, t, invoice.value());
    }

    static List<Invoice> openInvoices(Connection c, String t, Optional<InvoiceId> after, int limit) throws SQLException {
        String sql = "SELECT " + InvoiceSql.INVOICE_COLUMNS + " FROM invoicing_invoice WHERE tenant_id = ? AND status IN (?, ?, ?) AND kind = ?"
                + (after.isPresent() ? " AND id > ?" : "") + " ORDER BY id LIMIT ?";
        return after.isPresent()
                ? Jdbc.query(c, sql, InvoiceSql::invoice, t, InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.OVERDUE,
                        InvoiceKind.INVOICE, after.get().value(), limit)
                : Jdbc.query(c, sql, InvoiceSql::invoice, t, InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.OVERDUE,
                        InvoiceKind.INVOICE, limit);
    }

    /** The allocations to {@code invoices} (index {@code invoicing_allocation_invoice}), one statement. */
    static List<dev.backoffice.invoicing.Allocation> allocationsTo(Connection c, String t, java.util.Collection<InvoiceId> invoices)
            throws SQLException {
        if (invoices.isEmpty()) {
            return List.of();
        }
        List<Object> params = new java.util.ArrayList<>(invoices.size() + 1);
        params.add(t);
        StringBuilder in = new StringBuilder();
        for (InvoiceId id : invoices) {
            in.append(in.length() == 0 ? "?" : ", ?");
            params.add(id.value());
        }
        return Jdbc.query(c, "SELECT a.invoice_id, a.amount_minor, a.allocated_on, a.entry_id, p.currency FROM invoicing_allocation a "
                        + "JOIN invoicing_payment p ON p.tenant_id = a.tenant_id AND p.id = a.payment_id "
                        + "WHERE a.tenant_id = ? AND a.invoice_id IN (" + in + ")",
                rs -> new dev.backoffice.invoicing.Allocation(InvoiceId.of(Jdbc.uuid(rs, "invoice_id")),
                        dev.backoffice.core.money.MoneyMath.ofMinor(org.joda.money.CurrencyUnit.of(rs.getString("currency").strip()),
                                rs.getLong("amount_minor")), Jdbc.date(rs, "allocated_on"),
                        dev.backoffice.ledger.EntryId.of(Jdbc.uuid(rs, "entry_id"))), params.toArray());
    }
}
