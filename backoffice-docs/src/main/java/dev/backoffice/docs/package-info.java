/**
 * The document archive (public API): documents, versions, legal holds, dispositions and erasure
 * through {@code Archive} and {@code TenantArchive}, the {@code DocumentStore} SPI and the error
 * codes ({@link dev.backoffice.docs.DocsErrorCode}).
 */
package dev.backoffice.docs;
