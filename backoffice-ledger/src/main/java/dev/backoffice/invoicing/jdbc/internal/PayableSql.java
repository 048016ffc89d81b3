package dev.backoffice.invoicing.jdbc.internal;

import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.PurchaseInvoice;
import dev.backoffice.invoicing.PurchaseStatus;
import dev.backoffice.ledger.EntryId;
import org.joda.money.CurrencyUnit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The SQL of the purchase ledger ({@code V2__invoicing_payables.sql}); same text on H2 and PostgreSQL but the conflict target. */
final class PayableSql {

    private static final String COLUMNS = "id, version, status, supplier, supplier_number, currency, issue_date, sale_date, received_on, "
            + "due_date, gross_minor, paid_minor, approved_by, rejection, ledger_entry, created_at, document";

    private PayableSql() {
    }

    static Optional<PurchaseInvoice> purchase(Connection c, String t, InvoiceId id, boolean lock) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM invoicing_purchase WHERE tenant_id = ? AND id = ?" + (lock ? " FOR UPDATE" : ""),
                PayableSql::purchase, t, id.value());
    }

    static List<PurchaseInvoice> lockPurchases(Connection c, String t, Collection<InvoiceId> ids) throws SQLException {
        List<PurchaseInvoice> out = new ArrayList<>(ids.size());
        for (InvoiceId id : new TreeSet<>(ids)) { // one at a time, in id order: the documented locking order
            purchase(c, t, id, true).ifPresent(out::add);
        }
        return out;
    }

    static Optional<PurchaseInvoice> bySupplierNumber(Connection c, String t, String supplier, String number) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM invoicing_purchase WHERE tenant_id = ? AND supplier = ? AND supplier_number = ?",
                PayableSql::purchase, t, supplier, number);
    }

    static List<PurchaseInvoice> dueBy(Connection c, String t, LocalDate date, int limit) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM invoicing_purchase WHERE tenant_id = ? AND status IN (?, ?, ?) AND due_date <= ? "
                        + "ORDER BY due_date, id LIMIT ?", PayableSql::purchase,
                t, PurchaseStatus.RECEIVED, PurchaseStatus.APPROVED, PurchaseStatus.PARTIALLY_PAID, date, limit);
    }

    static List<PurchaseInvoice> postedReceivedBetween(Connection c, String t, LocalDate from, LocalDate to, Optional<InvoiceId> after,
                                                       int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM invoicing_purchase WHERE tenant_id = ? AND received_on BETWEEN ? AND ? "
                + "AND status IN (?, ?, ?)" + (after.isPresent() ? " AND id > ?" : "") + " ORDER BY id LIMIT ?";
        return after.isPresent()
                ? Jdbc.query(c, sql, PayableSql::purchase, t, from, to, PurchaseStatus.APPROVED, PurchaseStatus.PARTIALLY_PAID,
                        PurchaseStatus.PAID, after.get().value(), limit)
                : Jdbc.query(c, sql, PayableSql::purchase, t, from, to, PurchaseStatus.APPROVED, PurchaseStatus.PARTIALLY_PAID,
                        PurchaseStatus.PAID, limit);
    }

    static boolean insertPurchase(Connection c, Dialect dialect, String t, PurchaseInvoice p) throws SQLException {
        // no conflict target on PostgreSQL either: a taken id and a taken supplier number both mean "not inserted"
        return Jdbc.update(c, "INSERT INTO invoicing_purchase (tenant_id, " + COLUMNS + ") "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                t, p.id().value(), p.version(), p.status(), p.supplier(), p.supplierNumber(), p.currency().getCode(), p.issueDate(),
                p.saleDate(), p.receivedOn(), p.dueDate(), MoneyMath.toMinor(p.gross()), MoneyMath.toMinor(p.paid()),
                p.approvedBy().orElse(null), p.rejection().orElse(null), p.ledgerEntry().map(EntryId::value).orElse(null), p.createdAt(),
                PurchaseDocument.json(p)) == 1;
    }

    static boolean updatePurchase(Connection c, String t, PurchaseInvoice p) throws SQLException {
        return Jdbc.update(c, "UPDATE invoicing_purchase SET version = ?, status = ?, paid_minor = ?, approved_by = ?, rejection = ?, "
                        + "ledger_entry = ? WHERE tenant_id = ? AND id = ? AND version = ?",
                p.version(), p.status(), MoneyMath.toMinor(p.paid()), p.approvedBy().orElse(null), p.rejection().orElse(null),
                p.ledgerEntry().map(EntryId::value).orElse(null), t, p.id().value(), p.version() - 1) == 1;
    }

    private static PurchaseInvoice purchase(ResultSet rs) throws SQLException {
        CurrencyUnit currency = CurrencyUnit.of(rs.getString("currency").strip());
        PurchaseDocument d = PurchaseDocument.parse(rs.getString("document"));
        return new PurchaseInvoice(InvoiceId.of(Jdbc.uuid(rs, "id")), rs.getLong("version"), PurchaseStatus.valueOf(rs.getString("status")),
                rs.getString("supplier"), rs.getString("supplier_number"), d.seller(), d.buyer(), currency, d.lines(), d.totals(), d.net(),
                d.vat(), MoneyMath.ofMinor(currency, rs.getLong("gross_minor")), d.fxRate(), Jdbc.date(rs, "issue_date"),
                Jdbc.date(rs, "sale_date"), Jdbc.date(rs, "received_on"), Jdbc.date(rs, "due_date"),
                MoneyMath.ofMinor(currency, rs.getLong("paid_minor")), Optional.ofNullable(rs.getString("approved_by")),
                Optional.ofNullable(rs.getString("rejection")), Optional.ofNullable(Jdbc.uuid(rs, "ledger_entry")).map(EntryId::of),
                Jdbc.instant(rs, "created_at"), Optional.ofNullable(d.corrects()),
                d.selfAssessed() == null ? List.of() : d.selfAssessed());
    }
}
