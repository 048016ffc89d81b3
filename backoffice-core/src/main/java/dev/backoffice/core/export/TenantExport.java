package dev.backoffice.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Export format version 1: one tenant's rows of one module, as JSON Lines per table with a
 * manifest, for a tenant that takes its data away (GDPR art. 20, data portability) or moves to
 * another database.
 *
 * <pre>
 * &lt;dir&gt;/manifest.json        {"format":"backoffice-tenant-export","version":1,"tenant":"acme","module":"ledger",
 *                               "exportedAt":"...","tables":[{"table":"ledger_account","file":"ledger_account.jsonl",
 *                               "rows":12,"sha256":"...","columns":{"tenant_id":"string",...}}, ...]}
 * &lt;dir&gt;/ledger_account.jsonl  one JSON object per line and row: column name to value, keys sorted
 * </pre>
 *
 * <p>Values: strings, integers (JSON numbers), decimals as strings (exact), booleans, UUIDs as
 * strings, dates as {@code yyyy-MM-dd}, timestamps as ISO-8601 instants in UTC, SQL NULL as
 * {@code null}. Lines are UTF-8, end with {@code \n}, and are sorted by their text, so the same
 * rows give the same file (and checksum) whichever database they were read from.
 *
 * <p>The rows of all tables are read in one transaction at {@code REPEATABLE READ} (one snapshot
 * on PostgreSQL: an export is consistent while the tenant keeps writing). The tables are the
 * module's, read from its schema scripts ({@link #tablesOf}).
 */
public final class TenantExport {

    /** The {@code format} of every manifest. */
    public static final String FORMAT = "backoffice-tenant-export";
    /** The format version this code writes and the newest it reads. */
    public static final int VERSION = 1;
    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z_][A-Za-z0-9_]*)");
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private TenantExport() {
    }

    /**
     * The tables the schema scripts of {@code module} create (under {@code db/<module>/} on the
     * class path), in script order: what an export of that module holds.
     */
    public static List<String> tablesOf(String module, List<String> scripts) {
        Check.notBlank(module, "module");
        Check.notNull(scripts, "scripts");
        List<String> out = new ArrayList<>();
        for (String script : scripts) {
            String resource = "db/" + module + "/" + script;
            try (InputStream in = TenantExport.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw CoreErrorCode.STORAGE_SCHEMA_MISSING.storage("schema script not found on the class path: " + resource, null);
                }
                Matcher m = CREATE_TABLE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    out.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Writes {@code tenant}'s rows of {@code tables} (module {@code module}) into {@code dir}
     * (created if missing; existing files of the same names are replaced) and returns the
     * manifest written. A read transaction: over a moveable database it runs while the tenant is
     * fenced, and needs no tenant's call ({@code TenantFence}: reads are never fenced).
     */
    public static ExportManifest export(Jdbc jdbc, TenantId tenant, String module, List<String> tables, Path dir) {
        Check.notNull(jdbc, "jdbc");
        Check.notNull(tenant, "tenant");
        Check.notBlank(module, "module");
        Check.notEmpty(tables, "tables");
        Check.notNull(dir, "dir");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ExportManifest.Table> files = jdbc.withIsolation(Connection.TRANSACTION_REPEATABLE_READ).inReadTransaction(c -> {
            List<ExportManifest.Table> out = new ArrayList<>();
            for (String table : tables) {
                out.add(exportTable(c, tenant, checkName(table), dir));
            }
            return out;
        });
        ExportManifest manifest = new ExportManifest(FORMAT, VERSION, tenant.value(), module, Instant.now().toString(), files);
        try {
            Files.writeString(dir.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifest;
    }

    /**
     * Reads the manifest in {@code dir} and checks every file against it (row count and
     * SHA-256), and every row's {@code tenant_id} against the manifest's tenant.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException {@code storage.export_invalid}, the
     *         field naming the file, the message what differs
     */
    public static ExportManifest verify(Path dir) {
        Check.notNull(dir, "dir");
        ExportManifest manifest;
        try {
            manifest = JSON.readValue(dir.resolve(MANIFEST).toFile(), ExportManifest.class);
        } catch (IOException e) {
            throw invalid(MANIFEST, "cannot be read: " + e.getMessage());
        }
        if (!FORMAT.equals(manifest.format()) || manifest.version() < 1 || manifest.version() > VERSION) {
            throw invalid(MANIFEST, "format " + manifest.format() + " version " + manifest.version() + " is not one this reader knows ("
                    + FORMAT + " 1.." + VERSION + ")");
        }
        for (ExportManifest.Table t : manifest.tables()) {
            checkName(t.table());
            Path file = dir.resolve(t.file());
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw invalid(t.file(), "cannot be read: " + e.getMessage());
            }
            String sha = sha256(bytes);
            if (!sha.equals(t.sha256())) {
                throw invalid(t.file(), "SHA-256 is " + sha + ", the manifest says " + t.sha256());
            }
            List<String> lines = lines(bytes);
            if (lines.size() != t.rows()) {
                throw invalid(t.file(), "holds " + lines.size() + " rows, the manifest says " + t.rows());
            }
            for (String line : lines) {
                try {
                    if (!manifest.tenant().equals(JSON.readTree(line).path("tenant_id").asText())) {
                        throw invalid(t.file(), "holds a row of another tenant");
                    }
                } catch (IOException e) {
                    throw invalid(t.file(), "holds a line that is not JSON");
                }
            }
        }
        return manifest;
    }

    /**
     * Verifies the export in {@code dir} and inserts its rows into the database of {@code jdbc}
     * (whose schema for the module must be installed, e.g. by building the module's store), in
     * one transaction: all rows or none.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException {@code storage.export_invalid} if
     *         the export does not verify
     * @throws dev.backoffice.core.error.ConflictException {@code storage.import_tenant_exists} if
     *         the target already holds rows of the tenant in one of the tables (nothing is written)
     */
    public static ExportManifest importInto(Jdbc jdbc, Path dir) {
        Check.notNull(jdbc, "jdbc");
        ExportManifest manifest = verify(dir);
        jdbc.inTransactionRun(c -> {
            for (ExportManifest.Table t : manifest.tables()) {
                boolean exists = Jdbc.queryOne(c, "SELECT 1 FROM " + t.table() + " WHERE tenant_id = ? LIMIT 1", rs -> true,
                        manifest.tenant()).isPresent();
                if (exists) {
                    throw CoreErrorCode.STORAGE_IMPORT_TENANT_EXISTS.exception(t.table(), "the target already holds rows of tenant "
                            + manifest.tenant() + ": nothing was imported", manifest.tenant());
                }
            }
            for (ExportManifest.Table t : manifest.tables()) {
                importTable(c, t, dir);
            }
        });
        return manifest;
    }

    /**
     * After an import: takes values of the database sequence {@code sequence} until one exceeds
     * the tenant's largest {@code table.column}, so numbers the target hands out later come
     * after the imported ones (the ledger's entry numbers: {@code ledger_sequence_block} over
     * {@code ledger_entry.sequence}; without this, the tenant's next posting on the target could
     * be given a number it already has). Values are only taken, never set back, so other
     * processes using the sequence meanwhile are safe; the gaps it leaves are allowed. One round
     * trip per block of numbers passed over.
     *
     * @return the last value taken
     */
    public static long advanceSequence(Jdbc jdbc, TenantId tenant, String sequence, String table, String column) {
        Check.notNull(jdbc, "jdbc");
        Check.notNull(tenant, "tenant");
        checkName(sequence);
        checkName(table);
        checkName(column);
        long max = jdbc.inTransaction(c -> Jdbc.queryOne(c, "SELECT COALESCE(MAX(" + column + "), 0) FROM " + table
                + " WHERE tenant_id = ?", rs -> rs.getLong(1), tenant.value()).orElse(0L));
        long value;
        do {
            value = jdbc.inTransaction(c -> Jdbc.queryOne(c, "SELECT nextval('" + sequence + "')", rs -> rs.getLong(1)).orElseThrow());
        } while (value <= max);
        return value;
    }

    /**
     * The rows of {@code table} in the verified export in {@code dir}, each as column name to
     * value text ({@code null} for SQL NULL), for an import into an in-memory store.
     */
    public static List<Map<String, String>> rows(Path dir, String table) {
        ExportManifest manifest = verify(dir);
        ExportManifest.Table t = manifest.tables().stream().filter(x -> x.table().equals(table)).findFirst()
                .orElseThrow(() -> invalid(MANIFEST, "lists no table " + table));
        List<Map<String, String>> out = new ArrayList<>();
        try {
            for (String line : lines(Files.readAllBytes(dir.resolve(t.file())))) {
                Map<String, String> row = new TreeMap<>();
                JSON.readTree(line).fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
                out.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static ExportManifest.Table exportTable(Connection c, TenantId tenant, String table, Path dir) throws SQLException {
        List<String> lines = new ArrayList<>();
        Map<String, String> kinds = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE tenant_id = ?")) {
            ps.setString(1, tenant.value());
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    kinds.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), kind(md.getColumnType(i), md.getColumnTypeName(i)));
                }
                while (rs.next()) {
                    ObjectNode row = JSON.createObjectNode();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                        put(row, name, kinds.get(name), rs, i);
                    }
                    lines.add(canonical(row));
                }
            }
        }
        lines.sort(null);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        String file = table + ".jsonl";
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8)) {
            w.write(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportManifest.Table(table, file, lines.size(), sha256(bytes), kinds);
    }

    private static void importTable(Connection c, ExportManifest.Table t, Path dir) throws SQLException {
        List<String> columns = new ArrayList<>(t.columns().keySet());
        String sql = "INSERT INTO " + t.table() + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        List<String> lines;
        try {
            lines = lines(Files.readAllBytes(dir.resolve(t.file())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if ("PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            importOnPostgres(c, t, columns, lines);
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (String line : lines) {
                JsonNode row;
                try {
                    row = JSON.readTree(line);
                } catch (IOException e) {
                    throw invalid(t.file(), "holds a line that is not JSON");
                }
                for (int i = 0; i < columns.size(); i++) {
                    bind(ps, i + 1, t.columns().get(columns.get(i)), row.get(columns.get(i)));
                }
                ps.addBatch();
                if (++pending == 500) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /**
     * PostgreSQL: the lines go to the server as JSON arrays of {@value #POSTGRES_CHUNK} rows, one
     * statement each, and {@code json_populate_recordset} turns them into rows of the table (its
     * casts read every value kind of the format: decimals and timestamps from their strings). A
     * tenth of the round trips and none of the per-value binding of a batched INSERT.
     */
    private static void importOnPostgres(Connection c, ExportManifest.Table t, List<String> columns, List<String> lines)
            throws SQLException {
        String cols = String.join(", ", columns);
        String sql = "INSERT INTO " + t.table() + " (" + cols + ") SELECT " + cols + " FROM json_populate_recordset(NULL::"
                + t.table() + ", ?::json)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int from = 0; from < lines.size(); from += POSTGRES_CHUNK) {
                List<String> chunk = lines.subList(from, Math.min(lines.size(), from + POSTGRES_CHUNK));
                StringBuilder json = new StringBuilder(chunk.size() * 256).append('[');
                for (int i = 0; i < chunk.size(); i++) {
                    if (i > 0) {
                        json.append(',');
                    }
                    json.append(chunk.get(i));
                }
                ps.setString(1, json.append(']').toString());
                ps.executeUpdate();
            }
        }
    }

    private static final int POSTGRES_CHUNK = 5_000;

    private static String kind(int sqlType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.equals("uuid")) {
            return "uuid";
        }
        return switch (sqlType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "integer";
            case Types.NUMERIC, Types.DECIMAL -> "decimal";
            case Types.BOOLEAN, Types.BIT -> "boolean";
            case Types.DATE -> "date";
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "timestamp";
            case Types.OTHER, Types.BINARY -> name.contains("uuid") ? "uuid" : "string";
            default -> "string";
        };
    }

    private static void put(ObjectNode row, String name, String kind, ResultSet rs, int i) throws SQLException {
        switch (kind) {
            case "integer" -> {
                long v = rs.getLong(i);
                if (rs.wasNull()) {
                    row.putNull(name);
                } else {
                    row.put(name, v);
                }
            }
            case "decimal" -> {
                BigDecimal v = rs.getBigDecimal(i);
                row.put(name, v == null ? null : v.toPlainString());
            }
            case "boolean" -> {
                boolean v = rs.getBoolean(i);
                if (rs.wasNull()) {
                    row.putNull(name);
                } else {
                    row.put(name, v);
                }
            }
            case "date" -> {
                LocalDate v = rs.getObject(i, LocalDate.class);
                row.put(name, v == null ? null : v.toString());
            }
            case "timestamp" -> {
                OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
                row.put(name, v == null ? null : v.toInstant().toString());
            }
            case "uuid" -> {
                Object v = rs.getObject(i);
                row.put(name, v == null ? null : v.toString());
            }
            default -> row.put(name, rs.getString(i));
        }
    }

    private static void bind(PreparedStatement ps, int i, String kind, JsonNode v) throws SQLException {
        if (v == null || v.isNull()) {
            ps.setObject(i, null);
            return;
        }
        switch (kind) {
            case "integer" -> ps.setLong(i, v.asLong());
            case "decimal" -> ps.setBigDecimal(i, new BigDecimal(v.asText()));
            case "boolean" -> ps.setBoolean(i, v.asBoolean());
            case "date" -> ps.setObject(i, LocalDate.parse(v.asText()));
            case "timestamp" -> ps.setObject(i, Instant.parse(v.asText()).atOffset(ZoneOffset.UTC));
            case "uuid" -> ps.setObject(i, UUID.fromString(v.asText()));
            default -> ps.setString(i, v.asText());
        }
    }

    private static String canonical(ObjectNode row) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        row.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
        ObjectNode out = JSON.createObjectNode();
        sorted.forEach(out::set);
        try {
            return JSON.writeValueAsString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    private static String checkName(String table) {
        Check.that(table != null && table.matches("[a-z_][a-z0-9_]*"), "table", "must be a plain lower-case table name", table);
        return table;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BackofficeException invalid(String file, String what) {
        return CoreErrorCode.STORAGE_EXPORT_INVALID.exception(file, what + " (nothing was imported)", null);
    }
}
