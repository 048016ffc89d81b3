/**
 * The exception hierarchy ({@code BackofficeException} and its kinds) and the one form of error
 * codes: {@link dev.backoffice.core.error.ErrorCode}, implemented by one enum per domain, and
 * core's own {@link dev.backoffice.core.error.CoreErrorCode}.
 */
package dev.backoffice.core.error;
