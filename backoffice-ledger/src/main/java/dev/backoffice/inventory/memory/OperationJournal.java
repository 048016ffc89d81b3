package dev.backoffice.inventory.memory;

import dev.backoffice.inventory.Location;
import dev.backoffice.inventory.MoveKind;
import dev.backoffice.inventory.OperationId;
import dev.backoffice.inventory.StockMove;
import dev.backoffice.inventory.StockOperation;
import dev.backoffice.inventory.ValuationRow;
import dev.backoffice.ledger.EntryId;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * One tenant's operations in recording order, found by id without a hash entry per operation
 * (the idea of the ledger's in-memory journal): generated ids are UUIDv7, increasing in one JVM,
 * so nearly every operation's id is greater than every id before it. Those positions are
 * appended to {@code ordered} (sorted by id, searched by bisection), which costs nothing to
 * keep and answers "is this new id taken?" with one comparison against the greatest id; the
 * rest (ids supplied by callers out of order) go to a small hash map.
 *
 * <p>Operations are kept packed in primitive columns, not as objects (measured with a GC log and
 * JFR, issue #17: copying the millions of small retained operation graphs out of the young
 * generation took most of a long run of movements; primitive arrays are copied with one memcpy
 * and hold no references to scan). A plain operation (one move of its own item, no lot,
 * reservation, reference or reason, and no entry other than the one named by its own id: what
 * transfers, receipts and shipments are) is its id, time, kind, day, item, locations, quantity,
 * scale and value in minor units, about 70 bytes; item and location codes are interned once per
 * journal as int indices. Its {@link StockOperation} is built again, equal to the one stored,
 * when it is read. Any other operation is kept whole. Columns are held in chunks (the first grows
 * from a few slots, so an idle tenant costs little); growing never copies a full chunk. Not
 * thread-safe (the store's monitor guards it).
 */
final class OperationJournal {

    private static final int SHIFT = 14;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    private static final int FIRST = 16;
    private static final MoveKind[] KINDS = MoveKind.values();
    /** {@code shape} bits: kind ordinal in bits 0-7, scale in 8-15, these flags above. */
    private static final int WHOLE = 1 << 16;
    private static final int ENTRY = 1 << 17;

    /** Slot i of every array belongs to the same operation. */
    private static final class Chunk {
        long[] idHigh;
        long[] idLow;
        long[] seconds;
        int[] nanos;
        int[] day;
        int[] item;
        int[] from;
        int[] to;
        int[] shape;
        long[] quantity;
        long[] value;
        /** Operations that are not plain, by slot; null until the chunk holds one. */
        StockOperation[] whole;

        Chunk(int capacity) {
            resize(capacity);
        }

        int capacity() {
            return idHigh.length;
        }

        void resize(int n) {
            idHigh = idHigh == null ? new long[n] : Arrays.copyOf(idHigh, n);
            idLow = idLow == null ? new long[n] : Arrays.copyOf(idLow, n);
            seconds = seconds == null ? new long[n] : Arrays.copyOf(seconds, n);
            nanos = nanos == null ? new int[n] : Arrays.copyOf(nanos, n);
            day = day == null ? new int[n] : Arrays.copyOf(day, n);
            item = item == null ? new int[n] : Arrays.copyOf(item, n);
            from = from == null ? new int[n] : Arrays.copyOf(from, n);
            to = to == null ? new int[n] : Arrays.copyOf(to, n);
            shape = shape == null ? new int[n] : Arrays.copyOf(shape, n);
            quantity = quantity == null ? new long[n] : Arrays.copyOf(quantity, n);
            value = value == null ? new long[n] : Arrays.copyOf(value, n);
            if (whole != null) {
                whole = Arrays.copyOf(whole, n);
            }
        }
    }

    private Chunk[] chunks = new Chunk[4];
    private int size;
    private int[][] ordered = new int[4][];
    private int orderedSize;
    private boolean any;
    private long greatestHigh;
    private long greatestLow;
    private final Map<OperationId, Integer> unordered = new HashMap<>();

    /** Item and location codes by index, and back; the currency of each item code's values. */
    private String[] names = new String[8];
    private CurrencyUnit[] currencies = new CurrencyUnit[8];
    private final Map<String, Integer> nameIndex = new HashMap<>();
    /** The last day built by {@link #get}: operations read in a row mostly share it. */
    private LocalDate lastDate = LocalDate.MIN;

    /** How many operations there are. */
    int size() {
        return size;
    }

    /** Whether the operation at {@code position} is of item {@code sku}, without building it. */
    boolean isOf(int position, String sku) {
        Chunk c = chunks[position >>> SHIFT];
        int i = position & MASK;
        if ((c.shape[i] & WHOLE) != 0) {
            return c.whole[i].sku().equals(sku);
        }
        return names[c.item[i]].equals(sku);
    }

    /** The operation at {@code position} (0 is the first recorded), built from its columns if plain. */
    StockOperation get(int position) {
        Chunk c = chunks[position >>> SHIFT];
        int i = position & MASK;
        int shape = c.shape[i];
        if ((shape & WHOLE) != 0) {
            return c.whole[i];
        }
        int item = c.item[i];
        String sku = names[item];
        CurrencyUnit currency = currencies[item];
        long v = c.value[i];
        StockMove move = new StockMove(sku, names[c.from[i]], names[c.to[i]], Optional.empty(), Optional.empty(), c.quantity[i],
                (shape >>> 8) & 0xFF, v == 0 ? Money.zero(currency) : Money.ofMinor(currency, v), Optional.empty());
        UUID id = new UUID(c.idHigh[i], c.idLow[i]);
        LocalDate date = lastDate;
        if (date.toEpochDay() != c.day[i]) {
            date = LocalDate.ofEpochDay(c.day[i]);
            lastDate = date;
        }
        return new StockOperation(OperationId.of(id), KINDS[shape & 0xFF], sku, date, Optional.empty(), Optional.empty(),
                List.of(move), (shape & ENTRY) != 0 ? Optional.of(EntryId.of(id)) : Optional.empty(),
                Instant.ofEpochSecond(c.seconds[i], c.nanos[i]));
    }

    /** The operation with {@code id}, or null. */
    StockOperation find(OperationId id) {
        UUID u = id.value();
        long high = u.getMostSignificantBits();
        long low = u.getLeastSignificantBits();
        if (!any || compare(high, low, greatestHigh, greatestLow) > 0) {
            return null; // greater than every id so far (ids in 'unordered' are below the greatest too)
        }
        int lo = 0;
        int hi = orderedSize - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int p = ordered[mid >>> SHIFT][mid & MASK];
            Chunk c = chunks[p >>> SHIFT];
            int i = p & MASK;
            int cmp = compare(high, low, c.idHigh[i], c.idLow[i]);
            if (cmp == 0) {
                return get(p);
            }
            if (cmp > 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        Integer p = unordered.isEmpty() ? null : unordered.get(id);
        return p == null ? null : get(p);
    }

    /** Appends {@code op}, whose id is not taken. */
    void append(StockOperation op) {
        int p = size;
        Chunk c = slot(p);
        int i = p & MASK;
        UUID u = op.id().value();
        long high = u.getMostSignificantBits();
        long low = u.getLeastSignificantBits();
        c.idHigh[i] = high;
        c.idLow[i] = low;
        if (!pack(c, i, op)) {
            if (c.whole == null) {
                c.whole = new StockOperation[c.capacity()];
            }
            c.whole[i] = op;
            c.shape[i] = WHOLE;
        }
        size++;
        if (!any || compare(high, low, greatestHigh, greatestLow) > 0) {
            int o = orderedSize++;
            if (o >>> SHIFT >= ordered.length) {
                ordered = Arrays.copyOf(ordered, ordered.length * 2);
            }
            int[] chunk = ordered[o >>> SHIFT];
            if (chunk == null || chunk.length <= (o & MASK)) {
                ordered[o >>> SHIFT] = chunk = chunk == null ? new int[FIRST] : Arrays.copyOf(chunk, Math.min(CHUNK, chunk.length * 2));
            }
            chunk[o & MASK] = p;
            any = true;
            greatestHigh = high;
            greatestLow = low;
        } else {
            unordered.put(op.id(), p);
        }
    }

    /** The chunk holding position {@code p}, made or grown as needed. */
    private Chunk slot(int p) {
        int ci = p >>> SHIFT;
        if (ci >= chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        Chunk c = chunks[ci];
        if (c == null) {
            c = new Chunk(ci == 0 ? FIRST : CHUNK);
            chunks[ci] = c;
        } else if (c.capacity() <= (p & MASK)) {
            c.resize(Math.min(CHUNK, c.capacity() * 2)); // only the first chunk starts small
        }
        return c;
    }

    /** Writes {@code op} into slot {@code i} of {@code c} if it is plain (rebuilt equal from the columns); false if not. */
    private boolean pack(Chunk c, int i, StockOperation op) {
        if (op.moves().size() != 1 || op.reference().isPresent() || op.reason().isPresent()) {
            return false;
        }
        StockMove m = op.moves().get(0);
        if (!m.sku().equals(op.sku()) || m.lot().isPresent() || m.lotExpiry().isPresent() || m.reservation().isPresent()
                || m.scale() < 0 || m.scale() > 0xFF) {
            return false;
        }
        boolean entry = op.entry().isPresent();
        if (entry && !op.entry().get().value().equals(op.id().value())) {
            return false;
        }
        long day = op.date().toEpochDay();
        Money value = m.valueDelta();
        if (day != (int) day || value.getAmount().scale() != value.getCurrencyUnit().getDecimalPlaces()) {
            return false;
        }
        int item = intern(op.sku());
        CurrencyUnit currency = currencies[item];
        if (currency == null) {
            currencies[item] = value.getCurrencyUnit();
        } else if (!currency.equals(value.getCurrencyUnit())) {
            return false;
        }
        c.seconds[i] = op.recordedAt().getEpochSecond();
        c.nanos[i] = op.recordedAt().getNano();
        c.day[i] = (int) day;
        c.item[i] = item;
        c.from[i] = intern(m.from());
        c.to[i] = intern(m.to());
        c.shape[i] = op.kind().ordinal() | m.scale() << 8 | (entry ? ENTRY : 0);
        c.quantity[i] = m.quantity();
        c.value[i] = value.isZero() ? 0 : value.getAmountMinorLong();
        return true;
    }

    private int intern(String name) {
        Integer known = nameIndex.get(name);
        if (known != null) {
            return known;
        }
        int n = nameIndex.size();
        if (n == names.length) {
            names = Arrays.copyOf(names, n * 2);
            currencies = Arrays.copyOf(currencies, n * 2);
        }
        names[n] = name;
        nameIndex.put(name, n);
        return n;
    }

    /**
     * Per item, the quantity into internal stock and the value delta of every operation dated on
     * or before {@code asOf}, in item order; read from the columns (no operation is built).
     *
     * @param locations the location of each code a move names
     */
    List<ValuationRow> valuation(LocalDate asOf, Function<String, Location> locations) {
        long asOfDay = asOf.toEpochDay();
        int n = nameIndex.size();
        byte[] internal = new byte[n]; // 0 not looked up yet, 1 internal, 2 virtual
        long[] qty = new long[n];
        long[] val = new long[n];
        boolean[] touched = new boolean[n];
        List<StockOperation> wholes = new ArrayList<>();
        for (int p = 0; p < size; p++) {
            Chunk c = chunks[p >>> SHIFT];
            int i = p & MASK;
            if ((c.shape[i] & WHOLE) != 0) {
                if (!c.whole[i].date().isAfter(asOf)) {
                    wholes.add(c.whole[i]);
                }
                continue;
            }
            if (c.day[i] > asOfDay) {
                continue;
            }
            boolean fromIn = internal(internal, c.from[i], locations);
            boolean toIn = internal(internal, c.to[i], locations);
            int item = c.item[i];
            long q = c.quantity[i];
            qty[item] += toIn == fromIn ? 0 : toIn ? q : -q;
            val[item] += c.value[i];
            touched[item] = true;
        }
        Map<String, long[]> sums = new TreeMap<>();
        for (int k = 0; k < n; k++) {
            if (touched[k]) {
                sums.put(names[k], new long[]{qty[k], val[k]});
            }
        }
        for (StockOperation op : wholes) {
            for (StockMove m : op.moves()) {
                Location from = locations.apply(m.from());
                Location to = locations.apply(m.to());
                long q = to.kind().internal() == from.kind().internal() ? 0 : to.kind().internal() ? m.quantity() : -m.quantity();
                long[] s = sums.computeIfAbsent(m.sku(), k -> new long[2]);
                s[0] += q;
                s[1] += m.valueDelta().getAmountMinorLong();
            }
        }
        List<ValuationRow> out = new ArrayList<>(sums.size());
        sums.forEach((sku, s) -> out.add(new ValuationRow(sku, s[0], s[1])));
        return out;
    }

    private boolean internal(byte[] known, int location, Function<String, Location> locations) {
        byte k = known[location];
        if (k == 0) {
            k = locations.apply(names[location]).kind().internal() ? (byte) 1 : (byte) 2;
            known[location] = k;
        }
        return k == 1;
    }

    /** UUIDs as unsigned 128-bit numbers (UUIDv7 order is time order). */
    private static int compare(long aHigh, long aLow, long bHigh, long bLow) {
        int c = Long.compareUnsigned(aHigh, bHigh);
        return c != 0 ? c : Long.compareUnsigned(aLow, bLow);
    }
}
