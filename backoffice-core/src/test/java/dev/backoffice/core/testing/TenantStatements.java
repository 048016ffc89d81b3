package dev.backoffice.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule every statement the SDK sends must follow so that a tenant's work can run on one
 * shard of a distributed PostgreSQL (Citus routes a statement to one node when it filters every
 * distributed table it touches on the distribution column by equality) or on the one database
 * the tenant is placed in: <b>a DML statement names one tenant by equality</b>.
 *
 * <ul>
 *   <li>{@code SELECT}, {@code UPDATE}, {@code DELETE}, {@code WITH ...}: a predicate
 *       {@code tenant_id = ?} (or {@code = CAST(? AS ...)}); with several tables, each of them
 *       ({@code alias.tenant_id}) is tied to that tenant, by {@code = ?} or by equality to
 *       another table's {@code tenant_id}; never {@code tenant_id IN (...)}, {@code <>}, ranges,
 *       {@code ANY}.</li>
 *   <li>{@code INSERT}: {@code tenant_id} among the inserted columns (the SDK binds it once per
 *       statement, from the tenant handle); an {@code INSERT ... SELECT} reading a table also
 *       filters it as above.</li>
 *   <li>Statements that are not DML (DDL of the schema scripts, {@code SET LOCAL},
 *       {@code SET TRANSACTION}) and a {@code SELECT} that reads no table
 *       ({@code SELECT pg_advisory_xact_lock(?)}, {@code SELECT nextval('...')}) touch no tenant
 *       data and pass.</li>
 * </ul>
 *
 * {@link #EXCEPTIONS} lists what the SDK may send without a tenant, each with its reason.
 */
public final class TenantStatements {

    /** Allowed statements without a tenant predicate: a pattern of the text and why it is fine. */
    public static final Map<Pattern, String> EXCEPTIONS;

    static {
        Map<Pattern, String> m = new LinkedHashMap<>();
        m.put(Pattern.compile("(?i).*\\bbackoffice_schema_history\\b.*", Pattern.DOTALL),
                "schema installation (core SchemaInstaller): the history of applied scripts per module is one global "
                        + "table, written while installing, never by a tenant's call (a Citus reference/local table)");
        m.put(Pattern.compile("(?i).*\\bWHERE 1 = 0\\b.*", Pattern.DOTALL),
                "a schema probe that reads no row (JdbcLedgerStore checks at start that every table and column of "
                        + "its latest script exists): no tenant data, once per store");
        m.put(Pattern.compile("(?s).*/\\* schema migration over every tenant \\*/.*"),
                "a schema script's one-time data migration, marked by this comment (inventory's V4 moves stock already in bins "
                        + "into their warehouse's row): run once by the installer (or Flyway) before any tenant's call, not by one; "
                        + "under Citus the operator runs it as a multi-shard statement");
        EXCEPTIONS = java.util.Collections.unmodifiableMap(m);
    }

    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*\\(?\\s*([A-Za-z]+)");
    private static final Pattern TENANT_PARAM = Pattern.compile(
            "(?i)\\b(?:(\\w+)\\.)?tenant_id\\s*=\\s*(?:\\?|CAST\\s*\\(\\s*\\?\\s+AS\\s+(?:[^()]|\\([^)]*\\))*\\))");
    private static final Pattern TENANT_JOIN = Pattern.compile(
            "(?i)\\b(?:(\\w+)\\.)?tenant_id\\s*=\\s*(?:(\\w+)\\.)?tenant_id\\b");
    private static final Pattern TENANT_OTHER = Pattern.compile(
            "(?i)\\btenant_id\\s*(?:\\bIN\\b|<>|!=|<|>|\\bLIKE\\b|\\bBETWEEN\\b|=\\s*ANY\\b|\\bIS\\b)");
    private static final Pattern TABLE_REF = Pattern.compile(
            "(?i)\\b(FROM|JOIN|UPDATE|INTO)\\s+([A-Za-z_][\\w.]*)(?:\\s+(?:AS\\s+)?([A-Za-z_]\\w*))?(\\s*\\()?");
    private static final Pattern COMMA_TABLE = Pattern.compile("(?i),\\s*([A-Za-z_][\\w]*)(?:\\s+(?:AS\\s+)?([A-Za-z_]\\w*))?");
    private static final Pattern INSERT_COLUMNS = Pattern.compile("(?is)\\bINSERT\\s+INTO\\s+([\\w.]+)\\s*\\(([^)]*)\\)");
    /** A derived row whose tenant_id is one parameter ({@code USING (SELECT CAST(? AS ...) AS tenant_id ...)}). */
    private static final Pattern TENANT_ROW = Pattern.compile(
            "(?i)(?:\\?|CAST\\s*\\(\\s*\\?\\s+AS\\s+(?:[^()]|\\([^)]*\\))*\\))\\s+AS\\s+tenant_id\\b");
    private static final java.util.Set<String> NOT_ALIAS = java.util.Set.of("WHERE", "SET", "ON", "JOIN", "LEFT", "RIGHT",
            "INNER", "OUTER", "CROSS", "ORDER", "GROUP", "LIMIT", "OFFSET", "FOR", "VALUES", "SELECT", "USING", "UNION",
            "HAVING", "FETCH", "AND", "OR", "WHEN", "AS", "DEFAULT", "RETURNING", "KEY", "WITH", "NATURAL", "FULL");
    private static final java.util.Set<String> NOT_TABLE = java.util.Set.of("unnest", "table", "values", "select", "dual", "set", "of", "skip", "nowait",
            "lateral", "generate_series", "system_range");

    private TenantStatements() {
    }

    /** Why {@code sql} breaks the rule, or null when it follows it (or is an allowed exception). */
    public static String violation(String sql) {
        String text = withoutLiterals(sql).replaceAll("\\s+", " ").strip();
        for (Map.Entry<Pattern, String> e : EXCEPTIONS.entrySet()) {
            if (e.getKey().matcher(text).matches()) {
                return null;
            }
        }
        Matcher first = FIRST_WORD.matcher(text);
        String verb = first.find() ? first.group(1).toUpperCase(Locale.ROOT) : "";
        if (!List.of("SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "MERGE").contains(verb)) {
            return null; // DDL, SET, SHOW: no tenant data
        }
        if (TENANT_OTHER.matcher(text).find()) {
            return "compares tenant_id other than by equality to one value";
        }
        List<String[]> tables = tables(text);
        // Every INSERT (also one inside WITH) names tenant_id among its columns; its target is
        // then written for the one tenant bound there and needs no predicate of its own.
        Matcher insert = INSERT_COLUMNS.matcher(text);
        while (insert.find()) {
            if (!List.of(insert.group(2).toLowerCase(Locale.ROOT).replace(" ", "").split(",")).contains("tenant_id")) {
                return "INSERT without tenant_id among its columns";
            }
            String target = insert.group(1).toLowerCase(Locale.ROOT);
            for (int i = 0; i < tables.size(); i++) {
                if (tables.get(i)[0].equals(target)) {
                    tables.remove(i);
                    break;
                }
            }
        }
        if (tables.isEmpty()) {
            return null; // reads no table, or only inserts
        }
        if (!TENANT_PARAM.matcher(text).find() && !TENANT_ROW.matcher(text).find()) {
            return "no tenant_id = ? predicate";
        }
        if (tables.size() > 1) {
            List<String> tied = new ArrayList<>();
            Matcher p = TENANT_PARAM.matcher(text);
            while (p.find()) {
                tied.add(p.group(1) == null ? "" : p.group(1).toLowerCase(Locale.ROOT));
            }
            Matcher j = TENANT_JOIN.matcher(text);
            while (j.find()) {
                tied.add(j.group(1) == null ? "" : j.group(1).toLowerCase(Locale.ROOT));
                tied.add(j.group(2) == null ? "" : j.group(2).toLowerCase(Locale.ROOT));
            }
            // An unqualified tenant_id = ? can only belong to a scope of one table (a subquery):
            // with two tables in one scope it would be ambiguous, which the database refuses.
            long unqualified = tied.stream().filter(String::isEmpty).count();
            for (String[] t : tables) {
                if (tied.contains(t[1]) || tied.contains(t[0])) {
                    continue;
                }
                if (t[1].equals(t[0]) && unqualified > 0) {
                    unqualified--;
                    continue;
                }
                return "table " + t[0] + (t[1].equals(t[0]) ? "" : " (" + t[1] + ")") + " is not tied to the tenant";
            }
        }
        return null;
    }

    /** The table references of {@code text}: {name, alias}, lower case. */
    static List<String[]> tables(String text) {
        List<String[]> out = new ArrayList<>();
        Matcher m = TABLE_REF.matcher(text);
        while (m.find()) {
            String keyword = m.group(1).toUpperCase(Locale.ROOT);
            String name = m.group(2).toLowerCase(Locale.ROOT);
            boolean call = m.group(4) != null && m.group(3) == null && (keyword.equals("FROM") || keyword.equals("JOIN"));
            if (call || NOT_TABLE.contains(name)) {
                continue; // a function call: unnest(?), TABLE(...)
            }
            String alias = m.group(3) == null || NOT_ALIAS.contains(m.group(3).toUpperCase(Locale.ROOT))
                    ? name : m.group(3).toLowerCase(Locale.ROOT);
            out.add(new String[]{name, alias});
            // FROM a, b, c: the comma-separated rest of this FROM list
            if (keyword.equals("FROM")) {
                int from = m.end() - (m.group(4) == null ? 0 : m.group(4).length());
                Matcher c = COMMA_TABLE.matcher(text);
                c.region(from, text.length());
                while (c.lookingAt()) {
                    String n = c.group(1).toLowerCase(Locale.ROOT);
                    String a = c.group(2) == null || NOT_ALIAS.contains(c.group(2).toUpperCase(Locale.ROOT))
                            ? n : c.group(2).toLowerCase(Locale.ROOT);
                    out.add(new String[]{n, a});
                    c.region(c.end(), text.length());
                }
            }
        }
        return out;
    }

    private static String withoutLiterals(String sql) {
        return sql.replaceAll("'(?:[^']|'')*'", "''");
    }

    /**
     * Every statement of {@code recorded} the SDK sent that breaks the rule, with its reason;
     * empty when all follow it.
     */
    public static List<String> violations(RecordingDataSource recorded) {
        List<String> out = new ArrayList<>();
        for (RecordingDataSource.Sent s : recorded.sdkStatements()) {
            String why = violation(s.sql());
            if (why != null) {
                out.add(why + ": [" + s.sender() + "] " + s.sql().replaceAll("\\s+", " "));
            }
        }
        return out;
    }
}
