package dev.backoffice.ledger.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountFlag;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.AccountState;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryKind;
import dev.backoffice.ledger.EntryLine;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.LedgerReads;
import dev.backoffice.ledger.Movement;
import dev.backoffice.ledger.PeriodStatus;
import dev.backoffice.ledger.Side;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every statement of the JDBC ledger store, written once for PostgreSQL and H2 (MODE=PostgreSQL),
 * with the row mappings. Every WHERE starts with {@code tenant_id}. Bulk writes and key lookups
 * are set-based on both, over {@code unnest} of array parameters, whatever the row count: on
 * PostgreSQL a group's whole flush is one statement ({@link PgBulk}), on H2 one statement per
 * kind of row ({@link H2Bulk}).
 */
public final class LedgerSql {

    private LedgerSql() {
    }

    static final String ACCOUNT_COLUMNS = "account_id, code, name, type, currency, parent_id, flags, closed, opened_at, "
            + "debits_posted, credits_posted, debits_pending, credits_pending";
    /** The account's current day (schema V2): its latest value date and that day's totals. */
    static final String DAY_COLUMNS = "day_date, day_debits_posted, day_credits_posted, day_debits_pending, day_credits_pending";
    static final String ENTRY_COLUMNS = "entry_id, sequence, kind, effective_date, booked_at, description, metadata, "
            + "idempotency_key, lines, pending_id, reverses, expires_at";
    private static final String E_COLUMNS = "e.entry_id, e.sequence, e.kind, e.effective_date, e.booked_at, e.description, "
            + "e.metadata, e.idempotency_key, e.lines, e.pending_id, e.reverses, e.expires_at";
    /** Entries reached through a link: the resolution ('R') or the reversal ('V') of a target entry. */
    private static final String LINKED = "SELECT " + E_COLUMNS + " FROM ledger_entry_link l JOIN ledger_entry e "
            + "ON e.tenant_id = l.tenant_id AND e.entry_id = l.entry_id WHERE l.tenant_id = ? AND l.link = ? AND l.target_id ";

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    // ------------------------------------------------------------------ mapping

    static Account account(ResultSet rs) throws SQLException {
        UUID parent = Jdbc.uuid(rs, "parent_id");
        return new Account(AccountId.of(Jdbc.uuid(rs, "account_id")), rs.getString("code"), rs.getString("name"),
                AccountType.valueOf(rs.getString("type")), CurrencyUnit.of(rs.getString("currency")),
                parent == null ? Optional.empty() : Optional.of(AccountId.of(parent)), flags(rs.getString("flags")),
                rs.getBoolean("closed"), Jdbc.instant(rs, "opened_at"));
    }

    static AccountState state(ResultSet rs) throws SQLException {
        return new AccountState(account(rs), new AccountCounters(rs.getLong("debits_posted"), rs.getLong("credits_posted"),
                rs.getLong("debits_pending"), rs.getLong("credits_pending")));
    }

    static JournalEntry entry(ResultSet rs) throws SQLException {
        UUID pending = Jdbc.uuid(rs, "pending_id");
        UUID reverses = Jdbc.uuid(rs, "reverses");
        String metadata = rs.getString("metadata");
        return new JournalEntry(EntryId.of(Jdbc.uuid(rs, "entry_id")), rs.getLong("sequence"),
                EntryKind.valueOf(rs.getString("kind")), Jdbc.date(rs, "effective_date"), Jdbc.instant(rs, "booked_at"),
                rs.getString("description"), metadata == null ? Map.of() : readMetadata(metadata),
                Optional.ofNullable(rs.getString("idempotency_key")), decodeLines(rs.getString("lines")),
                pending == null ? Optional.empty() : Optional.of(EntryId.of(pending)),
                reverses == null ? Optional.empty() : Optional.of(EntryId.of(reverses)),
                Optional.ofNullable(Jdbc.instant(rs, "expires_at")));
    }

    static Movement movement(ResultSet rs) throws SQLException {
        return new Movement(rs.getLong("sequence"), EntryId.of(Jdbc.uuid(rs, "entry_id")), rs.getInt("idx"),
                AccountId.of(Jdbc.uuid(rs, "account_id")), Jdbc.date(rs, "effective_date"),
                EntryKind.valueOf(rs.getString("kind")), side(rs.getString("side")), rs.getBoolean("pending"),
                rs.getLong("amount"));
    }

    static Set<AccountFlag> flags(String text) {
        if (text == null || text.isEmpty()) {
            return Set.of();
        }
        EnumSet<AccountFlag> flags = EnumSet.noneOf(AccountFlag.class);
        for (String f : text.split(",")) {
            flags.add(AccountFlag.valueOf(f));
        }
        return flags;
    }

    static String flagsText(Set<AccountFlag> flags) {
        StringBuilder sb = new StringBuilder();
        for (AccountFlag f : EnumSet.copyOf(flags.isEmpty() ? EnumSet.noneOf(AccountFlag.class) : flags)) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(f.name());
        }
        return sb.toString();
    }

    static String sideCode(Side side) {
        return side == Side.DEBIT ? "D" : "C";
    }

    static Side side(String code) {
        return "D".equals(code) ? Side.DEBIT : Side.CREDIT;
    }

    /** Lines as compact text: {@code account,D|C,minor,CUR;...} (order kept). */
    static String encodeLines(List<EntryLine> lines) {
        StringBuilder sb = new StringBuilder(lines.size() * 56);
        for (EntryLine l : lines) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(l.account().value()).append(',').append(sideCode(l.side())).append(',')
                    .append(l.amount().getAmountMinorLong()).append(',').append(l.amount().getCurrencyUnit().getCode());
        }
        return sb.toString();
    }

    static List<EntryLine> decodeLines(String text) {
        List<EntryLine> lines = new ArrayList<>(2);
        if (text == null || text.isEmpty()) {
            return lines;
        }
        for (String part : text.split(";")) {
            String[] f = part.split(",");
            lines.add(new EntryLine(AccountId.of(UUID.fromString(f[0])), side(f[1]),
                    Money.ofMinor(CurrencyUnit.of(f[3]), Long.parseLong(f[2]))));
        }
        return lines;
    }

    static String writeMetadata(Map<String, String> metadata) {
        if (metadata.isEmpty()) {
            return null;
        }
        String plain = plainMetadata(metadata);
        if (plain != null) {
            return plain;
        }
        try {
            return BackofficeJson.mapper().writeValueAsString(new java.util.TreeMap<>(metadata));
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot encode entry metadata", e);
        }
    }

    /**
     * The metadata's JSON text written directly, when no key or value needs escaping (no quote,
     * backslash or control character): the same text Jackson writes for the sorted map, without its
     * cost per entry (a batch writes thousands); null otherwise, and Jackson writes it.
     */
    static String plainMetadata(Map<String, String> metadata) {
        String[] keys = metadata.keySet().toArray(new String[0]);
        if (keys.length > 1) {
            java.util.Arrays.sort(keys);
        }
        StringBuilder sb = new StringBuilder(16 + keys.length * 48).append('{');
        for (String k : keys) {
            String v = metadata.get(k);
            if (v == null || !plain(k) || !plain(v)) {
                return null;
            }
            sb.append(sb.length() == 1 ? "\"" : ",\"").append(k).append("\":\"").append(v).append('"');
        }
        return sb.append('}').toString();
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    static Map<String, String> readMetadata(String json) {
        try {
            return BackofficeJson.mapper().readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot decode entry metadata", e);
        }
    }

    /**
     * On PostgreSQL, tells the planner for the span of this transaction ({@code SET LOCAL}, reset
     * at commit, so a pooled connection is left as it was found) what is true of every statement
     * the store runs in it: they are key lookups. Without it, a table whose statistics are stale
     * (a fresh or fast-growing ledger, before autovacuum's next ANALYZE) can make the planner
     * believe a tenant owns five rows and scan all of them, or hash-join a whole chart of accounts
     * for a group's sixty-four updates. With sequential, bitmap, hash and merge plans off, every
     * {@code = ANY(?)} lookup and every {@code FROM unnest(...)} join runs on the primary or unique
     * key index, whatever the statistics say.
     */
    static void keyLookupPlans(Connection c, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute(KEY_LOOKUP_PLANS);
            }
        }
    }

    /** PostgreSQL: plan every statement of this transaction as the key lookup it is (see {@link #keyLookupPlans}). */
    private static final String KEY_LOOKUP_PLANS = "SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; "
            + "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off";

    // ------------------------------------------------------------------ reads

    static Optional<Account> account(Connection c, String tenant, AccountId id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + ACCOUNT_COLUMNS + " FROM ledger_account WHERE tenant_id = ? AND account_id = ?",
                LedgerSql::account, tenant, id.value());
    }

    static Optional<Account> accountByCode(Connection c, String tenant, String code) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + ACCOUNT_COLUMNS + " FROM ledger_account WHERE tenant_id = ? AND code = ?",
                LedgerSql::account, tenant, code);
    }

    /** Accounts by ids or codes, in one query per kind (for the group's prefetch). */
    static List<Account> accounts(Connection c, Dialect dialect, String tenant, Collection<AccountId> ids,
                                  Collection<String> codes) throws SQLException {
        List<Account> out = new ArrayList<>();
        if (!ids.isEmpty()) {
            try (PreparedStatement ps = prepareAny(c, dialect, ACCOUNT_COLUMNS, "ledger_account", "tenant_id = ?", "account_id",
                    "uuid", ids.stream().map(AccountId::value).toArray(), "", tenant)) {
                readAll(ps, LedgerSql::account, out);
            }
        }
        if (!codes.isEmpty()) {
            try (PreparedStatement ps = prepareAny(c, dialect, ACCOUNT_COLUMNS, "ledger_account", "tenant_id = ?", "code",
                    "varchar", codes.toArray(), "", tenant)) {
                readAll(ps, LedgerSql::account, out);
            }
        }
        return out;
    }

    /**
     * The SQL of {@link #prepareAny}: on PostgreSQL the parameters are those of {@code where},
     * then the key array; on H2 the key array, then those of {@code where}.
     */
    public static String anyKeySql(Dialect dialect, String columns, String from, String where, String keyColumn, String type,
                                   String suffix) {
        return dialect == Dialect.POSTGRESQL
                ? "SELECT " + columns + " FROM " + from + " WHERE " + where + " AND " + keyColumn + " = ANY (?::" + type + "[])" + suffix
                : "SELECT " + columns + " FROM UNNEST(CAST(? AS " + type.toUpperCase(java.util.Locale.ROOT) + " ARRAY)) AS u(u_key), "
                + from + " WHERE " + where + " AND " + keyColumn + " = u.u_key" + suffix;
    }

    /**
     * A query for the rows whose {@code keyColumn} is any element of {@code keys}, written so that
     * each dialect looks every key up in the index, in one statement: {@code = ANY (?)} on
     * PostgreSQL; on H2, which uses no index for {@code = ANY(array)} nor for an {@code IN} list on
     * the second column of a key (and runs {@code IN (SELECT ...)} over an array very slowly), a
     * join with {@code UNNEST} of the array (one index lookup per key).
     *
     * @param where     the conditions before the key (starting with the tenant), with {@code params}
     * @param suffix    what follows the WHERE clause (ORDER BY, FOR UPDATE), or empty
     */
    static PreparedStatement prepareAny(Connection c, Dialect dialect, String columns, String from, String where,
                                        String keyColumn, String type, Object[] keys, String suffix, Object... params)
            throws SQLException {
        boolean pg = dialect == Dialect.POSTGRESQL;
        PreparedStatement ps = c.prepareStatement(anyKeySql(dialect, columns, from, where, keyColumn, type, suffix));
        try {
            int i = 1;
            if (!pg) {
                ps.setArray(i++, c.createArrayOf(type, keys));
            }
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            if (pg) {
                ps.setArray(i, PgBulk.array(c, type, keys)); // in binary (see PgBulk.array)
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    static List<Account> accounts(Connection c, String tenant) throws SQLException {
        return Jdbc.query(c, "SELECT " + ACCOUNT_COLUMNS + " FROM ledger_account WHERE tenant_id = ? ORDER BY code",
                LedgerSql::account, tenant);
    }

    static Optional<AccountState> state(Connection c, String tenant, AccountId id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + ACCOUNT_COLUMNS + " FROM ledger_account WHERE tenant_id = ? AND account_id = ?",
                LedgerSql::state, tenant, id.value());
    }

    /**
     * Locks the accounts {@code ids} in one statement. PostgreSQL locks the rows as they leave the
     * sort, in (tenant_id, account_id) order, the global order of every writer. On H2 every
     * transaction that locks accounts holds the tenant's period row exclusively first (H2 has no
     * shared row lock; see {@link DirectTx#lockAccounts}), so two lockers of one tenant's accounts
     * never run at once and the order within the statement cannot matter.
     */
    static Map<AccountId, AccountState> lockAccounts(Connection c, Dialect dialect, String tenant, Collection<AccountId> ids,
                                                     CurrentDays days) throws SQLException {
        Map<AccountId, AccountState> out = new HashMap<>(ids.size() * 2);
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = prepareAny(c, dialect, ACCOUNT_COLUMNS + ", " + DAY_COLUMNS, "ledger_account", "tenant_id = ?",
                "account_id", "uuid", ids.stream().map(AccountId::value).toArray(), " ORDER BY account_id FOR UPDATE", tenant)) {
            try (ResultSet rs = ps.executeQuery()) {
                readLocked(rs, out, days);
            }
        }
        return out;
    }

    /** Reads locked account rows: their state into {@code out}, their current day into {@code days}. */
    private static void readLocked(ResultSet rs, Map<AccountId, AccountState> out, CurrentDays days) throws SQLException {
        while (rs.next()) {
            AccountState s = state(rs);
            out.put(s.account().id(), s);
            days.remember(s.account().id(), new CurrentDays.Day(Jdbc.date(rs, "day_date"),
                    new AccountCounters(rs.getLong("day_debits_posted"), rs.getLong("day_credits_posted"),
                            rs.getLong("day_debits_pending"), rs.getLong("day_credits_pending"))));
        }
    }

    /**
     * What {@link #beginAndLock} read: the period (null when the tenant has no period row yet)
     * and the locked accounts.
     */
    record Begun(PeriodStatus period, Map<AccountId, AccountState> locked) {
    }

    /**
     * PostgreSQL only: begins a group's transaction and takes all its locks in one round trip —
     * the isolation level, the plan settings, the period row {@code FOR SHARE}, then every account
     * of {@code ids} {@code FOR UPDATE} in account order (the same locking order as
     * {@link #beginGroup} followed by {@link #lockAccounts}), as one multi-statement execution.
     * For a group whose units were discovered before the transaction began (from cached accounts
     * and the last period seen). The tenant and the account ids are written into the SQL as
     * literals: {@code TenantId} admits letters, digits and {@code ._:-} only (quotes are doubled
     * all the same), and a UUID's text is hex digits and dashes.
     */
    static Begun beginAndLock(Connection c, String isolationSql, String tenant, Collection<AccountId> ids, CurrentDays days)
            throws SQLException {
        String literal = tenant.replace("'", "''");
        StringBuilder sql = new StringBuilder(512 + ids.size() * 40).append(isolationSql).append("; ")
                .append(KEY_LOOKUP_PLANS).append("; SELECT closed_through FROM ledger_period WHERE tenant_id = '").append(literal).append("' FOR SHARE");
        if (!ids.isEmpty()) {
            sql.append("; SELECT ").append(ACCOUNT_COLUMNS).append(", ").append(DAY_COLUMNS)
                    .append(" FROM ledger_account WHERE tenant_id = '").append(literal).append("' AND account_id = ANY ('{");
            boolean first = true;
            for (AccountId id : ids) {
                sql.append(first ? "" : ",").append(id.value());
                first = false;
            }
            sql.append("}'::uuid[]) ORDER BY account_id FOR UPDATE");
        }
        PeriodStatus period = null;
        Map<AccountId, AccountState> locked = new HashMap<>(ids.size() * 2);
        try (java.sql.Statement st = c.createStatement()) {
            boolean rows = st.execute(sql.toString());
            int resultSets = 0;
            while (rows || st.getUpdateCount() != -1) {
                if (rows) {
                    try (ResultSet rs = st.getResultSet()) {
                        if (resultSets++ == 0) {
                            if (rs.next()) {
                                period = new PeriodStatus(Optional.ofNullable(Jdbc.date(rs, "closed_through")));
                            }
                        } else {
                            readLocked(rs, locked, days);
                        }
                    }
                }
                rows = st.getMoreResults();
            }
        }
        return new Begun(period, locked);
    }

    /**
     * Locks the tenant's period row, creating it on first use: {@code FOR SHARE} for postings
     * (H2 has no shared row lock, so there it is {@code FOR UPDATE}: one writer per tenant at a
     * time, which the group commit makes cheap), {@code FOR UPDATE} for period changes.
     */
    static PeriodStatus lockPeriod(Connection c, Dialect dialect, String tenant, boolean exclusive) throws SQLException {
        String sql = "SELECT closed_through FROM ledger_period WHERE tenant_id = ? "
                + (exclusive || dialect != Dialect.POSTGRESQL ? "FOR UPDATE" : "FOR SHARE");
        for (int attempt = 0; ; attempt++) {
            List<Optional<LocalDate>> rows = Jdbc.query(c, sql, rs -> Optional.ofNullable(Jdbc.date(rs, "closed_through")), tenant);
            if (!rows.isEmpty()) {
                return new PeriodStatus(rows.get(0));
            }
            if (attempt > 0) {
                throw new SQLException("the period row of tenant " + tenant + " vanished");
            }
            Jdbc.update(c, "INSERT INTO ledger_period (tenant_id, closed_through) VALUES (?, NULL) ON CONFLICT DO NOTHING", tenant);
        }
    }

    /**
     * Begins a group's transaction: on PostgreSQL the isolation level ({@code isolationSql}, see
     * {@code Jdbc.inTransactionIsolationInline}), the key-lookup plan settings and the period row
     * locked {@code FOR SHARE}, in one multi-statement execution ({@link #beginAndLock} with no
     * accounts): one round trip where these were three. Elsewhere, or when the period row does not
     * exist yet, this is {@link #keyLookupPlans} and {@link #lockPeriod}.
     */
    static PeriodStatus beginGroup(Connection c, Dialect dialect, String isolationSql, String tenant) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            PeriodStatus period = beginAndLock(c, isolationSql, tenant, List.of(), new CurrentDays()).period();
            if (period != null) {
                return period;
            }
        } else {
            keyLookupPlans(c, dialect);
        }
        return lockPeriod(c, dialect, tenant, false);
    }

    static PeriodStatus period(Connection c, String tenant) throws SQLException {
        return new PeriodStatus(Jdbc.queryOne(c, "SELECT closed_through FROM ledger_period WHERE tenant_id = ?",
                rs -> Optional.ofNullable(Jdbc.date(rs, "closed_through")), tenant).flatMap(o -> o));
    }

    static void setPeriod(Connection c, Dialect dialect, String tenant, PeriodStatus status) throws SQLException {
        lockPeriod(c, dialect, tenant, true);
        Jdbc.update(c, "UPDATE ledger_period SET closed_through = ? WHERE tenant_id = ?",
                status.closedThrough().orElse(null), tenant);
    }

    /**
     * One account's counters as of a date: a range of its daily snapshot rows plus its row's
     * current day when that is not later, in one statement so both come from one snapshot
     * (parameters: tenant, account, date, tenant, account, date).
     */
    public static final String COUNTERS_AS_OF = "SELECT COALESCE(SUM(dp), 0) AS dp, COALESCE(SUM(cp), 0) AS cp, "
            + "COALESCE(SUM(dpe), 0) AS dpe, COALESCE(SUM(cpe), 0) AS cpe FROM ("
            + "SELECT debits_posted AS dp, credits_posted AS cp, debits_pending AS dpe, credits_pending AS cpe "
            + "FROM ledger_account_day WHERE tenant_id = ? AND account_id = ? AND value_date <= ? "
            + "UNION ALL SELECT day_debits_posted, day_credits_posted, day_debits_pending, day_credits_pending "
            + "FROM ledger_account WHERE tenant_id = ? AND account_id = ? AND day_date <= ?) s";

    /** A statement page: one range of the movement primary key (parameters: tenant, account, from, to, cursor x3, limit). */
    public static final String STATEMENT_PAGE = "SELECT account_id, effective_date, sequence, idx, entry_id, kind, side, pending, amount "
            + "FROM ledger_movement WHERE tenant_id = ? AND account_id = ? AND effective_date >= ? AND effective_date <= ? "
            + "AND pending = FALSE AND (effective_date, sequence, idx) > (?, ?, ?) ORDER BY effective_date, sequence, idx LIMIT ?";

    static AccountCounters countersAsOf(Connection c, String tenant, AccountId id, LocalDate asOf) throws SQLException {
        return Jdbc.queryOne(c, COUNTERS_AS_OF,
                rs -> new AccountCounters(rs.getLong("dp"), rs.getLong("cp"), rs.getLong("dpe"), rs.getLong("cpe")),
                tenant, id.value(), asOf, tenant, id.value(), asOf).orElse(AccountCounters.ZERO);
    }

    static Map<AccountId, AccountCounters> countersAsOf(Connection c, String tenant, LocalDate asOf, boolean includeClosing)
            throws SQLException {
        Map<AccountId, AccountCounters> out = new HashMap<>();
        // the rows' current days are never closing movements: they count in both variants
        for (Object[] row : Jdbc.query(c, "SELECT account_id, SUM(dp) AS dp, SUM(cp) AS cp, SUM(dpe) AS dpe, SUM(cpe) AS cpe FROM ("
                        + "SELECT account_id, debits_posted AS dp, credits_posted AS cp, debits_pending AS dpe, credits_pending AS cpe "
                        + "FROM ledger_account_day WHERE tenant_id = ? AND value_date <= ?" + (includeClosing ? "" : " AND closing = FALSE")
                        + " UNION ALL SELECT account_id, day_debits_posted, day_credits_posted, day_debits_pending, day_credits_pending "
                        + "FROM ledger_account WHERE tenant_id = ? AND day_date <= ?) s GROUP BY account_id",
                rs -> new Object[] {AccountId.of(Jdbc.uuid(rs, "account_id")),
                        new AccountCounters(rs.getLong("dp"), rs.getLong("cp"), rs.getLong("dpe"), rs.getLong("cpe"))},
                tenant, asOf, tenant, asOf)) {
            out.put((AccountId) row[0], (AccountCounters) row[1]);
        }
        return out;
    }

    static Optional<JournalEntry> entryBy(Connection c, String tenant, String column, Object value) throws SQLException {
        if (column.equals("pending_id") || column.equals("reverses")) {
            return Jdbc.queryOne(c, LINKED + "= ?", LedgerSql::entry, tenant, link(column), value);
        }
        return Jdbc.queryOne(c, "SELECT " + ENTRY_COLUMNS + " FROM ledger_entry WHERE tenant_id = ? AND " + column + " = ?",
                LedgerSql::entry, tenant, value);
    }

    /** Entries whose {@code column} is any of {@code values} (uuid or varchar column). */
    static List<JournalEntry> entriesBy(Connection c, Dialect dialect, String tenant, String column, Collection<?> values,
                                        boolean uuid) throws SQLException {
        List<JournalEntry> out = new ArrayList<>();
        if (values.isEmpty()) {
            return out;
        }
        boolean linked = column.equals("pending_id") || column.equals("reverses");
        String type = uuid ? "uuid" : "varchar";
        try (PreparedStatement ps = linked
                ? prepareAny(c, dialect, E_COLUMNS, "ledger_entry_link l JOIN ledger_entry e ON e.tenant_id = l.tenant_id "
                + "AND e.entry_id = l.entry_id", "l.tenant_id = ? AND l.link = ?", "l.target_id", type, values.toArray(), "",
                tenant, link(column))
                : prepareAny(c, dialect, ENTRY_COLUMNS, "ledger_entry", "tenant_id = ?", column, type, values.toArray(), "",
                tenant)) {
            readAll(ps, LedgerSql::entry, out);
        }
        return out;
    }

    /**
     * The entries with any of {@code ids}. On PostgreSQL a join of the ids with the entry table
     * rather than {@code = ANY(?)}: with the stale statistics of a fresh, fast-growing ledger
     * the planner costs {@code ANY} over the primary key as a scan of the tenant's whole key
     * range with a filter (tens of milliseconds for a batch, measured), while the join is
     * planned as one key lookup per id.
     */
    static List<JournalEntry> entriesById(Connection c, Dialect dialect, String tenant, Collection<EntryId> ids) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return entriesBy(c, dialect, tenant, "entry_id", ids.stream().map(EntryId::value).toList(), true);
        }
        List<JournalEntry> out = new ArrayList<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + E_COLUMNS + " FROM unnest(?::uuid[]) AS u(u_key) "
                + "JOIN ledger_entry e ON e.tenant_id = ? AND e.entry_id = u.u_key")) {
            ps.setArray(1, PgBulk.array(c, "uuid", ids.stream().map(EntryId::value).toArray()));
            ps.setString(2, tenant);
            readAll(ps, LedgerSql::entry, out);
        }
        return out;
    }

    private static String link(String column) {
        return column.equals("pending_id") ? "R" : "V";
    }

    static List<Movement> postedMovements(Connection c, String tenant, AccountId account, LocalDate from, LocalDate to,
                                          LedgerReads.MovementPosition after, int limit) throws SQLException {
        String base = "SELECT account_id, effective_date, sequence, idx, entry_id, kind, side, pending, amount FROM ledger_movement "
                + "WHERE tenant_id = ? AND account_id = ? AND effective_date >= ? AND effective_date <= ? AND pending = FALSE ";
        if (after == null) {
            return Jdbc.query(c, base + "ORDER BY effective_date, sequence, idx LIMIT ?", LedgerSql::movement,
                    tenant, account.value(), from, to, limit);
        }
        return Jdbc.query(c, STATEMENT_PAGE, LedgerSql::movement, tenant, account.value(), from, to, after.effectiveDate(),
                after.sequence(), after.index(), limit);
    }

    static List<JournalEntry> journal(Connection c, String tenant, long afterSequence, int limit) throws SQLException {
        return Jdbc.query(c, "SELECT " + ENTRY_COLUMNS + " FROM ledger_entry WHERE tenant_id = ? AND sequence > ? "
                + "ORDER BY sequence LIMIT ?", LedgerSql::entry, tenant, afterSequence, limit);
    }

    static List<JournalEntry> expiredPendings(Connection c, String tenant, Instant expiredBy, int limit) throws SQLException {
        return Jdbc.query(c, "SELECT " + E_COLUMNS + " FROM ledger_hold h JOIN ledger_entry e ON e.tenant_id = h.tenant_id "
                + "AND e.entry_id = h.entry_id WHERE h.tenant_id = ? AND h.expires_at <= ? AND NOT EXISTS (SELECT 1 FROM "
                + "ledger_entry_link l WHERE l.tenant_id = h.tenant_id AND l.target_id = h.entry_id AND l.link = 'R') "
                + "ORDER BY h.expires_at, h.sequence LIMIT ?", LedgerSql::entry, tenant, expiredBy, limit);
    }

    static long nextSequenceBlock(Connection c) throws SQLException {
        return Jdbc.queryOne(c, "SELECT nextval('ledger_sequence_block')", rs -> rs.getLong(1)).orElseThrow();
    }

    // ------------------------------------------------------------------ writes

    static void insertAccounts(Connection c, String tenant, List<Account> accounts) throws SQLException {
        List<Object[]> rows = new ArrayList<>(accounts.size());
        for (Account a : accounts) {
            rows.add(new Object[] {tenant, a.id().value(), a.code(), a.name(), a.type(), a.currency().getCode(),
                    a.parent().map(AccountId::value).orElse(null), flagsText(a.flags()), a.closed(), a.openedAt()});
        }
        Jdbc.batch(c, "INSERT INTO ledger_account (tenant_id, account_id, code, name, type, currency, parent_id, flags, closed, "
                + "opened_at, debits_posted, credits_posted, debits_pending, credits_pending) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0)", rows, 500);
    }

    static void updateClosed(Connection c, String tenant, Collection<Account> accounts) throws SQLException {
        List<Object[]> rows = new ArrayList<>(accounts.size());
        for (Account a : accounts) {
            rows.add(new Object[] {a.closed(), tenant, a.id().value()});
        }
        Jdbc.batch(c, "UPDATE ledger_account SET closed = ? WHERE tenant_id = ? AND account_id = ?", rows, 500);
    }

    /**
     * Writes a group's entries, movements, final counters, the accounts' current days and the
     * daily snapshot rows that {@code days} plans for them (see {@link CurrentDays}).
     */
    static void write(Connection c, Dialect dialect, String tenant, List<JournalEntry> entries, List<Movement> movements,
                      Map<AccountId, AccountCounters> counters, CurrentDays days) throws SQLException {
        CurrentDays.Plan plan = days.plan(movements);
        if (dialect == Dialect.POSTGRESQL) {
            PgBulk.write(c, tenant, entries, movements, counters, plan);
        } else {
            H2Bulk.write(c, tenant, entries, movements, counters, plan);
        }
        List<Object[]> links = new ArrayList<>();
        List<Object[]> holds = new ArrayList<>();
        for (JournalEntry e : entries) {
            e.pendingId().ifPresent(p -> links.add(new Object[] {tenant, p.value(), "R", e.id().value()}));
            e.reverses().ifPresent(r -> links.add(new Object[] {tenant, r.value(), "V", e.id().value()}));
            if (e.kind() == EntryKind.PENDING && e.expiresAt().isPresent()) {
                holds.add(new Object[] {tenant, e.expiresAt().get(), e.sequence(), e.id().value()});
            }
        }
        if (!links.isEmpty()) {
            Jdbc.batch(c, "INSERT INTO ledger_entry_link (tenant_id, target_id, link, entry_id) VALUES (?, ?, ?, ?)", links, 500);
        }
        if (!holds.isEmpty()) {
            Jdbc.batch(c, "INSERT INTO ledger_hold (tenant_id, expires_at, sequence, entry_id) VALUES (?, ?, ?, ?)", holds, 500);
        }
    }

    /** A day row's key: account, value date, closing or not. */
    record DayKey(AccountId account, LocalDate day, boolean closing) {
    }

    // ------------------------------------------------------------------ helpers

    private static <T> void readAll(PreparedStatement ps, dev.backoffice.core.jdbc.RowMapper<T> mapper, List<T> out)
            throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
        }
    }
}
