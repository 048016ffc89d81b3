package dev.backoffice.orders;

import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;

import java.util.Optional;

/**
 * The orders of one tenant. Writes are atomic (the whole aggregate or nothing) and versioned:
 * {@link #update(Order)} succeeds only if nobody saved the order since it was read, so of two
 * concurrent transitions on one order exactly one wins and the other gets
 * {@code order.version_conflict} with nothing written.
 *
 * <p>Orders are append-only below the root: lines never change after creation, and payments,
 * shipments, returns, refunds and history only grow. Stores rely on it.
 */
public interface TenantOrderStore {

    /** The tenant this handle reads and writes. */
    TenantId tenant();

    /** The order, if it exists in this tenant. */
    Optional<Order> find(OrderId id);

    /**
     * The order.
     *
     * @throws NotFoundException {@code order.not_found} if it does not exist in this tenant
     */
    default Order get(OrderId id) {
        return find(id).orElseThrow(() -> OrderErrorCode.NOT_FOUND.notFound("order " + id + " not found in tenant " + tenant()));
    }

    /**
     * Stores a new order (version 0) and returns it at version 1.
     *
     * @throws ConflictException {@code order.already_exists} if the id is taken in this tenant
     */
    Order insert(Order order);

    /**
     * Saves {@code order}, read at {@code order.version()}, and returns it at the next version.
     *
     * @throws ConflictException {@code order.version_conflict} if the stored version is no longer
     *                           {@code order.version()}; nothing is written
     * @throws NotFoundException {@code order.not_found} if the order does not exist in this tenant
     */
    Order update(Order order);

    /**
     * Orders of this tenant by id (oldest first for generated ids), {@code limit} per page.
     *
     * @param cursor where to continue (the {@link Page#nextCursor()} of the previous page), empty to start
     * @param limit  1 to 500
     */
    Page<Order> list(Optional<String> cursor, int limit);
}
