package dev.backoffice.core.store.move;

import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.core.tenant.TenantId;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One tenant's rows of a list of tables, copied from a source database to a target and brought
 * up to date there, for {@link TenantMove}. Nothing here knows a table: columns and primary keys
 * are read from the database's catalog, so every module's tables are moved alike.
 *
 * <ul>
 *   <li>{@link #copySnapshot}: every row of the tenant as of one snapshot of the source (a
 *       read-only {@code REPEATABLE READ} transaction), streamed table by table in primary-key
 *       order into the target in one transaction, hashed while copying (SHA-256 per table), and
 *       the target then hashed once the same way. PostgreSQL to PostgreSQL: {@code COPY ... TO
 *       STDOUT} into {@code COPY ... FROM STDIN} (text format: the server's own output of every
 *       type, escaped by the server, read back by the server); otherwise JDBC with multi-row
 *       INSERTs. No table is held in memory.</li>
 *   <li>{@link #catchUp}: makes the target equal to a newer snapshot of the source: exact for
 *       inserts, updates and deletes of every table. Generic: a merge of per-row hashes of both
 *       sides in primary-key order; rows only on the source are inserted, rows whose hash
 *       differs updated, rows only on the target deleted. On a PostgreSQL source that has had a
 *       pass before, only the rows written since that pass's snapshot are read: those whose
 *       {@code xmin} (the inserting or updating transaction) is not older than the oldest
 *       transaction still running at that snapshot (a superset of what changed: every
 *       transaction the snapshot did not see is at least that new); deletes are found by the
 *       row count, and a table whose count differs is merged in full.</li>
 *   <li>{@link #verify}: the target equals the source after the last pass.</li>
 * </ul>
 */
final class TenantRows {

    /** Rows per multi-row INSERT and per batch of keyed statements. */
    private static final int BATCH = 200;

    private final TenantId tenant;
    private final DataSource source;
    private final DataSource target;
    private final List<String> tableNames;
    private List<Table> tables;
    /**
     * The tenant's rows per table on the target, kept by this object from the verified snapshot
     * copy on (nothing else writes the tenant there while it is incoming): a pass compares the
     * source's count with it instead of counting the target again.
     */
    private final Map<String, Long> onTarget = new java.util.HashMap<>();
    /** Rows inserted by the upserts of the table being caught up. */
    private long inserted;

    TenantRows(TenantId tenant, DataSource source, DataSource target, List<String> tables) {
        this.tenant = tenant;
        this.source = source;
        this.target = target;
        this.tableNames = List.copyOf(tables);
    }

    /**
     * What a pass did: rows per table on the source at its snapshot, rows written or deleted
     * on the target, and the snapshot's mark for the next pass (PostgreSQL: the oldest running
     * transaction's id; null when the next pass must merge in full).
     */
    record Pass(Map<String, Long> rows, long changed, String since, Map<String, List<List<Object>>> changedKeys) {
    }

    // ---- snapshot copy ------------------------------------------------------------------------------

    /** Copies the tenant's rows as of one snapshot of the source into the target (which holds none of them). */
    Pass copySnapshot() {
        try (Connection s = source.getConnection(); Connection d = target.getConnection()) {
            Dialect sd = Dialect.of(s);
            Dialect dd = Dialect.of(d);
            begin(s, sd, true);
            begin(d, dd, false);
            String since = sd == Dialect.POSTGRESQL ? snapshotMark(s) : null;
            List<Table> ts = tables(s);
            Map<String, Long> rows = new LinkedHashMap<>();
            Map<String, String> sums = new LinkedHashMap<>();
            boolean copy = sd == Dialect.POSTGRESQL && dd == Dialect.POSTGRESQL;
            for (Table t : ts) {
                MessageDigest md = sha256();
                long n = copy ? PostgresCopy.copy(s, d, t.copyQuery(tenant), t.copyInto(), md) : copyRows(s, d, t, md);
                rows.put(t.name, n);
                sums.put(t.name, HexFormat.of().formatHex(md.digest()));
            }
            d.commit();
            s.commit();
            // the target hashed once, the same way, after the commit
            begin(d, dd, true);
            for (Table t : ts) {
                MessageDigest md = sha256();
                long n = copy ? PostgresCopy.hash(d, t.copyQuery(tenant), md) : hashRows(d, t, md);
                String sum = HexFormat.of().formatHex(md.digest());
                if (n != rows.get(t.name) || !sum.equals(sums.get(t.name))) {
                    throw mismatch(t.name, "the snapshot copy holds " + n + " rows (sha256 " + sum + "), the source's snapshot "
                            + rows.get(t.name) + " (sha256 " + sums.get(t.name) + ")");
                }
            }
            d.rollback();
            onTarget.putAll(rows);
            return new Pass(rows, total(rows), since, Map.of());
        } catch (SQLException e) {
            throw new StorageException("the snapshot copy of tenant " + tenant + " failed: " + e.getMessage(), e);
        }
    }

    private long copyRows(Connection s, Connection d, Table t, MessageDigest md) throws SQLException {
        long n = 0;
        try (PreparedStatement ps = s.prepareStatement(t.selectOrdered())) {
            ps.setFetchSize(1000);
            ps.setString(1, tenant.value());
            try (ResultSet rs = ps.executeQuery(); Inserter in = new Inserter(d, t)) {
                while (rs.next()) {
                    Object[] row = values(rs, t.columns.size(), 0);
                    md.update(canonical(row));
                    in.add(row);
                    n++;
                }
            }
        }
        return n;
    }

    private long hashRows(Connection d, Table t, MessageDigest md) throws SQLException {
        long n = 0;
        try (PreparedStatement ps = d.prepareStatement(t.selectOrdered())) {
            ps.setFetchSize(1000);
            ps.setString(1, tenant.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    md.update(canonical(values(rs, t.columns.size(), 0)));
                    n++;
                }
            }
        }
        return n;
    }

    // ---- catch-up passes ----------------------------------------------------------------------------

    /**
     * Brings the target up to one newer snapshot of the source. {@code since}: the mark of the
     * previous pass (PostgreSQL), or null to merge every table in full.
     */
    Pass catchUp(String since) {
        try (Connection s = source.getConnection(); Connection d = target.getConnection()) {
            Dialect sd = Dialect.of(s);
            Dialect dd = Dialect.of(d);
            begin(s, sd, true);
            begin(d, dd, false);
            String next = sd == Dialect.POSTGRESQL ? snapshotMark(s) : null;
            boolean serverHash = sd == Dialect.POSTGRESQL && dd == Dialect.POSTGRESQL;
            Map<String, Long> rows = new LinkedHashMap<>();
            Map<String, List<List<Object>>> keys = new LinkedHashMap<>();
            long changed = 0;
            for (Table t : tables(s)) {
                List<List<Object>> touched = new ArrayList<>();
                long n;
                n = count(s, t);
                // the source's key text and row hash of each row an upsert pass wrote, read with the row (both PostgreSQL)
                List<String[]> known = serverHash ? new ArrayList<>() : null;
                if (since != null && sd == Dialect.POSTGRESQL && onTarget.containsKey(t.name)) {
                    inserted = 0;
                    changed += upsertSince(s, d, t, since, touched, known);
                    if (onTarget.get(t.name) + inserted != n) { // rows deleted since: the counts tell, the merge finds them
                        touched.clear();
                        known = null;
                        changed += merge(s, d, t, serverHash, sd, touched);
                    }
                } else {
                    known = null;
                    changed += merge(s, d, t, serverHash, sd, touched);
                }
                onTarget.put(t.name, n); // the upserts brought the target to n, or the merge did
                sameOnBoth(s, d, t, touched, serverHash, known); // what this pass wrote reads back as the source has it
                rows.put(t.name, n);
                keys.put(t.name, touched);
            }
            d.commit();
            s.commit();
            return new Pass(rows, changed, next, keys);
        } catch (SQLException e) {
            throw new StorageException("catching up tenant " + tenant + " failed: " + e.getMessage(), e);
        }
    }

    /** PostgreSQL: rows written by a transaction at least as new as {@code since}, written to the target. */
    private long upsertSince(Connection s, Connection d, Table t, String since, List<List<Object>> touched, List<String[]> known)
            throws SQLException {
        long n = 0;
        int skip = known == null ? 0 : 2;
        try (PreparedStatement ps = s.prepareStatement("SELECT " + (known == null ? "" : t.sortKey() + ", " + t.rowHash() + ", ")
                + t.columnList() + " FROM " + t.name + " WHERE tenant_id = ? AND age(xmin) <= age(CAST(? AS xid))")) {
            ps.setFetchSize(1000);
            ps.setString(1, tenant.value());
            ps.setString(2, since);
            List<Object[]> batch = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = values(rs, t.columns.size(), skip);
                    batch.add(row);
                    touched.add(t.keyOf(row));
                    if (known != null) {
                        known.add(new String[]{rs.getString(1), rs.getString(2)});
                    }
                    if (batch.size() == BATCH) {
                        n += upsert(d, t, batch);
                        batch.clear();
                    }
                }
            }
            n += upsert(d, t, batch);
        }
        return n;
    }

    /** Updates each row by its key, inserting those the target lacks. */
    private long upsert(Connection d, Table t, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        int[] counts;
        try (PreparedStatement up = d.prepareStatement(t.updateByKey())) {
            for (Object[] row : rows) {
                t.bindUpdate(up, row);
                up.addBatch();
            }
            counts = up.executeBatch();
        }
        try (Inserter in = new Inserter(d, t)) {
            for (int i = 0; i < rows.size(); i++) {
                if (counts[i] == 0) {
                    in.add(rows.get(i));
                    inserted++;
                }
            }
        }
        return rows.size();
    }

    /**
     * Merges the table of both sides in key order, row hash against row hash, and writes the
     * differences to the target: the generic, exact pass.
     */
    private long merge(Connection s, Connection d, Table t, boolean serverHash, Dialect order, List<List<Object>> touched)
            throws SQLException {
        Diff diff = diff(s, d, t, serverHash, order);
        List<Object[]> upserts = diff.upserts();
        List<List<Object>> deletes = diff.deletes();
        long n = 0;
        for (int i = 0; i < deletes.size(); i += BATCH) {
            List<List<Object>> part = deletes.subList(i, Math.min(deletes.size(), i + BATCH));
            try (PreparedStatement del = d.prepareStatement("DELETE FROM " + t.name + " WHERE tenant_id = ? AND " + t.keyPredicate())) {
                for (List<Object> k : part) {
                    del.setString(1, tenant.value());
                    for (int j = 0; j < k.size(); j++) {
                        del.setObject(j + 2, k.get(j));
                    }
                    del.addBatch();
                }
                del.executeBatch();
            }
            touched.addAll(part);
            n += part.size();
        }
        for (int i = 0; i < upserts.size(); i += BATCH) {
            List<Object[]> keys = upserts.subList(i, Math.min(upserts.size(), i + BATCH));
            List<Object[]> full = fetch(s, t, keys);
            n += upsert(d, t, full);
            full.forEach(r -> touched.add(t.keyOf(r)));
        }
        return n;
    }

    /** Rows to write (keys only on the source, or whose hash differs) and to delete (keys only on the target). */
    private record Diff(List<Object[]> upserts, List<List<Object>> deletes) {
        boolean isEmpty() {
            return upserts.isEmpty() && deletes.isEmpty();
        }
    }

    private Diff diff(Connection s, Connection d, Table t, boolean serverHash, Dialect order) throws SQLException {
        List<Object[]> upserts = new ArrayList<>();
        List<List<Object>> deletes = new ArrayList<>();
        try (PreparedStatement ps = s.prepareStatement(t.hashedOrdered(serverHash));
             PreparedStatement pd = d.prepareStatement(t.hashedOrdered(serverHash))) {
            ps.setFetchSize(2000);
            pd.setFetchSize(2000);
            ps.setString(1, tenant.value());
            pd.setString(1, tenant.value());
            try (ResultSet rs = ps.executeQuery(); ResultSet rd = pd.executeQuery()) {
                Keyed a = Keyed.next(rs, t, serverHash, order, null);
                Keyed b = Keyed.next(rd, t, serverHash, order, null);
                while (a != null || b != null) {
                    int cmp = a == null ? 1 : b == null ? -1 : Keyed.compare(a.sortKey, b.sortKey, order);
                    if (cmp < 0) {
                        upserts.add(a.keyValues);
                    } else if (cmp > 0) {
                        deletes.add(List.of(b.keyValues));
                    } else if (!a.hash.equals(b.hash)) {
                        upserts.add(a.keyValues);
                    }
                    if (cmp <= 0) {
                        a = Keyed.next(rs, t, serverHash, order, a);
                    }
                    if (cmp >= 0) {
                        b = Keyed.next(rd, t, serverHash, order, b);
                    }
                }
            }
        }
        return new Diff(upserts, deletes);
    }

    /** The full rows of the source with these keys. */
    private List<Object[]> fetch(Connection s, Table t, List<Object[]> keys) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement ps = s.prepareStatement("SELECT " + t.columnList() + " FROM " + t.name + whereKeys(t, keys.size()))) {
            bindKeys(ps, keys);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(values(rs, t.columns.size(), 0));
                }
            }
        }
        return out;
    }

    // ---- verification -------------------------------------------------------------------------------

    /**
     * Checks, with the source fenced, that the target equals it: after a generic pass, a
     * second merge finds no difference. After a PostgreSQL pass since a mark nothing needs a
     * second reading: that pass compared every row it wrote with the source's, found every
     * table's count equal to the source's (else it merged the table in full), and the rows it
     * did not touch were hashed equal by the snapshot copy or written and compared by an earlier
     * pass, and have not been written since (their {@code xmin} says so).
     */
    void verify(Pass pass, boolean fromMark) {
        try (Connection s = source.getConnection(); Connection d = target.getConnection()) {
            Dialect sd = Dialect.of(s);
            Dialect dd = Dialect.of(d);
            begin(s, sd, true);
            begin(d, dd, true);
            boolean serverHash = sd == Dialect.POSTGRESQL && dd == Dialect.POSTGRESQL;
            for (Table t : tables(s)) {
                if (fromMark) {
                    // nothing to read again: the fenced pass compared every row it wrote, read back
                    // from the target, with the source's hash read with the row; the rest was hashed
                    // equal by the snapshot copy or an earlier pass and not written since (xmin);
                    // the counts are equal (the pass checked)
                    continue;
                } else {
                    Diff diff = diff(s, d, t, serverHash, sd);
                    if (!diff.isEmpty()) {
                        throw mismatch(t.name, diff.upserts().size() + " rows missing or different on the target, "
                                + diff.deletes().size() + " rows there the source does not hold");
                    }
                }
            }
            d.rollback();
            s.rollback();
        } catch (SQLException e) {
            throw new StorageException("verifying tenant " + tenant + " on the target failed: " + e.getMessage(), e);
        }
    }

    /** The rows with these keys hash equal on both sides (or are missing on both). */
    private void sameOnBoth(Connection s, Connection d, Table t, List<List<Object>> keys, boolean serverHash, List<String[]> known)
            throws SQLException {
        for (int i = 0; i < keys.size(); i += BATCH) {
            List<Object[]> part = keys.subList(i, Math.min(keys.size(), i + BATCH)).stream().map(List::toArray).toList();
            Map<String, String> want;
            if (known != null) { // read with the rows: no second reading of the source
                want = new TreeMap<>();
                for (String[] kh : known.subList(i, Math.min(known.size(), i + BATCH))) {
                    want.put(kh[0], kh[1]);
                }
            } else {
                want = hashesOf(s, t, part, serverHash);
            }
            if (!want.equals(hashesOf(d, t, part, serverHash))) {
                throw mismatch(t.name, "rows written during the move differ between the source and the target");
            }
        }
    }

    private Map<String, String> hashesOf(Connection c, Table t, List<Object[]> keys, boolean serverHash) throws SQLException {
        String sql = "SELECT " + t.sortKey() + ", " + (serverHash ? t.rowHash() : t.columnList()) + " FROM " + t.name
                + whereKeys(t, keys.size());
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindKeys(ps, keys);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), serverHash ? rs.getString(2)
                            : HexFormat.of().formatHex(sha256().digest(canonical(values(rs, t.columns.size(), 1)))));
                }
            }
        }
        return out;
    }

    /** The tenant's rows with one of {@code n} keys: {@code WHERE tenant_id = ? AND ((key) OR ...)}, bound by {@link #bindKeys}. */
    private static String whereKeys(Table t, int n) {
        return " WHERE tenant_id = ? AND (" + String.join(" OR ", Collections.nCopies(n, "(" + t.keyPredicate() + ")")) + ")";
    }

    /** Binds the tenant, then every key's values in order, to a statement of {@link #whereKeys}. */
    private void bindKeys(PreparedStatement ps, List<Object[]> keys) throws SQLException {
        int p = 1;
        ps.setString(p++, tenant.value());
        for (Object[] k : keys) {
            for (Object v : k) {
                ps.setObject(p++, v);
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void begin(Connection c, Dialect dialect, boolean readOnly) throws SQLException {
        c.setAutoCommit(false);
        if (readOnly) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        c.setReadOnly(readOnly);
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement st = c.createStatement()) {
                // the same text of every value on both sides (COPY and ROW(...)::text hashes)
                st.execute("SET LOCAL TimeZone = 'UTC'");
                st.execute("SET LOCAL DateStyle = 'ISO, YMD'");
                st.execute("SET LOCAL IntervalStyle = 'iso_8601'");
                st.execute("SET LOCAL extra_float_digits = 3");
                st.execute("SET LOCAL bytea_output = 'hex'");
            }
        }
    }

    /** The oldest transaction still running at the transaction's snapshot, as a 32-bit xid (taking the snapshot). */
    private static String snapshotMark(Connection s) throws SQLException {
        try (Statement st = s.createStatement();
             ResultSet rs = st.executeQuery("SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text)")) {
            rs.next();
            return Long.toString(Long.parseLong(rs.getString(1)) & 0xFFFF_FFFFL);
        }
    }

    private long count(Connection c, Table t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t.name + " WHERE tenant_id = ?")) {
            ps.setString(1, tenant.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<Table> tables(Connection c) throws SQLException {
        if (tables == null) {
            List<Table> out = new ArrayList<>();
            for (String name : tableNames) {
                out.add(Table.read(c, name));
            }
            tables = out;
        }
        return tables;
    }

    private static long total(Map<String, Long> rows) {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Object[] values(ResultSet rs, int n, int offset) throws SQLException {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
            row[i] = rs.getObject(offset + i + 1);
        }
        return row;
    }

    /**
     * A row as text that is the same for the same values whatever JDBC driver read them: one
     * field per column, tab-separated, {@code \N} for NULL, instants in UTC, decimals plain,
     * bytes in hex, a line feed at the end. Tabs, line feeds and backslashes in text are escaped
     * so that fields cannot run into each other.
     */
    static byte[] canonical(Object[] row) {
        StringBuilder b = new StringBuilder(128);
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            Object v = row[i];
            if (v == null) {
                b.append("\\N");
            } else if (v instanceof byte[] bytes) {
                b.append("\\x").append(HexFormat.of().formatHex(bytes));
            } else if (v instanceof BigDecimal d) {
                b.append(d.toPlainString());
            } else if (v instanceof Timestamp ts) {
                b.append(ts.toInstant());
            } else if (v instanceof OffsetDateTime odt) {
                b.append(odt.toInstant());
            } else if (v instanceof java.sql.Array a) {
                try {
                    b.append(java.util.Arrays.deepToString((Object[]) a.getArray()));
                } catch (SQLException e) {
                    throw new StorageException("cannot read an array value", e);
                }
            } else {
                String s = v.toString();
                for (int j = 0; j < s.length(); j++) {
                    char ch = s.charAt(j);
                    switch (ch) {
                        case '\\' -> b.append("\\\\");
                        case '\t' -> b.append("\\t");
                        case '\n' -> b.append("\\n");
                        case '\r' -> b.append("\\r");
                        default -> b.append(ch);
                    }
                }
            }
        }
        return b.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private dev.backoffice.core.error.BackofficeException mismatch(String table, String what) {
        return CoreErrorCode.STORAGE_MOVE_CONFLICT.conflict("verification failed: table " + table + " of tenant " + tenant + ": " + what);
    }

    /** Multi-row INSERTs of up to {@value #BATCH} rows, sent as the rows come. */
    private final class Inserter implements AutoCloseable {
        private final Connection c;
        private final Table t;
        private final List<Object[]> pending = new ArrayList<>(BATCH);
        private PreparedStatement full;

        Inserter(Connection c, Table t) {
            this.c = c;
            this.t = t;
        }

        void add(Object[] row) throws SQLException {
            pending.add(row);
            if (pending.size() == BATCH) {
                if (full == null) {
                    full = c.prepareStatement(t.insert(BATCH));
                }
                send(full);
            }
        }

        private void send(PreparedStatement ps) throws SQLException {
            int p = 1;
            for (Object[] row : pending) {
                for (Object v : row) {
                    ps.setObject(p++, v);
                }
            }
            ps.executeUpdate();
            pending.clear();
        }

        @Override
        public void close() throws SQLException {
            try {
                if (!pending.isEmpty()) {
                    try (PreparedStatement rest = c.prepareStatement(t.insert(pending.size()))) {
                        send(rest);
                    }
                }
            } finally {
                if (full != null) {
                    full.close();
                }
            }
        }
    }

    /** A row's key and hash as the merge reads them. */
    private record Keyed(String sortKey, Object[] keyValues, String hash) {

        static Keyed next(ResultSet rs, Table t, boolean serverHash, Dialect order, Keyed previous) throws SQLException {
            if (!rs.next()) {
                return null;
            }
            String sortKey = rs.getString(1);
            Object[] key = new Object[t.keys.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = rs.getObject(2 + i);
            }
            String hash = serverHash ? rs.getString(2 + key.length)
                    : HexFormat.of().formatHex(sha256().digest(canonical(values(rs, t.columns.size(), 1 + key.length))));
            if (previous != null && compare(previous.sortKey, sortKey, order) >= 0) {
                // the merge relies on this client comparing keys as the database ordered them
                throw new StorageException("rows of " + t.name + " came out of key order (" + previous.sortKey + ", " + sortKey
                        + "): the move cannot compare this table", null);
            }
            return new Keyed(sortKey, key, hash);
        }

        /** The order of the sort key text: PostgreSQL's "C" collation is code point order; H2 compares Java strings. */
        static int compare(String a, String b, Dialect order) {
            if (order != Dialect.POSTGRESQL) {
                return a.compareTo(b);
            }
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                int ca = a.codePointAt(i);
                int cb = b.codePointAt(j);
                if (ca != cb) {
                    return Integer.compare(ca, cb);
                }
                i += Character.charCount(ca);
                j += Character.charCount(cb);
            }
            return Integer.compare(a.length() - i, b.length() - j);
        }
    }

    /** A table's columns and primary key, from the catalog. */
    static final class Table {
        final String name;
        final List<String> columns;
        /** The primary key's columns without {@code tenant_id} (just {@code tenant_id} when it is the whole key). */
        final List<String> keys;
        private final int[] keyIndex;
        private final boolean postgres;

        private Table(String name, List<String> columns, List<String> keys, boolean postgres) {
            this.name = name;
            this.columns = columns;
            this.keys = keys;
            this.postgres = postgres;
            this.keyIndex = keys.stream().mapToInt(columns::indexOf).toArray();
        }

        static Table read(Connection c, String name) throws SQLException {
            List<String> columns = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + name + " WHERE 1 = 0")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
                }
            }
            DatabaseMetaData md = c.getMetaData();
            Map<Integer, String> pk = new TreeMap<>();
            for (String n : List.of(name, name.toUpperCase(Locale.ROOT))) {
                try (ResultSet rs = md.getPrimaryKeys(c.getCatalog(), c.getSchema(), n)) {
                    while (rs.next()) {
                        pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                if (!pk.isEmpty()) {
                    break;
                }
            }
            List<String> keys = new ArrayList<>(pk.values());
            if (!columns.contains("tenant_id") || !keys.remove("tenant_id")) {
                throw new StorageException("table " + name + " has no primary key that starts with tenant_id (" + pk.values()
                        + "): a move cannot compare its rows", null);
            }
            if (keys.isEmpty()) {
                keys.add("tenant_id"); // one row per tenant (audit_head, ledger_period): the tenant is the key
            }
            return new Table(name, List.copyOf(columns), List.copyOf(keys), Dialect.of(c) == Dialect.POSTGRESQL);
        }

        String columnList() {
            return String.join(", ", columns);
        }

        String orderBy() {
            return String.join(", ", keys);
        }

        /** The key as one text, sorted by code point on PostgreSQL. */
        String sortKey() {
            List<String> parts = new ArrayList<>();
            for (String k : keys) {
                parts.add("COALESCE(CAST(" + k + " AS VARCHAR), '')");
            }
            // a separator no key text holds (the merge checks that keys come strictly ordered, so an
            // ambiguous key would stop the move rather than mix rows up)
            return String.join(postgres ? " || chr(1) || " : " || CHAR(1) || ", parts);
        }

        String rowHash() {
            return "md5(CAST(ROW(" + columnList() + ") AS text))";
        }

        String selectOrdered() {
            return "SELECT " + columnList() + " FROM " + name + " WHERE tenant_id = ? ORDER BY " + orderBy();
        }

        String hashedOrdered(boolean serverHash) {
            // the key text in "C" collation on PostgreSQL (code point order, as Keyed.compare), whatever the database's default
            String key = postgres ? "(" + sortKey() + ") COLLATE \"C\"" : sortKey();
            return "SELECT " + key + ", " + String.join(", ", keys) + ", " + (serverHash ? rowHash() : columnList())
                    + " FROM " + name + " WHERE tenant_id = ? ORDER BY 1";
        }

        String keyPredicate() {
            List<String> parts = new ArrayList<>();
            for (String k : keys) {
                parts.add(k + " = ?");
            }
            return String.join(" AND ", parts);
        }

        String updateByKey() {
            List<String> sets = new ArrayList<>();
            for (String col : columns) {
                if (!col.equals("tenant_id") && !keys.contains(col)) {
                    sets.add(col + " = ?");
                }
            }
            if (sets.isEmpty()) { // a key-only table: an existing row is the row
                sets.add(keys.get(0) + " = " + keys.get(0));
            }
            return "UPDATE " + name + " SET " + String.join(", ", sets) + " WHERE tenant_id = ? AND " + keyPredicate();
        }

        void bindUpdate(PreparedStatement ps, Object[] row) throws SQLException {
            int p = 1;
            String tenantId = null;
            for (int i = 0; i < columns.size(); i++) {
                String col = columns.get(i);
                if (col.equals("tenant_id")) {
                    tenantId = (String) row[i];
                } else if (!keys.contains(col)) {
                    ps.setObject(p++, row[i]);
                }
            }
            ps.setString(p++, tenantId);
            for (int k : keyIndex) {
                ps.setObject(p++, row[k]);
            }
        }

        List<Object> keyOf(Object[] row) {
            List<Object> k = new ArrayList<>(keyIndex.length);
            for (int i : keyIndex) {
                k.add(row[i]);
            }
            return k;
        }

        String insert(int rows) {
            String one = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            return "INSERT INTO " + name + " (" + columnList() + ") VALUES " + String.join(", ", Collections.nCopies(rows, one));
        }

        /** PostgreSQL: the tenant's rows in key order, for {@code COPY ... TO STDOUT} (COPY takes no parameters). */
        String copyQuery(TenantId tenant) {
            return "COPY (SELECT " + columnList() + " FROM " + name + " WHERE tenant_id = " + literal(tenant.value())
                    + " ORDER BY " + orderBy() + ") TO STDOUT";
        }

        String copyInto() {
            return "COPY " + name + " (" + columnList() + ") FROM STDIN";
        }

        private static String literal(String s) {
            return "'" + s.replace("'", "''") + "'"; // standard_conforming_strings is on (the default since 9.1)
        }
    }
}
