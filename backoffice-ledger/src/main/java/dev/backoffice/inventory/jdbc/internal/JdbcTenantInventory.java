package dev.backoffice.inventory.jdbc.internal;

import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.TransactionWork;
import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.inventory.CostLayer;
import dev.backoffice.inventory.InventoryReads;
import dev.backoffice.inventory.InventoryTx;
import dev.backoffice.inventory.Item;
import dev.backoffice.inventory.ItemCost;
import dev.backoffice.inventory.Location;
import dev.backoffice.inventory.LotBalance;
import dev.backoffice.inventory.OperationId;
import dev.backoffice.inventory.Reservation;
import dev.backoffice.inventory.ReservationId;
import dev.backoffice.inventory.StockOperation;
import dev.backoffice.inventory.TenantInventoryStore;
import dev.backoffice.inventory.ValuationRow;
import dev.backoffice.ledger.AccountCounters;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One tenant's view of the JDBC inventory store: a small object made per {@code forTenant} call.
 * Reads run in read transactions of their own; a write runs its unit in one {@link Jdbc}
 * transaction, joining the calling thread's open one on the same data source (so a ledger on
 * that data source, called inside the unit, commits with it).
 *
 * <p>Round trips are what a hot position pays for (its row stays locked until the commit), so a
 * unit writes behind: the counters of the positions it locked are updated once, at the end of
 * the unit, however often the unit changed them (a group of reservations changes one position
 * once per reservation), and fresh reservations are inserted in one batch there; on PostgreSQL
 * the transaction's isolation level travels with its first lock instead of a round trip of its
 * own. Items and locations come from the store's {@link MasterData} once read.
 */
public final class JdbcTenantInventory extends TenantScope implements TenantInventoryStore {

    private final Jdbc jdbc;
    private final MasterData master;

    private JdbcTenantInventory(Jdbc jdbc, TenantId tenant, MasterData master) {
        super(tenant);
        this.jdbc = jdbc;
        this.master = master;
    }

    /** The view of {@code tenant}'s stock through {@code jdbc}, with no definitions kept between calls. */
    public static JdbcTenantInventory create(Jdbc jdbc, TenantId tenant) {
        return create(jdbc, tenant, MasterData.create());
    }

    /** The view of {@code tenant}'s stock through {@code jdbc}, keeping definitions read in {@code master}. */
    public static JdbcTenantInventory create(Jdbc jdbc, TenantId tenant, MasterData master) {
        return new JdbcTenantInventory(Check.notNull(jdbc, "jdbc"), tenant, Check.notNull(master, "master"));
    }

    @Override
    public InventoryReads read() {
        return new Reads();
    }

    @Override
    public <T> T write(Function<? super InventoryTx, ? extends T> work) {
        Check.notNull(work, "work");
        // a transaction of our own on PostgreSQL: its isolation level rides on its first statement
        boolean joined = jdbc.inTransaction();
        boolean inline = !joined && jdbc.dialect() == Dialect.POSTGRESQL;
        TransactionWork<T> unit = c -> {
            Tx tx = new Tx(c, inline ? jdbc.beginIsolationSql() : null, joined);
            T result = work.apply(tx);
            tx.flush(); // before the commit, on the unit's connection: the writes held behind
            return result;
        };
        return inline ? jdbc.inTransactionIsolationInline(tenant, unit) : jdbc.inTransaction(tenant, unit);
    }

    /** Every read, over whatever connection {@link #run} gives. */
    private abstract class SqlReads implements InventoryReads {

        abstract <T> T run(TransactionWork<T> work);

        @Override
        public TenantId tenant() {
            return tenant;
        }

        @Override
        public Optional<Item> item(String sku) {
            Item known = master.item(t, sku);
            if (known != null) {
                return Optional.of(known);
            }
            Optional<Item> read = run(c -> InventorySql.item(c, t, sku));
            if (committed()) {
                read.ifPresent(i -> master.keep(t, i));
            }
            return read;
        }

        @Override
        public List<Item> items() {
            return run(c -> InventorySql.items(c, t));
        }

        @Override
        public Optional<Location> location(String code) {
            Location known = master.location(t, code);
            if (known != null) {
                return Optional.of(known);
            }
            Optional<Location> read = run(c -> InventorySql.location(c, t, code));
            if (committed()) {
                read.ifPresent(l -> master.keep(t, l));
            }
            return read;
        }

        /** Whether what this view reads is committed (a unit that defined something may roll back). */
        abstract boolean committed();

        @Override
        public List<Location> locations() {
            return run(c -> InventorySql.locations(c, t));
        }

        @Override
        public AccountCounters position(String sku, String location) {
            return run(c -> InventorySql.position(c, t, sku, location, false));
        }

        @Override
        public List<LotBalance> lots(String sku, String location) {
            return run(c -> InventorySql.lots(c, t, sku, location));
        }

        @Override
        public long lotInStock(String sku, String lot) {
            return run(c -> InventorySql.lotInStock(c, t, sku, lot));
        }

        @Override
        public Optional<StockOperation> operation(OperationId id) {
            return run(c -> InventorySql.operation(c, t, id));
        }

        @Override
        public List<StockOperation> operations(String sku, Optional<OperationId> after, int limit) {
            return run(c -> InventorySql.operations(c, t, sku, after, limit));
        }

        @Override
        public Optional<Reservation> reservation(ReservationId id) {
            return run(c -> InventorySql.reservation(c, t, id, false));
        }

        @Override
        public List<Reservation> expired(Instant now, int limit) {
            return run(c -> InventorySql.expired(c, t, now, limit));
        }

        @Override
        public List<Reservation> expiredAt(String sku, String location, Instant now, int limit) {
            return run(c -> InventorySql.expiredAt(c, t, sku, location, now, limit));
        }

        @Override
        public ItemCost cost(String sku) {
            return run(c -> InventorySql.cost(c, t, sku, false));
        }

        @Override
        public List<CostLayer> layers(String sku) {
            return run(c -> InventorySql.layers(c, t, sku));
        }

        @Override
        public Optional<LocalDate> closedThrough() {
            return run(c -> InventorySql.closedThrough(c, t));
        }

        @Override
        public List<ValuationRow> valuation(LocalDate asOf) {
            return run(c -> InventorySql.valuation(c, t, asOf));
        }
    }

    /** Committed reads, each in a read transaction of its own. */
    private final class Reads extends SqlReads {
        @Override
        <T> T run(TransactionWork<T> work) {
            return jdbc.inReadTransaction(work);
        }

        @Override
        boolean committed() {
            // inside a caller's or host transaction the read joins it and may see its uncommitted rows
            return !jdbc.inTransaction();
        }
    }

    /** One unit of work on the transaction's connection. */
    private final class Tx extends SqlReads implements InventoryTx {
        private final Connection c;
        /** The statement that begins the transaction, still to be sent (PostgreSQL, a transaction of our own). */
        private String begin;
        private boolean defined;
        /**
         * Whether the unit joined an enclosing (caller's or host) transaction: then what it reads
         * may be that transaction's uncommitted definitions, which a rollback would take back.
         */
        private final boolean joined;
        private final Map<String, Location> locations = new HashMap<>(4);
        private final Map<String, Item> items = new HashMap<>(4);
        private final Map<String, AccountCounters> locked = new HashMap<>(4);
        /** Positions changed and not written yet, by key: {sku, location}. */
        private final Map<String, String[]> dirty = new HashMap<>(4);
        /** Fresh reservations not inserted yet. */
        private final List<Reservation> fresh = new ArrayList<>();

        Tx(Connection c, String begin, boolean joined) {
            this.c = c;
            this.begin = begin;
            this.joined = joined;
        }

        @Override
        <T> T run(TransactionWork<T> work) {
            try {
                if (begin != null) {
                    String sql = begin;
                    begin = null;
                    Jdbc.update(c, sql);
                }
                return work.execute(c);
            } catch (SQLException e) {
                throw new StorageException.Sql(e); // for Jdbc to judge (retry, unknown outcome)
            }
        }

        @Override
        boolean committed() {
            return !defined && !joined;
        }

        /** Writes what the unit held behind: its fresh reservations, then its positions' counters. */
        void flush() {
            flushReservations();
            if (dirty.isEmpty()) {
                return;
            }
            List<Object[]> rows = new ArrayList<>(dirty.size());
            dirty.forEach((key, at) -> {
                AccountCounters n = locked.get(key);
                rows.add(new Object[]{n.debitsPosted(), n.creditsPosted(), n.creditsPending(), n.debitsPending(), t, at[0], at[1]});
            });
            dirty.clear();
            run(x -> {
                InventorySql.putPositions(x, rows);
                return null;
            });
        }

        private void flushReservations() {
            if (fresh.isEmpty()) {
                return;
            }
            List<Reservation> batch = List.copyOf(fresh);
            fresh.clear();
            run(x -> {
                InventorySql.insertReservations(x, t, batch);
                return null;
            });
        }

        @Override
        public Optional<Location> location(String code) {
            // locations never change once defined: one look-up per unit
            Location l = locations.get(code);
            if (l == null) {
                Optional<Location> read = super.location(code);
                read.ifPresent(x -> locations.put(code, x));
                return read;
            }
            return Optional.of(l);
        }

        @Override
        public Optional<Item> item(String sku) {
            // an item never changes once defined: one look-up per unit
            Item i = items.get(sku);
            if (i == null) {
                Optional<Item> read = super.item(sku);
                read.ifPresent(x -> items.put(sku, x));
                return read;
            }
            return Optional.of(i);
        }

        @Override
        public AccountCounters position(String sku, String location) {
            AccountCounters c = locked.get(sku + '\u0000' + location);
            return c != null ? c : super.position(sku, location);
        }

        @Override
        public Optional<Reservation> reservation(ReservationId id) {
            flushReservations();
            return super.reservation(id);
        }

        @Override
        public List<Reservation> expired(Instant now, int limit) {
            flushReservations();
            return super.expired(now, limit);
        }

        @Override
        public List<Reservation> expiredAt(String sku, String location, Instant now, int limit) {
            flushReservations();
            return super.expiredAt(sku, location, now, limit);
        }

        @Override
        public boolean insertItem(Item item) {
            defined = true;
            return run(x -> InventorySql.insertItem(x, t, item));
        }

        @Override
        public boolean insertLocation(Location location) {
            defined = true;
            return run(x -> InventorySql.insertLocation(x, t, location));
        }

        @Override
        public AccountCounters lockPosition(String sku, String location) {
            // a row this unit locked stays locked and is only changed through putPosition: no second read
            String key = sku + '\u0000' + location;
            AccountCounters c = locked.get(key);
            if (c == null) {
                String first = begin;
                begin = null; // sent with the lock, in one round trip
                c = run(x -> InventorySql.lockPosition(x, first, t, sku, location));
                locked.put(key, c);
            }
            return c;
        }

        @Override
        public void putPosition(String sku, String location, AccountCounters counters) {
            String key = sku + '\u0000' + location;
            if (!locked.containsKey(key)) {
                throw new IllegalStateException("position " + sku + "/" + location + " was not locked first");
            }
            locked.put(key, counters); // written once, by flush()
            dirty.putIfAbsent(key, new String[]{sku, location});
        }

        @Override
        public void putLot(LotBalance lot) {
            run(x -> {
                InventorySql.putLot(x, t, lot);
                return null;
            });
        }

        @Override
        public boolean insertOperation(StockOperation operation) {
            return run(x -> InventorySql.insertOperation(x, t, operation, code -> location(code).orElseThrow().kind()));
        }

        @Override
        public boolean insertReservation(Reservation reservation) {
            flushReservations();
            return run(x -> InventorySql.insertReservation(x, t, reservation));
        }

        @Override
        public void insertFreshReservation(Reservation reservation) {
            fresh.add(reservation); // inserted by flush(), or before the unit next reads reservations
        }

        @Override
        public Optional<Reservation> lockReservation(ReservationId id) {
            flushReservations();
            return run(x -> InventorySql.reservation(x, t, id, true));
        }

        @Override
        public void updateReservation(Reservation reservation) {
            flushReservations();
            if (!run(x -> InventorySql.updateReservation(x, t, reservation))) {
                throw new IllegalStateException("reservation " + reservation.id() + " is not stored at version " + (reservation.version() - 1));
            }
        }

        @Override
        public ItemCost lockCost(String sku) {
            return run(x -> InventorySql.cost(x, t, sku, true));
        }

        @Override
        public void putCost(String sku, ItemCost cost) {
            run(x -> {
                InventorySql.putCost(x, t, sku, cost);
                return null;
            });
        }

        @Override
        public void putLayer(CostLayer layer) {
            run(x -> {
                InventorySql.putLayer(x, t, layer);
                return null;
            });
        }

        @Override
        public void putReceiptLayer(OperationId receipt, long sequence) {
            run(x -> {
                InventorySql.putReceiptLayer(x, t, receipt, sequence);
                return null;
            });
        }

        @Override
        public OptionalLong receiptLayer(OperationId receipt) {
            return run(x -> InventorySql.receiptLayer(x, t, receipt));
        }

        @Override
        public void closeThrough(LocalDate date) {
            run(x -> {
                InventorySql.closeThrough(x, t, date);
                return null;
            });
        }
    }
}
