package dev.backoffice.core.export;

import java.util.List;
import java.util.Map;

/**
 * The manifest of one module's export of one tenant ({@code manifest.json} beside the table files).
 *
 * @param format     always {@link TenantExport#FORMAT}
 * @param version    the format version, {@link TenantExport#VERSION}; a reader refuses a newer one
 * @param tenant     the tenant exported (every row of every file has this {@code tenant_id})
 * @param module     the SDK module ({@code ledger}, {@code core} for the audit log, ...)
 * @param exportedAt when the snapshot was read (ISO-8601 instant, UTC)
 * @param tables     one entry per table, in the order they are imported
 */
public record ExportManifest(String format, int version, String tenant, String module, String exportedAt, List<Table> tables) {

    /**
     * One table's file.
     *
     * @param table   the table name
     * @param file    the file name, {@code <table>.jsonl}
     * @param rows    how many lines (rows) the file holds
     * @param sha256  the SHA-256 of the file's bytes, lower-case hex
     * @param columns column name to its kind in the file: {@code string}, {@code integer},
     *                {@code decimal} (a JSON string, exact), {@code boolean}, {@code uuid},
     *                {@code date} ({@code yyyy-MM-dd}), {@code timestamp} (ISO-8601 instant, UTC)
     */
    public record Table(String table, String file, long rows, String sha256, Map<String, String> columns) {
    }
}
