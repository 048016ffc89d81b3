package dev.backoffice.ledger.memory;

import java.util.Arrays;

/**
 * Growable arrays made of fixed-size chunks, for columns that only grow. Growing never copies
 * the data (only the small array of chunk references), so a journal of millions of entries
 * allocates each byte once, and the collector never meets a half-garbage doubled copy. The first
 * chunk starts small and doubles up to the chunk size, so a tenant with ten entries costs
 * bytes, not a chunk. Not thread-safe.
 */
abstract class Chunks<A> {

    static final int SHIFT = 13;
    static final int SIZE = 1 << SHIFT;
    static final int MASK = SIZE - 1;

    /** The chunks; chunk 0 may be shorter than {@link #SIZE} while it is the only one. */
    Object[] chunks;

    Chunks() {
        chunks = new Object[] {allocate(16)};
    }

    abstract A allocate(int length);

    abstract A resize(A chunk, int length);

    abstract int length(A chunk);

    /** The chunk that holds index {@code i}, created if needed. */
    @SuppressWarnings("unchecked")
    final A chunkFor(int i) {
        int c = i >>> SHIFT;
        if (c == 0) {
            A first = (A) chunks[0];
            int length = length(first);
            if (i >= length) {
                int n = length;
                while (n <= i) {
                    n *= 2;
                }
                first = resize(first, Math.min(n, SIZE));
                chunks[0] = first;
            }
            return first;
        }
        if (length((A) chunks[0]) < SIZE) {
            chunks[0] = resize((A) chunks[0], SIZE);
        }
        if (c >= chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
        }
        if (chunks[c] == null) {
            chunks[c] = allocate(SIZE);
        }
        return (A) chunks[c];
    }

    /** A growable {@code long} array. */
    static final class Longs extends Chunks<long[]> {

        long get(int i) {
            return ((long[]) chunks[i >>> SHIFT])[i & MASK];
        }

        void set(int i, long value) {
            Object[] cs = chunks;
            int c = i >>> SHIFT;
            if (c < cs.length && cs[c] != null) {
                long[] chunk = (long[]) cs[c];
                int at = i & MASK;
                if (at < chunk.length) {
                    chunk[at] = value;
                    return;
                }
            }
            chunkFor(i)[i & MASK] = value;
        }

        @Override
        long[] allocate(int length) {
            return new long[length];
        }

        @Override
        long[] resize(long[] chunk, int length) {
            return Arrays.copyOf(chunk, length);
        }

        @Override
        int length(long[] chunk) {
            return chunk.length;
        }
    }

    /** A growable array of references. */
    static final class Refs<T> extends Chunks<Object[]> {

        @SuppressWarnings("unchecked")
        T get(int i) {
            return (T) ((Object[]) chunks[i >>> SHIFT])[i & MASK];
        }

        void set(int i, T value) {
            Object[] cs = chunks;
            int c = i >>> SHIFT;
            if (c < cs.length && cs[c] != null) {
                Object[] chunk = (Object[]) cs[c];
                int at = i & MASK;
                if (at < chunk.length) {
                    chunk[at] = value;
                    return;
                }
            }
            chunkFor(i)[i & MASK] = value;
        }

        @Override
        Object[] allocate(int length) {
            return new Object[length];
        }

        @Override
        Object[] resize(Object[] chunk, int length) {
            return Arrays.copyOf(chunk, length);
        }

        @Override
        int length(Object[] chunk) {
            return chunk.length;
        }
    }
}
