package dev.backoffice.inventory;

import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One tenant's stock ledger: the whole API. Obtain it from {@link Inventory#forTenant}.
 * Thread-safe.
 *
 * <h2>What a failure means</h2>
 * Every write is atomic and ends in exactly one of three ways:
 * <ul>
 *   <li><b>done</b>: it returns its result, which is stored, with its journal entry;</li>
 *   <li><b>not done</b>: it throws a {@link dev.backoffice.core.error.BackofficeException} whose
 *       code is one of {@link InventoryErrorCode} (or a ledger, request or storage code);
 *       nothing of it is stored;</li>
 *   <li><b>outcome unknown</b> ({@code storage.outcome_unknown}): rare, because every write is
 *       given its identity (operation or reservation id) before its first attempt, and a lost
 *       commit acknowledgement is resolved by running the write again with it, which finds what
 *       was stored. Repeating the request with the same id is always safe.</li>
 * </ul>
 * An operation and its journal entry commit in one transaction when the inventory store and the
 * ledger's store share a data source (or are both in memory).
 */
public interface TenantInventory {

    /** The tenant. */
    TenantId tenant();

    // ---- master data

    /** Defines an item. Idempotent: the same definition again returns it; another under a taken SKU is {@link InventoryErrorCode#ITEM_EXISTS}. */
    Item defineItem(Item item);

    /** The item with {@code sku}; {@link InventoryErrorCode#ITEM_NOT_FOUND} if none. */
    Item item(String sku);

    /** Every item, by SKU. */
    List<Item> items();

    /**
     * Defines a location (a bin's warehouse must exist). Idempotent like {@link #defineItem};
     * {@link InventoryErrorCode#LOCATION_EXISTS} for another definition under a taken code.
     */
    Location defineLocation(Location location);

    /** The location with {@code code}; {@link InventoryErrorCode#LOCATION_NOT_FOUND} if none. */
    Location location(String code);

    /** Every location, by code. */
    List<Location> locations();

    // ---- movements

    /**
     * Moves stock as {@code request} says, values it, and posts the value to the ledger, in one
     * transaction. Idempotent by the operation's id (the same id again returns the stored
     * operation).
     */
    StockOperation move(StockRequest request);

    /** Records a stock count and posts the difference to or from the loss location. Idempotent by id. */
    StockOperation count(StockCount count);

    /** The operation with {@code id}; {@link InventoryErrorCode#OPERATION_NOT_FOUND} if none. */
    StockOperation operation(OperationId id);

    /**
     * The operations of {@code sku} (its stock card), by date, then in the order recorded: the
     * first page without a cursor, the next with the page's {@link Page#nextCursor()}. A cursor is
     * signed for this tenant and item: one edited, of another tenant or another item is
     * {@code page.invalid_cursor}. Operations recorded meanwhile with a later date appear on later
     * pages; a back-dated one recorded meanwhile before the cursor does not.
     *
     * @param pageSize 1..{@value InventoryLimits#MAX_PAGE_SIZE}
     */
    Page<StockOperation> operations(String sku, Optional<String> cursor, int pageSize);

    /**
     * Corrects a receipt's cost later (landed cost, price correction), in one transaction with its
     * journal entry: what of the receipt is still on hand is revalued (FIFO: its layer's remaining
     * quantity; moving average: the item's average, for as much of the receipt as the item still
     * holds), the part already consumed goes to cost of goods sold. Returns an operation of kind
     * {@link MoveKind#COST_CORRECTION}. Idempotent by its id. Fails with
     * {@link InventoryErrorCode#OPERATION_NOT_FOUND} (field {@code receipt}),
     * {@link InventoryErrorCode#INVALID_CORRECTION}, {@link InventoryErrorCode#INVALID_COST} (another
     * currency), {@link InventoryErrorCode#NEGATIVE_VALUE} or {@link InventoryErrorCode#PERIOD_CLOSED},
     * writing nothing.
     */
    StockOperation correctCost(CostCorrection correction);

    // ---- reservations

    /**
     * Reserves stock: fails with {@link InventoryErrorCode#INSUFFICIENT_AVAILABLE} unless the
     * quantity is available to promise, whatever the concurrency. Idempotent by the reservation's id.
     */
    Reservation reserve(NewReservation request);

    /** Releases what a reservation still holds; releasing a released one returns it unchanged. */
    Reservation release(ReservationId id);

    /**
     * Releases what reservation {@code id} still holds beyond {@code keep} (an order line reduced
     * to {@code keep}); the rest stays reserved, open, and {@link Reservation#released()} counts
     * what was released. Given as what to keep, not what to release, so that a repeat (a rerun
     * after a lost commit acknowledgement, or the caller's retry) releases nothing more: holding
     * {@code keep} or less already (shipped meanwhile, say) it returns the reservation unchanged.
     * {@code keep} zero releases it in full, as {@link #release}. A reservation released or expired
     * returns unchanged; one shipped in full is {@link InventoryErrorCode#RESERVATION_CLOSED}; a
     * negative {@code keep} or one with more decimals than the unit allows is
     * {@link InventoryErrorCode#INVALID_QUANTITY} (field {@code keep}).
     */
    Reservation releaseDownTo(ReservationId id, BigDecimal keep);

    /**
     * Releases up to {@value InventoryLimits#MAX_SWEEP} open reservations that have expired, and
     * returns them (call again while it returns a full list).
     */
    List<Reservation> expireReservations();

    /** The reservation with {@code id}; {@link InventoryErrorCode#RESERVATION_NOT_FOUND} if none. */
    Reservation reservation(ReservationId id);

    // ---- reports

    /** On hand, reserved and available of {@code sku} in {@code location}. */
    StockLevel level(String sku, String location);

    /** On hand of {@code sku} in {@code location} (a decimal of its unit). */
    default BigDecimal onHand(String sku, String location) {
        return level(sku, location).onHand();
    }

    /** The lots of {@code sku} with stock in {@code location}. */
    List<LotBalance> lots(String sku, String location);

    /** The valuation report as of the end of {@code asOf}. */
    Valuation valuation(LocalDate asOf);

    /**
     * Closes every period through {@code through} (audited as done by {@code actor}): movements
     * dated then are refused from now on with {@link InventoryErrorCode#PERIOD_CLOSED}. A period
     * is never reopened; closing an earlier day than the last closed one changes nothing.
     */
    void closePeriod(LocalDate through, String actor);

    /** The last closed day, if any. */
    Optional<LocalDate> closedThrough();
}
