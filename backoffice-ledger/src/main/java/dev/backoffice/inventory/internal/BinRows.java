package dev.backoffice.inventory.internal;

import dev.backoffice.inventory.InventoryErrorCode;
import dev.backoffice.inventory.InventoryTx;
import dev.backoffice.inventory.Location;
import dev.backoffice.inventory.Reservation;
import dev.backoffice.ledger.AccountCounters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The positions of one item that a unit touching bins changes, locked in the documented order (a
 * warehouse's row before its bins' rows, bins in code order, otherwise by code), changed here and
 * written once by {@link #put()}. A warehouse's row counts itself and its bins (on hand,
 * reserved; its debits pending are what of it lies in its bins, see {@link StockCounters}), so
 * what is available to promise at the warehouse is checked on that one row: every unit that
 * changes a warehouse's stock or reservations through a bin locks the warehouse's row too, and a
 * warehouse-level reservation (the hot path) still locks one row only.
 */
final class BinRows {

    private final InventoryTx tx;
    private final String sku;
    private final Map<String, Location> where = new LinkedHashMap<>();
    private final Map<String, AccountCounters> rows = new LinkedHashMap<>();
    private final Set<String> changed = new HashSet<>();
    /** Warehouses whose stock left through one of their bins (a refusal there is {@code reserved_in_warehouse}). */
    private final Set<String> issuedThroughBins = new HashSet<>();

    BinRows(InventoryTx tx, String sku) {
        this.tx = tx;
        this.sku = sku;
    }

    /** The warehouse a location belongs to: its parent for a bin, itself otherwise. */
    static String root(Location l) {
        return l.parent().orElse(l.code());
    }

    /** The locking order: by warehouse (or own code), the warehouse before its bins, then by code. */
    static final Comparator<Location> ORDER = Comparator.comparing(BinRows::root)
            .thenComparing(l -> l.parent().isPresent())
            .thenComparing(Location::code);

    /** Locks the rows of {@code locations} and of the bins' warehouses, in the locking order (rows held already stay). */
    void lock(List<Location> locations) {
        List<Location> all = new ArrayList<>();
        for (Location l : locations) {
            all.add(l);
            if (l.parent().isPresent()) {
                all.add(tx.location(l.parent().get()).orElseThrow());
            }
        }
        all.sort(ORDER);
        for (Location l : all) {
            if (!rows.containsKey(l.code())) {
                where.put(l.code(), l);
                rows.put(l.code(), tx.lockPosition(sku, l.code()));
            }
        }
    }

    /** The counters of a locked row. */
    AccountCounters get(Location l) {
        AccountCounters c = rows.get(l.code());
        if (c == null) {
            throw new IllegalStateException("position " + sku + "/" + l.code() + " was not locked first");
        }
        return c;
    }

    /** The counters of the row of {@code l}'s warehouse (its own row for a location that is not a bin). */
    AccountCounters warehouse(Location l) {
        return rows.get(root(l));
    }

    void set(Location l, AccountCounters c) {
        get(l);
        rows.put(l.code(), c);
        changed.add(l.code());
    }

    private void setCode(String code, AccountCounters c) {
        set(where.get(code), c);
    }

    /**
     * {@code q} moves from {@code src} to {@code dst}, posting as much of {@code reservation} (held
     * in {@code src}, its warehouse or, for a warehouse-level one, the bin's warehouse) if given.
     * A warehouse's row moves when stock enters or leaves the warehouse; its part in bins when a
     * bin of it gives or takes.
     */
    void move(Location src, Location dst, long q, Reservation reservation) {
        String rs = root(src);
        String rd = root(dst);
        if (!rs.equals(rd)) {
            setCode(rs, StockCounters.out(rows.get(rs), q, reservation != null));
            setCode(rd, StockCounters.in(rows.get(rd), q));
        }
        if (src.parent().isPresent()) {
            set(src, StockCounters.out(get(src), q, reservation != null && reservation.location().equals(src.code())));
            setCode(rs, StockCounters.inBins(rows.get(rs), -q));
            if (!rs.equals(rd)) {
                issuedThroughBins.add(rs);
            }
        }
        if (dst.parent().isPresent()) {
            set(dst, StockCounters.in(get(dst), q));
            setCode(rd, StockCounters.inBins(rows.get(rd), q));
        }
    }

    /** Stock of {@code wh} left through its bins because a shipment from the warehouse picked them (not a bin's own movement). */
    void pickedBy(Location wh) {
        issuedThroughBins.remove(wh.code());
    }

    /** {@code q} more reserved (negative: released) in {@code at}, and in its warehouse's row if it is a bin. */
    void reserve(Location at, long q) {
        set(at, StockCounters.reserve(get(at), q));
        if (at.parent().isPresent()) {
            setCode(root(at), StockCounters.reserve(rows.get(root(at)), q));
        }
    }

    /**
     * Fails unless every changed row keeps its location's limits: bins first (their own stock and
     * reservations), then the rest; a warehouse that stock left through a bin and whose
     * reservations would no longer be covered is {@link InventoryErrorCode#RESERVED_IN_WAREHOUSE}.
     */
    void check(String field) {
        for (String code : changed) {
            if (where.get(code).parent().isPresent()) {
                StockCounters.check(where.get(code), rows.get(code), sku, field);
            }
        }
        for (String code : changed) {
            Location l = where.get(code);
            if (l.parent().isPresent()) {
                continue;
            }
            AccountCounters c = rows.get(code);
            if (issuedThroughBins.contains(code) && !l.negativeAllowed() && StockCounters.direct(c) >= 0 && StockCounters.available(c) < 0) {
                throw InventoryErrorCode.RESERVED_IN_WAREHOUSE.rule(field + ": " + sku + " in " + code + " would be short by "
                        + -StockCounters.available(c) + " minor units of what its reservations hold (on hand in it and its bins "
                        + StockCounters.onHand(c) + ", reserved " + c.creditsPending() + ")");
            }
            StockCounters.check(l, c, sku, field);
        }
    }

    /** Writes the changed rows (to the unit's transaction). */
    void put() {
        for (String code : changed) {
            tx.putPosition(sku, code, rows.get(code));
        }
        changed.clear();
    }
}
