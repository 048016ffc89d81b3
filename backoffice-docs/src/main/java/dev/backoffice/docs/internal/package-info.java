/**
 * The archive's machinery behind {@link dev.backoffice.docs.TenantArchive}: one collaborator per
 * job (policies, ingest, holds, disposition, retention changes, deletion, erasure), and
 * {@link dev.backoffice.docs.internal.RemovalGuard}, the one place where a document is removed
 * and the one check every removal passes. Not API: may change in any release; nothing outside
 * the docs module may use it (an architecture test enforces it).
 */
package dev.backoffice.docs.internal;
