/**
 * One tenant's data taken away whole: a documented, versioned export format (JSON Lines per table
 * with a manifest of row counts and SHA-256 checksums), its verification, and its import into
 * another database ({@link dev.backoffice.core.export.TenantExport}).
 */
package dev.backoffice.core.export;
