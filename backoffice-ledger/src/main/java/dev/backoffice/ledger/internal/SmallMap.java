package dev.backoffice.ledger.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map over two arrays, searched linearly, identity first: the accounts of one entry
 * (two, sometimes a handful) are looked up many times per post, nearly always with the very key
 * instances the map was built from, and a scan of two references beats hashing a UUID-backed
 * record. Larger maps are ordinary {@link HashMap}s. Not API.
 */
public final class SmallMap<K, V> extends AbstractMap<K, V> {

    /** Above this many keys {@link #of} builds a {@link HashMap} instead. */
    static final int MAX_LINEAR = 8;

    private final Object[] keys;
    private final Object[] values;
    private final int size;

    private SmallMap(Object[] keys, Object[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    /**
     * The first {@code size} pairs of {@code keys} and {@code values} (distinct, non-null keys) as
     * a map. Takes ownership of the arrays: the caller must not change them afterwards.
     */
    public static <K, V> Map<K, V> of(K[] keys, V[] values, int size) {
        if (size > MAX_LINEAR) {
            Map<K, V> m = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                m.put(keys[i], values[i]);
            }
            return m;
        }
        return new SmallMap<>(keys, values, size);
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<K, V> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>((K) keys[i], (V) values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(java.util.function.BiConsumer<? super K, ? super V> action) {
        for (int i = 0; i < size; i++) {
            action.accept((K) keys[i], (V) values[i]);
        }
    }
}
