package dev.backoffice.core.page;

import dev.backoffice.core.validation.Check;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing, and the opaque cursor to the next one.
 *
 * <p>Cursors are stable: they encode the position after the last item (e.g. its key), not an
 * offset, so rows inserted meanwhile neither repeat nor skip items of an ongoing walk. A listing
 * that must not trust what comes back (a cursor carrying figures, or one that must not work for
 * another tenant or other arguments) signs it with {@link CursorSigner}.
 *
 * @param items      the items of this page, in the listing's order
 * @param nextCursor where the next page starts; empty on the last page
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(Check.notNull(items, "items"));
        Check.notNull(nextCursor, "nextCursor");
    }

    /** The last page. */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

    /** A page followed by more, starting at {@code nextCursor}. */
    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(items, Optional.of(Check.notBlank(nextCursor, "nextCursor")));
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }
}
