package dev.backoffice.inventory.memory;

import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.inventory.CostLayer;
import dev.backoffice.inventory.InventoryReads;
import dev.backoffice.inventory.InventoryStore;
import dev.backoffice.inventory.InventoryTx;
import dev.backoffice.inventory.Item;
import dev.backoffice.inventory.ItemCost;
import dev.backoffice.inventory.Location;
import dev.backoffice.inventory.LotBalance;
import dev.backoffice.inventory.OperationId;
import dev.backoffice.inventory.Reservation;
import dev.backoffice.inventory.ReservationId;
import dev.backoffice.inventory.ReservationStatus;
import dev.backoffice.inventory.StockMove;
import dev.backoffice.inventory.StockOperation;
import dev.backoffice.inventory.TenantInventoryStore;
import dev.backoffice.inventory.ValuationRow;
import dev.backoffice.ledger.AccountCounters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Stock in memory, for tests, demos and single-process tools.
 *
 * <p>Each tenant's stock is guarded by one monitor: a write runs its whole unit of work holding
 * it, against a staging area it reads through, and applies what it staged only when the work
 * returns, so a unit that throws leaves nothing behind. Because the writes of a tenant run one at
 * a time, available-to-promise cannot be oversold by construction. Reads take the monitor too, so
 * they see whole units only. Values are immutable.
 */
public final class InMemoryInventoryStore extends TenantScopedStore<TenantInventoryStore> implements InventoryStore {

    private InMemoryInventoryStore() {
        super(Handles.KEPT);
    }

    /** An empty store. */
    public static InMemoryInventoryStore create() {
        return new InMemoryInventoryStore();
    }

    @Override
    protected TenantInventoryStore open(TenantId tenant) {
        return new Books(tenant);
    }

    private static String key(String sku, String location) {
        return sku + '\u0000' + location;
    }

    /** One tenant's committed stock; guarded by its own monitor. */
    private static final class Books extends TenantScope implements TenantInventoryStore {
        private final TreeMap<String, Item> items = new TreeMap<>();
        private final TreeMap<String, Location> locations = new TreeMap<>();
        /** Counters by item, then location: looked up without building a key. */
        private final Map<String, Map<String, AccountCounters>> positions = new HashMap<>();
        private final Map<String, TreeMap<String, LotBalance>> lots = new HashMap<>();
        private final OperationJournal journal = new OperationJournal();
        private final Map<ReservationId, Reservation> reservations = new HashMap<>();
        private final Map<String, ItemCost> costs = new HashMap<>();
        private final Map<String, TreeMap<Long, CostLayer>> layers = new HashMap<>();
        private final Map<OperationId, Long> receiptLayers = new HashMap<>();
        private LocalDate closedThrough;
        private final InventoryReads reads = new Reads();
        /**
         * The position staging arrays and operation list of the last unit, cleared, for the next
         * (a movement's unit otherwise allocates them every time); null while a unit holds them,
         * so a nested unit makes its own.
         */
        private String[] spareSku;
        private String[] spareLocation;
        private AccountCounters[] spareCounters;
        private List<StockOperation> spareOperations;

        Books(TenantId tenant) {
            super(tenant);
        }

        @Override
        public InventoryReads read() {
            return reads;
        }

        @Override
        public <T> T write(Function<? super InventoryTx, ? extends T> work) {
            Check.notNull(work, "work");
            synchronized (this) {
                Staged tx = new Staged();
                try {
                    T result = work.apply(tx);
                    tx.apply();
                    return result;
                } finally {
                    tx.release();
                }
            }
        }

        // ---- committed reads shared by Reads and Staged (the caller holds the monitor)

        List<LotBalance> committedLots(String sku, String location) {
            TreeMap<String, LotBalance> m = lots.get(key(sku, location));
            return m == null ? List.of() : List.copyOf(m.values());
        }

        long committedLotInStock(String sku, String lot) {
            long sum = 0;
            for (Location l : locations.values()) {
                if (l.kind().internal()) {
                    TreeMap<String, LotBalance> m = lots.get(key(sku, l.code()));
                    LotBalance b = m == null ? null : m.get(lot);
                    sum += b == null ? 0 : b.onHand();
                }
            }
            return sum;
        }

        List<Reservation> committedExpired(Instant now, int limit, String sku, String location) {
            List<Reservation> out = new ArrayList<>();
            for (Reservation r : reservations.values()) {
                if (r.status() == ReservationStatus.OPEN && !r.expiresAt().isAfter(now)
                        && (sku == null || (r.sku().equals(sku) && r.location().equals(location)))) {
                    out.add(r);
                }
            }
            out.sort(Comparator.comparing(Reservation::expiresAt).thenComparing(Reservation::id));
            return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
        }

        List<StockOperation> committedOperations(String sku, Optional<OperationId> after, int limit) {
            Comparator<StockOperation> order = Comparator.comparing(StockOperation::date).thenComparing(StockOperation::recordedAt)
                    .thenComparing(StockOperation::id);
            StockOperation from = after.map(journal::find).orElse(null);
            List<StockOperation> ofItem = new ArrayList<>();
            for (int p = 0, n = journal.size(); p < n; p++) {
                if (!journal.isOf(p, sku)) {
                    continue; // other items' operations are not built
                }
                StockOperation o = journal.get(p);
                if (from == null || order.compare(o, from) > 0) {
                    ofItem.add(o);
                }
            }
            return ofItem.stream().sorted(order).limit(limit).toList();
        }

        List<CostLayer> committedLayers(String sku) {
            TreeMap<Long, CostLayer> m = layers.get(sku);
            return m == null ? List.of() : List.copyOf(m.values());
        }

        AccountCounters committedPosition(String sku, String location) {
            Map<String, AccountCounters> at = positions.get(sku);
            AccountCounters c = at == null ? null : at.get(location);
            return c == null ? AccountCounters.ZERO : c;
        }

        List<ValuationRow> committedValuation(LocalDate asOf) {
            return journal.valuation(asOf, locations::get);
        }

        /** Committed reads, each under the monitor. */
        private final class Reads implements InventoryReads {
            @Override
            public TenantId tenant() {
                return tenant;
            }

            @Override
            public Optional<Item> item(String sku) {
                synchronized (Books.this) {
                    return Optional.ofNullable(items.get(sku));
                }
            }

            @Override
            public List<Item> items() {
                synchronized (Books.this) {
                    return List.copyOf(items.values());
                }
            }

            @Override
            public Optional<Location> location(String code) {
                synchronized (Books.this) {
                    return Optional.ofNullable(locations.get(code));
                }
            }

            @Override
            public List<Location> locations() {
                synchronized (Books.this) {
                    return List.copyOf(locations.values());
                }
            }

            @Override
            public AccountCounters position(String sku, String location) {
                synchronized (Books.this) {
                    return committedPosition(sku, location);
                }
            }

            @Override
            public List<LotBalance> lots(String sku, String location) {
                synchronized (Books.this) {
                    return committedLots(sku, location);
                }
            }

            @Override
            public long lotInStock(String sku, String lot) {
                synchronized (Books.this) {
                    return committedLotInStock(sku, lot);
                }
            }

            @Override
            public Optional<StockOperation> operation(OperationId id) {
                synchronized (Books.this) {
                    return Optional.ofNullable(journal.find(id));
                }
            }

            @Override
            public Optional<Reservation> reservation(ReservationId id) {
                synchronized (Books.this) {
                    return Optional.ofNullable(reservations.get(id));
                }
            }

            @Override
            public List<StockOperation> operations(String sku, Optional<OperationId> after, int limit) {
                synchronized (Books.this) {
                    return committedOperations(sku, after, limit);
                }
            }

            @Override
            public List<Reservation> expired(Instant now, int limit) {
                synchronized (Books.this) {
                    return committedExpired(now, limit, null, null);
                }
            }

            @Override
            public List<Reservation> expiredAt(String sku, String location, Instant now, int limit) {
                synchronized (Books.this) {
                    return committedExpired(now, limit, sku, location);
                }
            }

            @Override
            public ItemCost cost(String sku) {
                synchronized (Books.this) {
                    return costs.getOrDefault(sku, ItemCost.ZERO);
                }
            }

            @Override
            public List<CostLayer> layers(String sku) {
                synchronized (Books.this) {
                    return committedLayers(sku);
                }
            }

            @Override
            public Optional<LocalDate> closedThrough() {
                synchronized (Books.this) {
                    return Optional.ofNullable(closedThrough);
                }
            }

            @Override
            public List<ValuationRow> valuation(LocalDate asOf) {
                synchronized (Books.this) {
                    return committedValuation(asOf);
                }
            }
        }

        /** A unit's staging area: reads through to the committed stock (the monitor is held). */
        private final class Staged implements InventoryTx {
            private Map<String, Item> newItems;
            private Map<String, Location> newLocations;
            /** Staged positions: a unit touches two or three, so parallel arrays searched in order. */
            private String[] posSku;
            private String[] posLocation;
            private AccountCounters[] posCounters;
            private int posSize;
            private Map<String, Map<String, LotBalance>> newLots;
            private List<StockOperation> newOperations;
            private Map<ReservationId, Reservation> newReservations;
            private Map<String, ItemCost> newCosts;
            private Map<String, TreeMap<Long, CostLayer>> newLayers;
            private Map<OperationId, Long> newReceiptLayers;
            private LocalDate newClosedThrough;

            Staged() {
                if (spareSku != null) {
                    posSku = spareSku;
                    posLocation = spareLocation;
                    posCounters = spareCounters;
                    spareSku = null;
                } else {
                    posSku = new String[2];
                    posLocation = new String[2];
                    posCounters = new AccountCounters[2];
                }
            }

            /** Hands the cleared staging arrays and list on to the next unit (this one is over). */
            void release() {
                java.util.Arrays.fill(posSku, 0, posSize, null);
                java.util.Arrays.fill(posLocation, 0, posSize, null);
                java.util.Arrays.fill(posCounters, 0, posSize, null);
                spareSku = posSku;
                spareLocation = posLocation;
                spareCounters = posCounters;
                if (newOperations != null) {
                    newOperations.clear();
                    spareOperations = newOperations;
                }
            }

            @Override
            public TenantId tenant() {
                return tenant;
            }

            @Override
            public Optional<Item> item(String sku) {
                Item i = newItems == null ? null : newItems.get(sku);
                return Optional.ofNullable(i != null ? i : items.get(sku));
            }

            @Override
            public List<Item> items() {
                TreeMap<String, Item> all = new TreeMap<>(items);
                if (newItems != null) {
                    all.putAll(newItems);
                }
                return List.copyOf(all.values());
            }

            @Override
            public Optional<Location> location(String code) {
                Location l = newLocations == null ? null : newLocations.get(code);
                return Optional.ofNullable(l != null ? l : locations.get(code));
            }

            @Override
            public List<Location> locations() {
                TreeMap<String, Location> all = new TreeMap<>(locations);
                if (newLocations != null) {
                    all.putAll(newLocations);
                }
                return List.copyOf(all.values());
            }

            @Override
            public AccountCounters position(String sku, String location) {
                int i = staged(sku, location);
                return i >= 0 ? posCounters[i] : committedPosition(sku, location);
            }

            private int staged(String sku, String location) {
                for (int i = 0; i < posSize; i++) {
                    if (posSku[i].equals(sku) && posLocation[i].equals(location)) {
                        return i;
                    }
                }
                return -1;
            }

            @Override
            public List<LotBalance> lots(String sku, String location) {
                Map<String, LotBalance> staged = newLots == null ? null : newLots.get(key(sku, location));
                if (staged == null) {
                    return committedLots(sku, location);
                }
                TreeMap<String, LotBalance> all = new TreeMap<>();
                TreeMap<String, LotBalance> m = lots.get(key(sku, location));
                if (m != null) {
                    all.putAll(m);
                }
                all.putAll(staged);
                return List.copyOf(all.values());
            }

            @Override
            public long lotInStock(String sku, String lot) {
                long sum = 0;
                for (Location l : locations()) {
                    if (l.kind().internal()) {
                        for (LotBalance b : lots(sku, l.code())) {
                            if (b.lot().equals(lot)) {
                                sum += b.onHand();
                            }
                        }
                    }
                }
                return sum;
            }

            @Override
            public Optional<StockOperation> operation(OperationId id) {
                StockOperation op = journal.find(id);
                if (op == null && newOperations != null) {
                    for (StockOperation o : newOperations) {
                        if (o.id().equals(id)) {
                            return Optional.of(o);
                        }
                    }
                }
                return Optional.ofNullable(op);
            }

            @Override
            public List<StockOperation> operations(String sku, Optional<OperationId> after, int limit) {
                if (newOperations != null) {
                    throw new IllegalStateException("the listing is a read of committed stock");
                }
                return committedOperations(sku, after, limit);
            }

            @Override
            public Optional<Reservation> reservation(ReservationId id) {
                Reservation r = newReservations == null ? null : newReservations.get(id);
                return Optional.ofNullable(r != null ? r : reservations.get(id));
            }

            @Override
            public List<Reservation> expired(Instant now, int limit) {
                return committedExpired(now, limit, null, null).stream().map(r -> reservation(r.id()).orElseThrow())
                        .filter(r -> r.status() == ReservationStatus.OPEN).toList();
            }

            @Override
            public List<Reservation> expiredAt(String sku, String location, Instant now, int limit) {
                return committedExpired(now, limit, sku, location).stream().map(r -> reservation(r.id()).orElseThrow())
                        .filter(r -> r.status() == ReservationStatus.OPEN).toList();
            }

            @Override
            public ItemCost cost(String sku) {
                ItemCost c = newCosts == null ? null : newCosts.get(sku);
                return c != null ? c : costs.getOrDefault(sku, ItemCost.ZERO);
            }

            @Override
            public List<CostLayer> layers(String sku) {
                TreeMap<Long, CostLayer> staged = newLayers == null ? null : newLayers.get(sku);
                if (staged == null) {
                    return committedLayers(sku);
                }
                TreeMap<Long, CostLayer> all = new TreeMap<>();
                TreeMap<Long, CostLayer> m = layers.get(sku);
                if (m != null) {
                    all.putAll(m);
                }
                all.putAll(staged);
                return all.values().stream().filter(l -> l.quantity() != 0 || l.value() != 0).toList();
            }

            @Override
            public Optional<LocalDate> closedThrough() {
                return Optional.ofNullable(newClosedThrough != null ? newClosedThrough : closedThrough);
            }

            @Override
            public List<ValuationRow> valuation(LocalDate asOf) {
                if (newOperations != null) {
                    throw new IllegalStateException("the valuation is a read of committed stock");
                }
                return committedValuation(asOf);
            }

            @Override
            public boolean insertItem(Item item) {
                if (item(item.sku()).isPresent()) {
                    return false;
                }
                if (newItems == null) {
                    newItems = new HashMap<>();
                }
                newItems.put(item.sku(), item);
                return true;
            }

            @Override
            public boolean insertLocation(Location location) {
                if (location(location.code()).isPresent()) {
                    return false;
                }
                if (newLocations == null) {
                    newLocations = new HashMap<>();
                }
                newLocations.put(location.code(), location);
                return true;
            }

            @Override
            public AccountCounters lockPosition(String sku, String location) {
                return position(sku, location);
            }

            @Override
            public void putPosition(String sku, String location, AccountCounters counters) {
                int i = staged(sku, location);
                if (i < 0) {
                    if (posSize == posSku.length) {
                        posSku = java.util.Arrays.copyOf(posSku, posSize * 2);
                        posLocation = java.util.Arrays.copyOf(posLocation, posSize * 2);
                        posCounters = java.util.Arrays.copyOf(posCounters, posSize * 2);
                    }
                    i = posSize++;
                    posSku[i] = sku;
                    posLocation[i] = location;
                }
                posCounters[i] = counters;
            }

            @Override
            public void putLot(LotBalance lot) {
                if (newLots == null) {
                    newLots = new HashMap<>();
                }
                newLots.computeIfAbsent(key(lot.sku(), lot.location()), k -> new HashMap<>()).put(lot.lot(), lot);
            }

            @Override
            public boolean insertOperation(StockOperation operation) {
                if (operation(operation.id()).isPresent()) {
                    return false;
                }
                if (newOperations == null) {
                    newOperations = spareOperations != null ? spareOperations : new ArrayList<>(1);
                    spareOperations = null;
                }
                newOperations.add(operation);
                return true;
            }

            @Override
            public boolean insertReservation(Reservation reservation) {
                if (reservation(reservation.id()).isPresent()) {
                    return false;
                }
                stageReservation(reservation);
                return true;
            }

            private void stageReservation(Reservation reservation) {
                if (newReservations == null) {
                    newReservations = new HashMap<>();
                }
                newReservations.put(reservation.id(), reservation);
            }

            @Override
            public Optional<Reservation> lockReservation(ReservationId id) {
                return reservation(id);
            }

            @Override
            public void updateReservation(Reservation reservation) {
                Reservation stored = reservation(reservation.id()).orElseThrow(() -> new IllegalStateException("no reservation " + reservation.id()));
                if (stored.version() != reservation.version() - 1) {
                    throw new IllegalStateException("reservation " + reservation.id() + " is at version " + stored.version());
                }
                stageReservation(reservation);
            }

            @Override
            public ItemCost lockCost(String sku) {
                return cost(sku);
            }

            @Override
            public void putCost(String sku, ItemCost cost) {
                if (newCosts == null) {
                    newCosts = new HashMap<>();
                }
                newCosts.put(sku, cost);
            }

            @Override
            public void putLayer(CostLayer layer) {
                if (newLayers == null) {
                    newLayers = new HashMap<>();
                }
                newLayers.computeIfAbsent(layer.sku(), k -> new TreeMap<>()).put(layer.sequence(), layer);
            }

            @Override
            public void putReceiptLayer(OperationId receipt, long sequence) {
                if (newReceiptLayers == null) {
                    newReceiptLayers = new HashMap<>(2);
                }
                newReceiptLayers.put(receipt, sequence);
            }

            @Override
            public OptionalLong receiptLayer(OperationId receipt) {
                Long seq = newReceiptLayers == null ? null : newReceiptLayers.get(receipt);
                if (seq == null) {
                    seq = receiptLayers.get(receipt);
                }
                return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
            }

            @Override
            public void closeThrough(LocalDate date) {
                newClosedThrough = date;
            }

            /** Makes the staged changes the committed stock (the unit returned normally). */
            void apply() {
                if (newItems != null) {
                    items.putAll(newItems);
                }
                if (newLocations != null) {
                    locations.putAll(newLocations);
                }
                for (int i = 0; i < posSize; i++) {
                    positions.computeIfAbsent(posSku[i], k -> new HashMap<>(4)).put(posLocation[i], posCounters[i]);
                }
                if (newLots != null) {
                    newLots.forEach((k, m) -> lots.computeIfAbsent(k, x -> new TreeMap<>()).putAll(m));
                }
                if (newOperations != null) {
                    for (StockOperation op : newOperations) {
                        journal.append(op);
                    }
                }
                if (newReservations != null) {
                    reservations.putAll(newReservations);
                }
                if (newCosts != null) {
                    costs.putAll(newCosts);
                }
                if (newLayers != null) {
                    newLayers.forEach((sku, m) -> {
                        TreeMap<Long, CostLayer> target = layers.computeIfAbsent(sku, x -> new TreeMap<>());
                        m.forEach((seq, l) -> {
                            if (l.quantity() == 0 && l.value() == 0) {
                                target.remove(seq);
                            } else {
                                target.put(seq, l);
                            }
                        });
                    });
                }
                if (newClosedThrough != null) {
                    closedThrough = newClosedThrough;
                }
                if (newReceiptLayers != null) {
                    receiptLayers.putAll(newReceiptLayers);
                }
            }
        }
    }
}
