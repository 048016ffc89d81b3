package dev.backoffice.payroll.internal;

import dev.backoffice.core.validation.Check;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map from keys to longs, iterated in key order, stored as two arrays: payslips
 * carry two of them (year to date and its delta), so 100,000 payslips cost 200,000 small
 * objects instead of millions of tree nodes and boxes.
 */
public final class LongMap extends AbstractMap<String, Long> {
    private final String[] keys;
    private final long[] values;

    private LongMap(String[] keys, long[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** An immutable copy of {@code map} (the same instance if it already is one). */
    public static LongMap copyOf(Map<String, Long> map) {
        if (map instanceof LongMap s) {
            return s;
        }
        String[] k = new String[map.size()];
        int i = 0;
        for (Map.Entry<String, Long> e : map.entrySet()) {
            k[i++] = Check.notNull(e.getKey(), "key");
            Check.notNull(e.getValue(), "value");
        }
        Arrays.sort(k);
        long[] v = new long[k.length];
        for (int j = 0; j < k.length; j++) {
            v[j] = map.get(k[j]);
        }
        return new LongMap(k, v);
    }

    /** The empty map. */
    public static final LongMap EMPTY = new LongMap(new String[0], new long[0]);

    /** {@code base + delta}, key by key (a new map; both inputs unchanged). */
    public static LongMap plus(Map<String, Long> base, Map<String, Long> delta) {
        LongMap a = copyOf(base);
        LongMap b = copyOf(delta);
        String[] k = new String[a.keys.length + b.keys.length];
        long[] v = new long[k.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.keys.length || j < b.keys.length) {
            int c = i >= a.keys.length ? 1 : j >= b.keys.length ? -1 : a.keys[i].compareTo(b.keys[j]);
            if (c < 0) {
                k[n] = a.keys[i];
                v[n++] = a.values[i++];
            } else if (c > 0) {
                k[n] = b.keys[j];
                v[n++] = b.values[j++];
            } else {
                k[n] = a.keys[i];
                v[n++] = dev.backoffice.core.money.MoneyMath.addExact(a.values[i++], b.values[j++]);
            }
        }
        return new LongMap(n == k.length ? k : Arrays.copyOf(k, n), n == v.length ? v : Arrays.copyOf(v, n));
    }

    /** A map of {@code keys} (distinct) to {@code values}, taking ownership of both arrays. */
    public static LongMap of(String[] keys, long[] values, int size) {
        String[] k = Arrays.copyOf(keys, size);
        long[] v = Arrays.copyOf(values, size);
        // insertion sort: a payslip has a dozen keys
        for (int i = 1; i < size; i++) {
            String key = k[i];
            long val = v[i];
            int j = i - 1;
            while (j >= 0 && k[j].compareTo(key) > 0) {
                k[j + 1] = k[j];
                v[j + 1] = v[j];
                j--;
            }
            k[j + 1] = key;
            v[j + 1] = val;
        }
        for (int i = 1; i < size; i++) {
            if (k[i].equals(k[i - 1])) {
                throw new IllegalArgumentException("duplicate key " + k[i]);
            }
        }
        return new LongMap(k, v);
    }

    /** The value of {@code key}, or {@code fallback}, without boxing. */
    public long getOrDefault(String key, long fallback) {
        int i = Arrays.binarySearch(keys, key);
        return i < 0 ? fallback : values[i];
    }

    @Override
    public Long get(Object key) {
        if (!(key instanceof String s)) {
            return null;
        }
        int i = Arrays.binarySearch(keys, s);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String s && Arrays.binarySearch(keys, s) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Entry<String, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Long>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < keys.length;
                    }

                    @Override
                    public Entry<String, Long> next() {
                        if (i >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Long> e = new SimpleImmutableEntry<>(keys[i], values[i]);
                        i++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
