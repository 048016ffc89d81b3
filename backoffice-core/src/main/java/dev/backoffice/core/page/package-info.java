/**
 * Keyset paging: {@code Page} and the signed, tenant-scoped cursors of {@code CursorSigner}.
 */
package dev.backoffice.core.page;
