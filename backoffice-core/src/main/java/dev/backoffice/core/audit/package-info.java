/**
 * The append-only, hash-chained audit log ({@code AuditLog}, {@code verify()}) with in-memory and
 * JDBC stores.
 */
package dev.backoffice.core.audit;
