package dev.backoffice.docs.internal;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.id.Ids;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.DocumentQuery;
import dev.backoffice.docs.DocumentReads;
import dev.backoffice.docs.Lifecycle;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The paged listings: search, due for disposition, the review queue. A cursor is the position
 * of the last item shown (an id, or retain-until and id); it is not signed because it carries
 * nothing but a position in the caller's own tenant, and every read is scoped to that tenant.
 */
final class Listings {

    private static final int MAX_LIMIT = 1000;

    private final TenantContext ctx;

    Listings(TenantContext ctx) {
        this.ctx = ctx;
    }

    Page<Document> search(DocumentQuery query, Optional<String> cursor, int limit) {
        Check.notNull(query, "query");
        checkLimit(limit);
        Optional<DocumentId> after = Check.notNull(cursor, "cursor").map(c -> new DocumentId(Ids.parse(c, "cursor")));
        List<Document> items = ctx.store.read().search(query, after, limit + 1);
        return paged(items, limit, d -> d.id().toString());
    }

    Page<Document> dueForDisposition(LocalDate asOf, Optional<String> cursor, int limit) {
        Check.notNull(asOf, "asOf");
        checkLimit(limit);
        Optional<DocumentReads.DueCursor> after = Check.notNull(cursor, "cursor").map(Listings::parseDueCursor);
        List<Document> items = ctx.store.read().due(asOf, after, limit + 1);
        return paged(items, limit, d -> d.retainUntil().orElseThrow() + "/" + d.id());
    }

    Page<Document> reviewQueue(Optional<String> cursor, int limit) {
        checkLimit(limit);
        Optional<DocumentId> after = Check.notNull(cursor, "cursor").map(DocumentId::parse);
        return paged(ctx.store.read().inState(Lifecycle.REVIEW, after, limit + 1), limit, d -> d.id().toString());
    }

    private static void checkLimit(int limit) {
        Check.that(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be 1 to " + MAX_LIMIT, limit);
    }

    private static DocumentReads.DueCursor parseDueCursor(String c) {
        int slash = c.indexOf('/');
        try {
            return new DocumentReads.DueCursor(LocalDate.parse(c.substring(0, slash)), DocumentId.parse(c.substring(slash + 1)));
        } catch (RuntimeException e) {
            throw InvalidRequestException.of("cursor", "is not a cursor of this listing", c);
        }
    }

    private static <T> Page<T> paged(List<T> items, int limit, Function<T, String> key) {
        if (items.size() > limit) {
            List<T> page = items.subList(0, limit);
            return Page.of(page, key.apply(page.get(limit - 1)));
        }
        return Page.last(items);
    }
}
