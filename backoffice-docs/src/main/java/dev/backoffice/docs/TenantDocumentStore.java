package dev.backoffice.docs;

import java.util.function.Function;

/**
 * One tenant's documents, policies, holds and events in a {@link DocumentStore}. Reads see
 * committed data; writes go through {@link #write(Function)}.
 */
public interface TenantDocumentStore extends DocumentReads {
    /**
     * Runs {@code work} in one transaction and returns its result. If {@code work} throws,
     * nothing it wrote remains. JDBC stores may run {@code work} again after a serialization
     * failure, so it must not have side effects outside the transaction.
     */
    <T> T write(Function<DocumentTx, T> work);
}
