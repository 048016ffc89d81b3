package dev.backoffice.invoicing.jdbc.internal;

import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.invoicing.GapAudit;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.InvoiceStatus;
import dev.backoffice.invoicing.NumberReset;
import dev.backoffice.invoicing.NumberingPeriod;
import dev.backoffice.invoicing.Series;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.jdbc.internal.PgTextArrays;
import org.joda.money.CurrencyUnit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The invoice store's SQL, one method per statement (or short fixed sequence), every one scoped
 * by the tenant key {@code t}. Written once for H2 (PostgreSQL mode) and PostgreSQL; where they
 * differ (a conflict target, {@code RETURNING}) the {@link Dialect} chooses.
 */
final class InvoiceSql {

    static final String INVOICE_COLUMNS = "id, version, kind, status, series, period, seq, number, customer, currency, "
            + "issue_date, sale_date, due_date, gross_minor, paid_minor, corrects, cancelled_by, ledger_entry, created_at, document";

    private InvoiceSql() {
    }

    // ---- series and counters

    static Optional<Series> series(Connection c, String t, String code) throws SQLException {
        return Jdbc.queryOne(c, "SELECT code, pattern, reset FROM invoicing_series WHERE tenant_id = ? AND code = ?",
                InvoiceSql::series, t, code);
    }

    static List<Series> allSeries(Connection c, String t) throws SQLException {
        return Jdbc.query(c, "SELECT code, pattern, reset FROM invoicing_series WHERE tenant_id = ? ORDER BY code",
                InvoiceSql::series, t);
    }

    private static Series series(ResultSet rs) throws SQLException {
        return new Series(rs.getString("code"), rs.getString("pattern"), NumberReset.valueOf(rs.getString("reset")));
    }

    static boolean insertSeries(Connection c, String t, Series s, Instant at) throws SQLException {
        return Jdbc.update(c, "INSERT INTO invoicing_series (tenant_id, code, pattern, reset, created_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", t, s.code(), s.pattern(), s.reset(), at) == 1;
    }

    static long counter(Connection c, String t, String series, NumberingPeriod period) throws SQLException {
        return Jdbc.queryOne(c, "SELECT last_seq FROM invoicing_counter WHERE tenant_id = ? AND series = ? AND period = ?",
                rs -> rs.getLong(1), t, series, period.key()).orElse(0L);
    }

    /**
     * Moves the counter on by one and returns its new value; the UPDATE's row lock is held until
     * the commit, so concurrent issuers of the series queue behind it. The counter row is made
     * on first use (by whichever issuer gets there first; the others then update it).
     */
    static long nextSequence(Connection c, Dialect dialect, String t, String series, NumberingPeriod period) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (dialect == Dialect.POSTGRESQL) {
                Optional<Long> next = Jdbc.queryOne(c, "UPDATE invoicing_counter SET last_seq = last_seq + 1 "
                        + "WHERE tenant_id = ? AND series = ? AND period = ? RETURNING last_seq", rs -> rs.getLong(1), t, series, period.key());
                if (next.isPresent()) {
                    return next.get();
                }
            } else if (Jdbc.update(c, "UPDATE invoicing_counter SET last_seq = last_seq + 1 WHERE tenant_id = ? AND series = ? AND period = ?",
                    t, series, period.key()) == 1) {
                return counter(c, t, series, period);
            }
            Jdbc.update(c, "INSERT INTO invoicing_counter (tenant_id, series, period, last_seq) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING",
                    t, series, period.key());
        }
        throw new SQLException("the counter of series " + series + " period " + period + " could not be made");
    }

    /**
     * Moves the counter on by {@code count} in one statement and returns its new value (the last
     * of the {@code count} sequences handed out); the row lock is held until the commit, as in
     * {@link #nextSequence}. The counter row is made on first use only if the series is stored
     * (visible to this transaction), so a group of issues cannot number a series that is not
     * there; empty then.
     */
    static Optional<Long> takeSequences(Connection c, Dialect dialect, String t, String series, NumberingPeriod period, int count)
            throws SQLException {
        return takeSequences(c, dialect, "", t, series, period, count);
    }

    /**
     * {@link #takeSequences(Connection, Dialect, String, String, NumberingPeriod, int)} preceded,
     * on PostgreSQL, by {@code firstStatements} (the transaction's settings, {@code ;}-separated,
     * without parameters; empty for none) in the same round trip: the driver sends the statements
     * of one prepared statement together and reads their results once.
     */
    static Optional<Long> takeSequences(Connection c, Dialect dialect, String firstStatements, String t, String series,
                                        NumberingPeriod period, int count) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (dialect == Dialect.POSTGRESQL) {
                Optional<Long> last = updateReturning(c, (attempt == 0 ? firstStatements : "")
                        + "UPDATE invoicing_counter SET last_seq = last_seq + ? "
                        + "WHERE tenant_id = ? AND series = ? AND period = ? RETURNING last_seq", count, t, series, period.key());
                if (last.isPresent()) {
                    return last;
                }
            } else if (Jdbc.update(c, "UPDATE invoicing_counter SET last_seq = last_seq + ? WHERE tenant_id = ? AND series = ? AND period = ?",
                    count, t, series, period.key()) == 1) {
                return Optional.of(counter(c, t, series, period));
            }
            if (series(c, t, series).isEmpty()) {
                return Optional.empty();
            }
            Jdbc.update(c, "INSERT INTO invoicing_counter (tenant_id, series, period, last_seq) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING",
                    t, series, period.key());
        }
        throw new SQLException("the counter of series " + series + " period " + period + " could not be made");
    }

    /** Runs {@code sql} (statements without results, then one returning a long) and returns that long, if a row came back. */
    private static Optional<Long> updateReturning(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            boolean rows = ps.execute();
            while (true) {
                if (rows) {
                    try (ResultSet rs = ps.getResultSet()) {
                        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                    }
                }
                if (ps.getUpdateCount() == -1) {
                    return Optional.empty();
                }
                rows = ps.getMoreResults();
            }
        }
    }

    static GapAudit gapAudit(Connection c, String t, String series, NumberingPeriod period) throws SQLException {
        // one statement, so the counter and the numbers are read at one point in time
        List<long[]> rows = Jdbc.query(c, "SELECT seq, 0 AS is_counter FROM invoicing_invoice WHERE tenant_id = ? AND series = ? AND period = ? "
                        + "UNION ALL SELECT last_seq, 1 FROM invoicing_counter WHERE tenant_id = ? AND series = ? AND period = ?",
                rs -> new long[] {rs.getLong(1), rs.getInt(2)}, t, series, period.key(), t, series, period.key());
        long counter = 0;
        List<Long> seqs = new ArrayList<>(rows.size());
        for (long[] r : rows) {
            if (r[1] == 1) {
                counter = r[0];
            } else {
                seqs.add(r[0]);
            }
        }
        return GapAudit.of(series, period, counter, seqs);
    }

    // ---- invoices

    static Optional<Invoice> invoice(Connection c, String t, InvoiceId id, boolean lock) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + INVOICE_COLUMNS + " FROM invoicing_invoice WHERE tenant_id = ? AND id = ?"
                + (lock ? " FOR UPDATE" : ""), InvoiceSql::invoice, t, id.value());
    }

    static List<Invoice> lockInvoices(Connection c, String t, Collection<InvoiceId> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(ids.size() + 1);
        params.add(t);
        StringBuilder in = new StringBuilder();
        for (InvoiceId id : new TreeSet<>(ids)) {
            in.append(in.length() == 0 ? "?" : ", ?");
            params.add(id.value());
        }
        return Jdbc.query(c, "SELECT " + INVOICE_COLUMNS + " FROM invoicing_invoice WHERE tenant_id = ? AND id IN (" + in
                + ") ORDER BY id FOR UPDATE", InvoiceSql::invoice, params.toArray());
    }

    static Optional<Invoice> invoiceByNumber(Connection c, String t, String number) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + INVOICE_COLUMNS + " FROM invoicing_invoice WHERE tenant_id = ? AND number = ?",
                InvoiceSql::invoice, t, number);
    }

    static List<Invoice> invoicesAfter(Connection c, String t, Optional<InvoiceId> after, int limit) throws SQLException {
        return after.isPresent()
                ? Jdbc.query(c, "SELECT " + INVOICE_COLUMNS + " FROM invoicing_invoice WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ?",
                InvoiceSql::invoice, t, after.get().value(), limit)
                : Jdbc.query(c, "SELECT " + INVOICE_COLUMNS + " FROM invoicing_invoice WHERE tenant_id = ? ORDER BY id LIMIT ?",
                InvoiceSql::invoice, t, limit);
    }

    static List<Invoice> overdueUnmarked(Connection c, String t, LocalDate date, int limit) throws SQLException {
        return Jdbc.query(c, "SELECT " + INVOICE_COLUMNS + " FROM invoicing_invoice WHERE tenant_id = ? AND status IN (?, ?) "
                        + "AND due_date < ? AND kind = ? ORDER BY due_date, id LIMIT ?", InvoiceSql::invoice,
                t, InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, date, InvoiceKind.INVOICE, limit);
    }

    private static final String INSERT_INVOICE = "INSERT INTO invoicing_invoice (tenant_id, " + INVOICE_COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static boolean insertInvoice(Connection c, Dialect dialect, String t, Invoice i) throws SQLException {
        return Jdbc.update(c, INSERT_INVOICE + " ON CONFLICT " + (dialect == Dialect.POSTGRESQL ? "(tenant_id, id) " : "") + "DO NOTHING",
                invoiceRow(t, i)) == 1;
    }

    /**
     * Stores new invoices in one batch (a multi-row insert where the driver rewrites batches).
     * No conflict clause: a taken id fails the whole statement, and the caller's transaction with it.
     */
    static void insertInvoices(Connection c, String t, List<Invoice> invoices) throws SQLException {
        List<Object[]> rows = new ArrayList<>(invoices.size());
        for (Invoice i : invoices) {
            rows.add(invoiceRow(t, i));
        }
        Jdbc.batch(c, INSERT_INVOICE, rows, 1000);
    }

    /**
     * {@link #insertInvoices} with each invoice's {@code document} column written beforehand
     * ({@code documents.get(k)} is {@link InvoiceDocument#json} of {@code invoices.get(k)}, made
     * on the caller's thread), so a group's committer only binds.
     */
    static void insertInvoices(Connection c, Dialect dialect, String t, List<Invoice> invoices, List<String> documents)
            throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            insertInvoicesUnnest(c, t, invoices, documents);
            return;
        }
        List<Object[]> rows = new ArrayList<>(invoices.size());
        for (int k = 0; k < invoices.size(); k++) {
            rows.add(invoiceRow(t, invoices.get(k), documents.get(k)));
        }
        Jdbc.batch(c, INSERT_INVOICE, rows, 1000);
    }

    private static Object[] invoiceRow(String t, Invoice i) {
        return invoiceRow(t, i, InvoiceDocument.json(i));
    }

    /**
     * PostgreSQL: the invoices as one {@code INSERT ... SELECT FROM unnest(...)} of one array per
     * column, as the ledger's bulk writes do. The statement's text is the same for any number of
     * rows, so the server plans it once per connection (a batch the driver rewrites into one
     * multi-row {@code VALUES} is new text, parsed and planned again, for every group size), and
     * numbers travel as binary {@code int8[]}, everything else as the text of a {@code text[]}
     * literal ({@link PgTextArrays}) cast by the statement.
     */
    private static void insertInvoicesUnnest(Connection c, String t, List<Invoice> invoices, List<String> documents)
            throws SQLException {
        int n = invoices.size();
        String[] id = new String[n], kind = new String[n], status = new String[n], series = new String[n], period = new String[n],
                number = new String[n], customer = new String[n], currency = new String[n], issue = new String[n],
                sale = new String[n], due = new String[n], corrects = new String[n], cancelledBy = new String[n],
                entry = new String[n], created = new String[n];
        Long[] version = new Long[n], seq = new Long[n], gross = new Long[n], paid = new Long[n];
        for (int k = 0; k < n; k++) {
            Invoice i = invoices.get(k);
            id[k] = i.id().value().toString();
            version[k] = i.version();
            kind[k] = i.kind().name();
            status[k] = i.status().name();
            series[k] = i.series();
            period[k] = i.period().map(NumberingPeriod::key).orElse(null);
            seq[k] = i.sequence();
            number[k] = i.number().orElse(null);
            customer[k] = i.customer();
            currency[k] = i.currency().getCode();
            issue[k] = i.issueDate().map(LocalDate::toString).orElse(null);
            sale[k] = i.saleDate().map(LocalDate::toString).orElse(null);
            due[k] = i.dueDate().map(LocalDate::toString).orElse(null);
            gross[k] = MoneyMath.toMinor(i.gross());
            paid[k] = MoneyMath.toMinor(i.paid());
            corrects[k] = i.corrects().map(x -> x.value().toString()).orElse(null);
            cancelledBy[k] = i.cancelledBy().map(x -> x.value().toString()).orElse(null);
            entry[k] = i.ledgerEntry().map(x -> x.value().toString()).orElse(null);
            // a group's invoices mostly share their creation instant: its text is made once
            created[k] = k > 0 && i.createdAt().equals(invoices.get(k - 1).createdAt()) ? created[k - 1] : i.createdAt().toString();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_INVOICES_UNNEST)) {
            int p = 1;
            ps.setString(p++, t);
            for (Object[] column : new Object[][] {id, version, kind, status, series, period, seq, number, customer, currency, issue,
                    sale, due, gross, paid, corrects, cancelledBy, entry, created, documents.toArray(new String[0])}) {
                if (column instanceof Long[]) {
                    ps.setArray(p++, c.createArrayOf("int8", column));
                } else {
                    ps.setString(p++, PgTextArrays.literal(column)); // much cheaper than the driver's String[] encoding
                }
            }
            ps.executeUpdate();
        }
    }

    private static final String INSERT_INVOICES_UNNEST = "INSERT INTO invoicing_invoice (tenant_id, " + INVOICE_COLUMNS + ") "
            + "SELECT ?, v.id::uuid, v.version, v.kind, v.status, v.series, v.period, v.seq, v.number, v.customer, v.currency, "
            + "v.issue_date::date, v.sale_date::date, v.due_date::date, v.gross_minor, v.paid_minor, v.corrects::uuid, "
            + "v.cancelled_by::uuid, v.ledger_entry::uuid, v.created_at::timestamptz, v.document "
            + "FROM unnest(?::text[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
            + "AS v(id, version, kind, status, series, period, seq, number, customer, currency, issue_date, sale_date, due_date, "
            + "gross_minor, paid_minor, corrects, cancelled_by, ledger_entry, created_at, document)";

    private static Object[] invoiceRow(String t, Invoice i, String document) {
        return new Object[] {t, i.id().value(), i.version(), i.kind(), i.status(), i.series(),
                i.period().map(NumberingPeriod::key).orElse(null), i.sequence(), i.number().orElse(null), i.customer(),
                i.currency().getCode(), i.issueDate().orElse(null), i.saleDate().orElse(null), i.dueDate().orElse(null),
                MoneyMath.toMinor(i.gross()), MoneyMath.toMinor(i.paid()), i.corrects().map(InvoiceId::value).orElse(null),
                i.cancelledBy().map(InvoiceId::value).orElse(null), i.ledgerEntry().map(EntryId::value).orElse(null),
                i.createdAt(), document};
    }

    /** The ids among {@code ids} that are stored (any kind, any status). */
    static List<InvoiceId> storedIds(Connection c, String t, Collection<InvoiceId> ids) throws SQLException {
        List<Object> params = new ArrayList<>(ids.size() + 1);
        params.add(t);
        StringBuilder in = new StringBuilder();
        for (InvoiceId id : ids) {
            in.append(in.length() == 0 ? "?" : ", ?");
            params.add(id.value());
        }
        return Jdbc.query(c, "SELECT id FROM invoicing_invoice WHERE tenant_id = ? AND id IN (" + in + ")",
                rs -> InvoiceId.of(Jdbc.uuid(rs, "id")), params.toArray());
    }

    static boolean updateInvoice(Connection c, String t, Invoice i) throws SQLException {
        return Jdbc.update(c, "UPDATE invoicing_invoice SET version = ?, status = ?, period = ?, seq = ?, number = ?, issue_date = ?, "
                        + "sale_date = ?, due_date = ?, gross_minor = ?, paid_minor = ?, cancelled_by = ?, ledger_entry = ?, document = ? "
                        + "WHERE tenant_id = ? AND id = ? AND version = ?",
                i.version(), i.status(), i.period().map(NumberingPeriod::key).orElse(null), i.sequence(), i.number().orElse(null),
                i.issueDate().orElse(null), i.saleDate().orElse(null), i.dueDate().orElse(null), MoneyMath.toMinor(i.gross()),
                MoneyMath.toMinor(i.paid()), i.cancelledBy().map(InvoiceId::value).orElse(null),
                i.ledgerEntry().map(EntryId::value).orElse(null), InvoiceDocument.json(i), t, i.id().value(), i.version() - 1) == 1;
    }

    static Invoice invoice(ResultSet rs) throws SQLException {
        CurrencyUnit currency = CurrencyUnit.of(rs.getString("currency").strip());
        InvoiceDocument d = InvoiceDocument.parse(rs.getString("document"));
        String period = rs.getString("period");
        return new Invoice(InvoiceId.of(Jdbc.uuid(rs, "id")), rs.getLong("version"), InvoiceKind.valueOf(rs.getString("kind")),
                InvoiceStatus.valueOf(rs.getString("status")), rs.getString("series"), Optional.ofNullable(rs.getString("number")),
                Optional.ofNullable(period).map(NumberingPeriod::parse), rs.getLong("seq"), rs.getString("customer"), d.seller(),
                d.buyer(), currency, d.lines(currency), d.linesBefore(currency), d.totals(), d.net(), d.vat(),
                MoneyMath.ofMinor(currency, rs.getLong("gross_minor")), d.fxRate(), Optional.ofNullable(Jdbc.date(rs, "issue_date")),
                Optional.ofNullable(Jdbc.date(rs, "sale_date")), Optional.ofNullable(Jdbc.date(rs, "due_date")), d.paymentDays(),
                MoneyMath.ofMinor(currency, rs.getLong("paid_minor")), optionalId(rs, "corrects"), optionalId(rs, "cancelled_by"),
                d.reason(), Optional.ofNullable(Jdbc.uuid(rs, "ledger_entry")).map(EntryId::of), Jdbc.instant(rs, "created_at"),
                d.detailsOrNone());
    }

    private static Optional<InvoiceId> optionalId(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(Jdbc.uuid(rs, column)).map(InvoiceId::of);
    }
}
