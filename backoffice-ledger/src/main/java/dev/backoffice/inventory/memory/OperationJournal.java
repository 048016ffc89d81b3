package dev.backoffice.inventory.memory;

import dev.backoffice.inventory.OperationId;
import dev.backoffice.inventory.StockOperation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One tenant's operations in recording order, found by id without a hash entry per operation
 * (the idea of the ledger's in-memory journal): generated ids are UUIDv7, increasing in one JVM,
 * so nearly every operation's id is greater than every id before it. Those positions are
 * appended to {@code ordered} (sorted by id, searched by bisection), which costs nothing to
 * keep and answers "is this new id taken?" with one comparison against the greatest id; the
 * rest (ids supplied by callers out of order) go to a small hash map. Operations are held in
 * fixed-size chunks, so growing never copies them and the collector never meets a doubled
 * table of millions of entries. Not thread-safe (the store's monitor guards it).
 */
final class OperationJournal {

    private static final int SHIFT = 12;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private StockOperation[][] operations = new StockOperation[4][];
    private int size;
    private int[][] ordered = new int[4][];
    private int orderedSize;
    private UUID greatest;
    private final Map<OperationId, Integer> unordered = new HashMap<>();

    /** How many operations there are. */
    int size() {
        return size;
    }

    /** The operation at {@code position} (0 is the first recorded). */
    StockOperation get(int position) {
        return operations[position >>> SHIFT][position & MASK];
    }

    /** The operation with {@code id}, or null. */
    StockOperation find(OperationId id) {
        UUID u = id.value();
        if (greatest == null || compare(u, greatest) > 0) {
            return null; // greater than every id so far (ids in 'unordered' are below the greatest too)
        }
        int low = 0;
        int high = orderedSize - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            StockOperation op = get(ordered[mid >>> SHIFT][mid & MASK]);
            int c = compare(u, op.id().value());
            if (c == 0) {
                return op;
            }
            if (c > 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        Integer p = unordered.isEmpty() ? null : unordered.get(id);
        return p == null ? null : get(p);
    }

    /** Appends {@code op}, whose id is not taken. */
    void append(StockOperation op) {
        int p = size++;
        operations = place(operations, p);
        operations[p >>> SHIFT][p & MASK] = op;
        UUID u = op.id().value();
        if (greatest == null || compare(u, greatest) > 0) {
            int o = orderedSize++;
            if (o >>> SHIFT >= ordered.length) {
                ordered = Arrays.copyOf(ordered, ordered.length * 2);
            }
            if (ordered[o >>> SHIFT] == null) {
                ordered[o >>> SHIFT] = new int[CHUNK];
            }
            ordered[o >>> SHIFT][o & MASK] = p;
            greatest = u;
        } else {
            unordered.put(op.id(), p);
        }
    }

    private static StockOperation[][] place(StockOperation[][] chunks, int p) {
        int c = p >>> SHIFT;
        StockOperation[][] out = c >= chunks.length ? Arrays.copyOf(chunks, chunks.length * 2) : chunks;
        if (out[c] == null) {
            out[c] = new StockOperation[CHUNK];
        }
        return out;
    }

    /** UUIDs as unsigned 128-bit numbers (UUIDv7 order is time order). */
    private static int compare(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
