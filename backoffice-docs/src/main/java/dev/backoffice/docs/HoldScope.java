package dev.backoffice.docs;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;

import java.util.List;
import java.util.Optional;

/**
 * What a legal hold covers: listed documents, every document of an owner, and/or every
 * document a query matches (evaluated at disposal time, so documents ingested after the hold
 * was placed are covered too). A document is covered if any part applies.
 *
 * @param documents listed documents
 * @param owner     every document of this owner
 * @param query     every document this query matches
 */
public record HoldScope(List<DocumentId> documents, Optional<OwnerRef> owner, Optional<DocumentQuery> query) {
    public HoldScope {
        documents = List.copyOf(Check.notNull(documents, "documents"));
        Check.notNull(owner, "owner");
        Check.notNull(query, "query");
        if (documents.isEmpty() && owner.isEmpty() && query.isEmpty()) {
            throw InvalidRequestException.of("scope", "must name documents, an owner or a query", "empty");
        }
    }

    /** These documents. */
    public static HoldScope documents(DocumentId... ids) {
        return new HoldScope(List.of(ids), Optional.empty(), Optional.empty());
    }

    /** Every document of {@code owner}. */
    public static HoldScope owner(OwnerRef owner) {
        return new HoldScope(List.of(), Optional.of(Check.notNull(owner, "owner")), Optional.empty());
    }

    /** Every document {@code query} matches. */
    public static HoldScope query(DocumentQuery query) {
        return new HoldScope(List.of(), Optional.empty(), Optional.of(Check.notNull(query, "query")));
    }

    /** Whether {@code d} is in scope. */
    public boolean covers(Document d) {
        if (documents.contains(d.id())) {
            return true;
        }
        if (owner.isPresent() && d.owners().contains(owner.get())) {
            return true;
        }
        return query.isPresent() && query.get().matches(d);
    }
}
