package dev.backoffice.invoicing.jdbc.internal;

import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.invoicing.Allocation;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.Payment;
import dev.backoffice.invoicing.PaymentId;
import dev.backoffice.ledger.EntryId;
import org.joda.money.CurrencyUnit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of a {@link Payment} and its allocations, one for payments received from customers
 * ({@code invoicing_payment}, {@code V1__invoicing.sql}) and one for payments made to suppliers
 * ({@code invoicing_supplier_payment}, {@code V2__invoicing_payables.sql}). Both books store the
 * same record the same way: the tables differ, and two columns are named for their side (who
 * paid or was paid, and the day it was received or paid).
 */
final class PaymentSql {

    /** Payments received from customers against sales invoices. */
    static final PaymentSql RECEIVED = new PaymentSql("invoicing_payment", "invoicing_allocation", "payer", "received_on");
    /** Payments made to suppliers against purchase invoices. */
    static final PaymentSql MADE = new PaymentSql("invoicing_supplier_payment", "invoicing_supplier_allocation", "supplier", "paid_on");

    private final String payments;
    private final String allocations;
    private final String party;
    private final String date;
    private final String select;

    private PaymentSql(String payments, String allocations, String party, String date) {
        this.payments = payments;
        this.allocations = allocations;
        this.party = party;
        this.date = date;
        this.select = "SELECT p.id, p.version, p." + party + ", p.currency, p.amount_minor, p." + date + ", p.reference, "
                + "p.ledger_entry, p.created_at, a.seq AS a_seq, a.invoice_id, a.amount_minor AS a_amount, a.allocated_on, a.entry_id "
                + "FROM " + payments + " p LEFT JOIN " + allocations + " a ON a.tenant_id = p.tenant_id AND a.payment_id = p.id "
                + "WHERE p.tenant_id = ? AND p.id = ? ORDER BY a.seq";
    }

    /** The payment with its allocations in order; with {@code lock}, its row is locked first. */
    Optional<Payment> payment(Connection c, String t, PaymentId id, boolean lock) throws SQLException {
        if (lock && Jdbc.queryOne(c, "SELECT 1 FROM " + payments + " WHERE tenant_id = ? AND id = ? FOR UPDATE",
                rs -> true, t, id.value()).isEmpty()) {
            return Optional.empty();
        }
        // one statement: the payment and its allocations at one point in time
        try (PreparedStatement ps = c.prepareStatement(select)) {
            Jdbc.bind(ps, t, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                Payment head = null;
                CurrencyUnit currency = null;
                List<Allocation> allocated = new ArrayList<>();
                while (rs.next()) {
                    if (head == null) {
                        currency = CurrencyUnit.of(rs.getString("currency").strip());
                        head = new Payment(PaymentId.of(Jdbc.uuid(rs, "id")), rs.getLong("version"), rs.getString(party),
                                MoneyMath.ofMinor(currency, rs.getLong("amount_minor")), Jdbc.date(rs, date), rs.getString("reference"),
                                List.of(), Optional.ofNullable(Jdbc.uuid(rs, "ledger_entry")).map(EntryId::of), Jdbc.instant(rs, "created_at"));
                    }
                    UUID invoice = Jdbc.uuid(rs, "invoice_id");
                    if (invoice != null) {
                        allocated.add(new Allocation(InvoiceId.of(invoice), MoneyMath.ofMinor(currency, rs.getLong("a_amount")),
                                Jdbc.date(rs, "allocated_on"), EntryId.of(Jdbc.uuid(rs, "entry_id"))));
                    }
                }
                return head == null ? Optional.empty() : Optional.of(new Payment(head.id(), head.version(), head.payer(), head.amount(),
                        head.receivedOn(), head.reference(), allocated, head.ledgerEntry(), head.createdAt()));
            }
        }
    }

    /** Inserts the payment and its allocations; false when its id is taken (a rerun that already landed). */
    boolean insertPayment(Connection c, Dialect dialect, String t, Payment p) throws SQLException {
        boolean inserted = Jdbc.update(c, "INSERT INTO " + payments + " (tenant_id, id, version, " + party + ", currency, amount_minor, "
                        + date + ", reference, ledger_entry, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
                        + (dialect == Dialect.POSTGRESQL ? "(tenant_id, id) " : "") + "DO NOTHING",
                t, p.id().value(), p.version(), p.payer(), p.amount().getCurrencyUnit().getCode(), MoneyMath.toMinor(p.amount()),
                p.receivedOn(), p.reference(), p.ledgerEntry().map(EntryId::value).orElse(null), p.createdAt()) == 1;
        if (inserted) {
            insertAllocations(c, t, p.id(), 0, p.allocations());
        }
        return inserted;
    }

    /** Moves the payment to {@code p}'s version and appends {@code added}, its last allocations; false when another write won. */
    boolean addAllocations(Connection c, String t, Payment p, List<Allocation> added) throws SQLException {
        if (Jdbc.update(c, "UPDATE " + payments + " SET version = ? WHERE tenant_id = ? AND id = ? AND version = ?",
                p.version(), t, p.id().value(), p.version() - 1) != 1) {
            return false;
        }
        insertAllocations(c, t, p.id(), p.allocations().size() - added.size(), added);
        return true;
    }

    private void insertAllocations(Connection c, String t, PaymentId payment, int firstSeq, List<Allocation> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> params = new ArrayList<>(rows.size());
        int seq = firstSeq;
        for (Allocation a : rows) {
            params.add(new Object[] {t, payment.value(), seq++, a.invoice().value(), MoneyMath.toMinor(a.amount()), a.date(),
                    a.entry().value()});
        }
        Jdbc.batch(c, "INSERT INTO " + allocations + " (tenant_id, payment_id, seq, invoice_id, amount_minor, allocated_on, entry_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", params, 500);
    }
}
