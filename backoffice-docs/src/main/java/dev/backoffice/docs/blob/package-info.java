/**
 * Content storage by SHA-256: the {@code BlobStore} SPI with filesystem (atomic write, fsync) and
 * in-memory stores, verified on read.
 */
package dev.backoffice.docs.blob;
