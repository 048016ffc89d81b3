package dev.backoffice.orders;

import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.NotFoundException;

/**
 * The write unit of {@link TenantOrderStore#write}: inserts and updates that land together when
 * the unit's work returns, or not at all when it throws. Its reads see its own writes. Valid only
 * inside the work it was given to.
 */
public interface OrderTx extends OrderReads {

    /**
     * Stores a new order (version 0) and returns it at version 1.
     *
     * @throws ConflictException {@code order.already_exists} if the id is taken in this tenant
     * @throws dev.backoffice.core.error.InvalidRequestException if the order belongs to another
     *         tenant or its version is not 0
     */
    Order insert(Order order);

    /**
     * Saves {@code order}, read at {@code order.version()}, and returns it at the next version.
     * On a JDBC store the order's row stays locked until the unit commits.
     *
     * @throws ConflictException {@code order.version_conflict} if the stored version is no longer
     *                           {@code order.version()}
     * @throws NotFoundException {@code order.not_found} if the order does not exist in this tenant
     * @throws dev.backoffice.core.error.InvalidRequestException if the order belongs to another
     *         tenant; the JDBC store also refuses an order with fewer payments, refunds,
     *         shipments, returns or history entries than stored (children are append-only)
     */
    Order update(Order order);
}
