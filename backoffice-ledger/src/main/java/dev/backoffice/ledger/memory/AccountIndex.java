package dev.backoffice.ledger.memory;

import dev.backoffice.ledger.AccountId;

import java.util.UUID;

/**
 * Account id to value, open addressing over the id's two longs: a lookup reads one slot of a
 * primitive array and the value, where a {@code ConcurrentHashMap} walks node, key record and
 * UUID. Used by units of work under the tenant's write lock (not thread-safe); lock-free readers
 * use the store's concurrent map.
 */
final class AccountIndex<V> {

    private long[] keys = new long[2 * 64];
    private Object[] values = new Object[64];
    private int size;

    private static int slotOf(long hi, long lo, int mask) {
        long h = (hi ^ lo) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The value of {@code id}, or null. */
    @SuppressWarnings("unchecked")
    V get(AccountId id) {
        UUID u = id.value();
        long hi = u.getMostSignificantBits();
        long lo = u.getLeastSignificantBits();
        int mask = values.length - 1;
        for (int i = slotOf(hi, lo, mask); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[2 * i] == hi && keys[2 * i + 1] == lo) {
                return (V) v;
            }
        }
    }

    /** Maps {@code id} (absent) to {@code value}. */
    void put(AccountId id, V value) {
        if ((size + 1) * 2 > values.length) {
            long[] oldKeys = keys;
            Object[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new Object[oldValues.length * 2];
            for (int i = 0; i < oldValues.length; i++) {
                if (oldValues[i] != null) {
                    insert(oldKeys[2 * i], oldKeys[2 * i + 1], oldValues[i]);
                }
            }
        }
        UUID u = id.value();
        insert(u.getMostSignificantBits(), u.getLeastSignificantBits(), value);
        size++;
    }

    private void insert(long hi, long lo, Object value) {
        int mask = values.length - 1;
        int i = slotOf(hi, lo, mask);
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        keys[2 * i] = hi;
        keys[2 * i + 1] = lo;
        values[i] = value;
    }
}
