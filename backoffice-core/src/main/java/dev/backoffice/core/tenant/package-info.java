/**
 * {@code TenantId}, the scope of every read and write.
 */
package dev.backoffice.core.tenant;
