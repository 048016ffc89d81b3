package dev.backoffice.docs;

import dev.backoffice.core.store.TenantStore;

/**
 * One tenant's documents, policies, holds and events in a {@link DocumentStore}:
 * {@link #read()} reads committed data, {@link #write(java.util.function.Function)} runs its
 * work in one transaction through a {@link DocumentTx}. The rules are those of
 * {@link TenantStore}; in particular a JDBC store may run the work again after a serialization
 * failure, so it must not have side effects outside the transaction, and a write whose commit
 * outcome is unknown is reported as {@code storage.outcome_unknown} (archive writes have no
 * identity the store could look up; an ingest is safe to repeat).
 */
public interface TenantDocumentStore extends TenantStore<DocumentReads, DocumentTx> {
}
