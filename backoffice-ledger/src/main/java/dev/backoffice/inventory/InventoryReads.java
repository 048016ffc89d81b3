package dev.backoffice.inventory;

import dev.backoffice.core.store.TenantReads;
import dev.backoffice.ledger.AccountCounters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reads of one tenant's stock (committed data through {@link TenantInventoryStore#read()}, or a
 * transaction's own view).
 *
 * <p>The counters of an item in a location are the ledger's {@link AccountCounters}, read as a
 * stock account: debits posted = moved in, credits posted = moved out, credits pending =
 * reserved (debits pending unused). On hand is debits minus credits posted; available to promise
 * is on hand minus credits pending.
 */
public interface InventoryReads extends TenantReads {

    /** The item with {@code sku}. */
    Optional<Item> item(String sku);

    /** Every item, by SKU. */
    List<Item> items();

    /** The location with {@code code}. */
    Optional<Location> location(String code);

    /** Every location, by code. */
    List<Location> locations();

    /**
     * The counters of {@code sku} in {@code location} ({@link AccountCounters#ZERO} if it never moved there). A
     * warehouse's counters are over the warehouse and its bins, and their debits pending are the part of its on
     * hand that lies in its bins; a bin's and every other location's debits pending are zero.
     */
    AccountCounters position(String sku, String location);

    /** The lots of {@code sku} in {@code location} whose balance is not zero, by lot. */
    List<LotBalance> lots(String sku, String location);

    /** What is on hand of lot (serial) {@code lot} of {@code sku} over every internal location. */
    long lotInStock(String sku, String lot);

    /** The operation with {@code id}. */
    Optional<StockOperation> operation(OperationId id);

    /**
     * Up to {@code limit} operations of {@code sku} in the order of (date, recorded at, id), those
     * after operation {@code after} (an operation of {@code sku}) if given.
     */
    List<StockOperation> operations(String sku, Optional<OperationId> after, int limit);

    /** The reservation with {@code id}. */
    Optional<Reservation> reservation(ReservationId id);

    /** Up to {@code limit} open reservations that expired at or before {@code now}, by expiry. */
    List<Reservation> expired(Instant now, int limit);

    /** Up to {@code limit} open reservations of {@code sku} in {@code location} that expired at or before {@code now}. */
    List<Reservation> expiredAt(String sku, String location, Instant now, int limit);

    /** The item's current cost ({@link ItemCost#ZERO} if none). */
    ItemCost cost(String sku);

    /** The item's FIFO layers with something left, oldest first. */
    List<CostLayer> layers(String sku);

    /** The last day of the closed period, if any period is closed. */
    Optional<LocalDate> closedThrough();

    /** Per item, the sums of the quantity and value deltas of operations dated on or before {@code asOf}, by SKU. */
    List<ValuationRow> valuation(LocalDate asOf);
}
