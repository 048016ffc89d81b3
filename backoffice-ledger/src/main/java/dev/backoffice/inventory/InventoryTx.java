package dev.backoffice.inventory;

import dev.backoffice.ledger.AccountCounters;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One transaction of a {@link TenantInventoryStore}: reads see its own writes, and every row it
 * locks stays locked until the commit. Writes check nothing but the keys: the rules are the
 * caller's.
 *
 * <p>Locking order (so that no two transactions deadlock): the reservation, then the item's cost,
 * then positions in location-code order, except that a bin's row comes right after its
 * warehouse's row (ordered by the warehouse's code, the warehouse before its bins, bins by code;
 * for locations that are not bins this is code order), then whatever an enclosing unit locks
 * after them (the ledger's rows). A warehouse's row counts the warehouse and its bins (its
 * debits pending are the part in its bins): every unit that changes a bin's stock or
 * reservations also changes, so locks, its warehouse's row. Three rare paths lock after that
 * order (a reservation releasing lapsed holds, a count releasing the holds it no longer covers,
 * a shipment from a warehouse picking its bins after the warehouse's and the customer's rows);
 * a deadlock they cause is retried like any other. Lots and layers are only touched by a unit
 * holding the item's cost or position locks, which serialise them.
 */
public interface InventoryTx extends InventoryReads {

    /** Stores a new item; false (and nothing written) if its SKU is taken. */
    boolean insertItem(Item item);

    /** Stores a new location; false (and nothing written) if its code is taken. */
    boolean insertLocation(Location location);

    /** The counters of {@code sku} in {@code location}, locked until the commit (created at zero if absent). */
    AccountCounters lockPosition(String sku, String location);

    /** Replaces the counters of a position this transaction locked. */
    void putPosition(String sku, String location, AccountCounters counters);

    /** Creates or replaces the lot balance with its key (sku, location, lot). */
    void putLot(LotBalance lot);

    /** Stores a new operation with its moves; false (and nothing written) if its id is taken. */
    boolean insertOperation(StockOperation operation);

    /** Stores a new reservation (version 1); false (and nothing written) if its id is taken. */
    boolean insertReservation(Reservation reservation);

    /**
     * Stores a new reservation (version 1) whose id is fresh: generated for this first attempt,
     * so nobody can have stored it. Unlike {@link #insertReservation} nothing is asked back, so a
     * store may send it with the unit's other writes at the end of the unit (the JDBC store sends
     * a group's reservations in one batch); reads of reservations in the same unit still see it.
     * A taken id fails the unit (never silently).
     */
    default void insertFreshReservation(Reservation reservation) {
        if (!insertReservation(reservation)) {
            throw new IllegalStateException("reservation " + reservation.id() + " is stored already: its id was not fresh");
        }
    }

    /** The reservation with {@code id}, locked until the commit. */
    Optional<Reservation> lockReservation(ReservationId id);

    /**
     * Replaces the stored reservation, whose version must be {@code reservation.version() - 1}.
     *
     * @throws IllegalStateException otherwise
     */
    void updateReservation(Reservation reservation);

    /** The item's cost, locked until the commit. */
    ItemCost lockCost(String sku);

    /** Replaces the item's cost (the caller holds its lock). */
    void putCost(String sku, ItemCost cost);

    /** Creates or replaces a FIFO layer; one with nothing left is removed. */
    void putLayer(CostLayer layer);

    /** Records that FIFO receipt {@code receipt} opened layer {@code sequence} (what a later cost correction revalues). */
    void putReceiptLayer(OperationId receipt, long sequence);

    /** The FIFO layer receipt {@code receipt} opened, if it opened one. */
    OptionalLong receiptLayer(OperationId receipt);

    /** Closes every period through {@code date}. */
    void closeThrough(LocalDate date);
}
