package dev.backoffice.orders;

import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.store.TenantReads;

import java.util.Optional;

/**
 * Reads of one tenant's orders: committed orders through {@link TenantOrderStore#read()}, or, through
 * an {@link OrderTx}, what its transaction sees (its own writes included).
 */
public interface OrderReads extends TenantReads {

    /**
     * The order, if it exists in this tenant.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException if {@code id} is null
     */
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
     * Orders of this tenant by id (oldest first for generated ids), {@code limit} per page.
     *
     * @param cursor where to continue (the {@link Page#nextCursor()} of the previous page), empty to start
     * @param limit  1 to {@link OrderLimits#MAX_PAGE_SIZE}
     */
    Page<Order> list(Optional<String> cursor, int limit);
}
