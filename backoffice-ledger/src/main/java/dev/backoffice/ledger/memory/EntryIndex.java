package dev.backoffice.ledger.memory;

import dev.backoffice.ledger.EntryId;

import java.util.UUID;

/**
 * Entry id to journal position, open addressing over primitive arrays. Unlike a
 * {@code HashMap<EntryId, ...>} it allocates nothing per entry and resizes without touching
 * any object, which matters at millions of entries. Not thread-safe (guarded by the tenant lock).
 */
final class EntryIndex {

    private long[] msb = new long[64];
    private long[] lsb = new long[64];
    private int[] positions = new int[64]; // position + 1; 0 marks an empty slot
    private int size;

    private static int hash(long hi, long lo) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo;
        h ^= h >>> 32;
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /** The journal position of {@code id}, or -1. */
    int get(EntryId id) {
        UUID u = id.value();
        long hi = u.getMostSignificantBits();
        long lo = u.getLeastSignificantBits();
        int mask = positions.length - 1;
        for (int i = hash(hi, lo) & mask; ; i = (i + 1) & mask) {
            int p = positions[i];
            if (p == 0) {
                return -1;
            }
            if (msb[i] == hi && lsb[i] == lo) {
                return p - 1;
            }
        }
    }

    /** Maps {@code id} to {@code position} (the id must not be present). */
    void put(EntryId id, int position) {
        if ((size + 1) * 2 > positions.length) {
            grow();
        }
        UUID u = id.value();
        insert(u.getMostSignificantBits(), u.getLeastSignificantBits(), position + 1);
        size++;
    }

    private void insert(long hi, long lo, int p) {
        int mask = positions.length - 1;
        int i = hash(hi, lo) & mask;
        while (positions[i] != 0) {
            i = (i + 1) & mask;
        }
        msb[i] = hi;
        lsb[i] = lo;
        positions[i] = p;
    }

    private void grow() {
        long[] oldHi = msb;
        long[] oldLo = lsb;
        int[] oldP = positions;
        int n = oldP.length * 2;
        msb = new long[n];
        lsb = new long[n];
        positions = new int[n];
        for (int i = 0; i < oldP.length; i++) {
            if (oldP[i] != 0) {
                insert(oldHi[i], oldLo[i], oldP[i]);
            }
        }
    }
}
