package dev.backoffice.inventory;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.inventory.internal.Costs;
import dev.backoffice.inventory.jdbc.JdbcInventoryStore;
import dev.backoffice.inventory.memory.InMemoryInventoryStore;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.backoffice.inventory.InventoryContract.EUR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inventory's invariants over random sequences of receipts, shipments (direct and against
 * reservations), transfers, losses, returns, reservations, releases, expiries and cost corrections of
 * receipts (landed cost, price corrections) and counts, on two items
 * (BOLT FIFO in pieces, FLOUR moving average in kg). Each generated integer decodes into one
 * operation; refused ones must leave no trace. After every operation:
 * <ul>
 *   <li>per item, the sum of on hand over every location, virtual ones included, is zero;</li>
 *   <li>on hand and available-to-promise are never negative in a warehouse (a count that finds less
 *       than is reserved releases holds);</li>
 *   <li>reserved in a warehouse is the sum of what its open reservations hold;</li>
 *   <li>FIFO layers are consumed in order: every BOLT issue costs what a model of the layers says,
 *       and a cost correction revalues the corrected receipt's layer by its share still on hand;</li>
 *   <li>the valuation equals the general ledger's inventory account, and its quantity the stock on hand.</li>
 * </ul>
 */
public abstract class InventoryProperties {

    private static final Map<StoreKind, Stores> STORES = new EnumMap<>(StoreKind.class);
    private static final List<String> SKUS = List.of("BOLT", "FLOUR");
    private static final List<String> WAREHOUSES = List.of("WH1", "WH2");
    private static final List<String> ALL = List.of("WH1", "WH2", "SUP", "CUST", "LOSS", "OPEN");

    private final StoreKind kind;

    protected InventoryProperties(StoreKind kind) {
        this.kind = kind;
    }

    /** The stores of a kind, made once per JVM and shared by every try (each uses a fresh tenant). */
    private record Stores(InventoryStore stock, LedgerStore ledger) {
    }

    private static synchronized Stores stores(StoreKind kind) {
        return STORES.computeIfAbsent(kind, k -> {
            if (!k.jdbc()) {
                return new Stores(InMemoryInventoryStore.create(), InMemoryLedgerStore.create());
            }
            TestDatabase db = k.openDatabase();
            JdbcLedgerStore ledger = JdbcLedgerStore.create(db.dataSource());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                ledger.close();
                db.close();
            }));
            return new Stores(JdbcInventoryStore.create(db.dataSource()), ledger);
        });
    }

    /** One try's world: a fresh tenant, its reservations, and a model of BOLT's FIFO layers. */
    private static final class World {
        final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-02T09:00:00Z"));
        final TenantLedger ledger;
        final TenantInventory stock;
        final List<ReservationId> reservations = new ArrayList<>();
        final Deque<long[]> boltLayers = new ArrayDeque<>(); // {quantity, value}
        final List<Received> receipts = new ArrayList<>();

        World(Stores stores) {
            TenantId tenant = TenantId.of("p-" + UUID.randomUUID());
            Ledger ledgers = Ledger.builder().store(stores.ledger()).clock(clock).build();
            ledger = ledgers.forTenant(tenant);
            ledger.openAll(InventoryContract.chart());
            stock = Inventory.builder().store(stores.stock()).ledger(ledgers, InventoryContract.ACCOUNTS).clock(clock).build()
                    .forTenant(tenant);
            for (Location l : List.of(Location.warehouse("WH1"), Location.warehouse("WH2"), Location.supplier("SUP"),
                    Location.customer("CUST"), Location.loss("LOSS"), Location.opening("OPEN"))) {
                stock.defineLocation(l);
            }
            stock.defineItem(Item.of("BOLT", "Bolt", Uom.PIECES, Costing.FIFO, EUR));
            stock.defineItem(Item.of("FLOUR", "Flour", Uom.KILOGRAMS, Costing.MOVING_AVERAGE, EUR));
        }

        /** What a BOLT issue of {@code q} costs by the model, consuming its layers. */
        long boltIssue(long q) {
            long need = q;
            long value = 0;
            while (need > 0 && !boltLayers.isEmpty()) {
                long[] l = boltLayers.peekFirst();
                long take = Math.min(need, l[0]);
                long v = take == l[0] ? l[1] : Costs.share(l[1], take, l[0]);
                l[0] -= take;
                l[1] -= v;
                if (l[0] == 0) {
                    boltLayers.removeFirst();
                }
                value += v;
                need -= take;
            }
            return value;
        }
    }

    /** A receipt made, and for BOLT its layer in the model (quantity zero once consumed). */
    private record Received(OperationId id, String sku, long quantity, long[] layer) {
    }

    @Property(tries = 40)
    void stock_is_conserved_never_oversold_fifo_ordered_and_valued_as_the_ledger_says(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> operations) {
        World w = new World(stores(kind));
        for (int op : operations) {
            Map<String, BigDecimal> before = levels(w);
            try {
                apply(w, op);
                Statistics.label("outcome").collect("done");
            } catch (BackofficeException refused) {
                Statistics.label("outcome").collect(refused.code());
                assertThat(levels(w)).as("a refused %s changes no stock", refused.code()).isEqualTo(before);
            }
            invariantsHold(w);
        }
    }

    private static void apply(World w, int op) {
        int arg = op / 16;
        String sku = SKUS.get(arg % 2);
        String wh = WAREHOUSES.get((arg / 2) % 2);
        BigDecimal q = sku.equals("BOLT") ? BigDecimal.valueOf(1 + (arg / 4) % 12) : BigDecimal.valueOf(1 + (arg / 4) % 5000, 3);
        long minor = q.movePointRight(sku.equals("BOLT") ? 0 : 3).longValueExact();
        switch (op % 19) {
            case 0, 1, 2 -> {
                Money cost = Money.ofMinor(EUR, 1 + (arg / 8) % 10_000);
                StockOperation receipt = w.stock.move(StockRequest.receipt(sku, q, "SUP", wh, cost));
                long[] layer = sku.equals("BOLT") ? new long[]{minor, cost.getAmountMinorLong()} : null;
                if (layer != null) {
                    w.boltLayers.addLast(layer);
                }
                w.receipts.add(new Received(receipt.id(), sku, minor, layer));
            }
            case 18 -> {
                // a count: a loss issues FIFO cost and releases the holds it no longer covers, a gain is a new layer
                StockOperation count = w.stock.count(StockCount.of(sku, wh, q, "LOSS"));
                if (sku.equals("BOLT") && !count.moves().isEmpty()) {
                    StockMove m = count.moves().get(0);
                    if (m.to().equals("LOSS")) {
                        assertThat(-m.valueDelta().getAmountMinorLong()).as("FIFO cost of %s", count).isEqualTo(w.boltIssue(m.quantity()));
                    } else {
                        w.boltLayers.addLast(new long[]{m.quantity(), m.valueDelta().getAmountMinorLong()});
                    }
                }
            }
            case 16, 17 -> {
                if (!w.receipts.isEmpty()) {
                    Received r = w.receipts.get(arg % w.receipts.size());
                    Money amount = Money.ofMinor(EUR, (arg / 8) % 4_001 - 2_000);
                    StockOperation c = w.stock.correctCost(CostCorrection.of(r.id(), amount, "landed cost"));
                    if (r.layer() != null) {
                        long onHand = Costs.share(amount.getAmountMinorLong(), r.layer()[0], r.quantity());
                        assertThat(c.moves().get(0).valueDelta().getAmountMinorLong()).as("revaluation of %s", r).isEqualTo(onHand);
                        r.layer()[1] += onHand;
                    }
                }
            }
            case 3, 4 -> issue(w, sku, minor, StockRequest.shipment(sku, q, wh, "CUST"));
            case 5 -> w.stock.move(StockRequest.transfer(sku, q, wh, wh.equals("WH1") ? "WH2" : "WH1"));
            case 6 -> issue(w, sku, minor, StockRequest.adjustment(sku, q, wh, "LOSS", "damaged"));
            case 7 -> {
                StockOperation ret = w.stock.move(StockRequest.returned(sku, q, "CUST", wh));
                if (sku.equals("BOLT")) {
                    w.boltLayers.addLast(new long[]{minor, ret.moves().get(0).valueDelta().getAmountMinorLong()});
                }
            }
            case 8, 9, 10 -> w.reservations.add(w.stock.reserve(NewReservation.of(sku, wh, q, "order-" + op,
                    w.clock.instant().plus(Duration.ofMinutes(1 + arg % 90)))).id());
            case 11, 12 -> {
                if (!w.reservations.isEmpty()) {
                    Reservation r = w.stock.reservation(w.reservations.get(arg % w.reservations.size()));
                    BigDecimal part = BigDecimal.valueOf(Math.max(1, r.open() / (1 + arg % 3)), r.scale());
                    issue(w, r.sku(), part.movePointRight(r.scale()).longValueExact(),
                            StockRequest.shipment(r.sku(), part, r.location(), "CUST").against(r.id()));
                }
            }
            case 13 -> {
                if (!w.reservations.isEmpty()) {
                    w.stock.release(w.reservations.get(arg % w.reservations.size()));
                }
            }
            case 14 -> {
                w.clock.advance(Duration.ofMinutes(1 + arg % 30));
                w.stock.expireReservations();
            }
            default -> {
                Money cost = Money.ofMinor(EUR, (arg / 8) % 5_000);
                w.stock.move(StockRequest.opening(sku, q, "OPEN", wh, cost));
                if (sku.equals("BOLT")) {
                    w.boltLayers.addLast(new long[]{minor, cost.getAmountMinorLong()});
                }
            }
        }
    }

    /** Runs an issue and, for BOLT, checks it cost what the FIFO model says (the model only moves when it is done). */
    private static void issue(World w, String sku, long minor, StockRequest request) {
        StockOperation op = w.stock.move(request);
        if (sku.equals("BOLT")) {
            long expected = w.boltIssue(minor);
            assertThat(-op.moves().get(0).valueDelta().getAmountMinorLong()).as("FIFO cost of %s", request).isEqualTo(expected);
        }
    }

    private static Map<String, BigDecimal> levels(World w) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (String sku : SKUS) {
            for (String l : ALL) {
                StockLevel level = w.stock.level(sku, l);
                out.put(sku + "/" + l, level.onHand());
                out.put(sku + "/" + l + "/reserved", level.reserved());
            }
        }
        return out;
    }

    private static void invariantsHold(World w) {
        Map<String, BigDecimal> held = new HashMap<>();
        for (ReservationId id : w.reservations) {
            Reservation r = w.stock.reservation(id);
            held.merge(r.sku() + "/" + r.location(), BigDecimal.valueOf(r.open(), r.scale()), BigDecimal::add);
        }
        Valuation valuation = w.stock.valuation(LocalDate.of(2100, 1, 1));
        for (String sku : SKUS) {
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal internal = BigDecimal.ZERO;
            for (String l : ALL) {
                StockLevel level = w.stock.level(sku, l);
                sum = sum.add(level.onHand());
                if (WAREHOUSES.contains(l)) {
                    internal = internal.add(level.onHand());
                    assertThat(level.onHand().signum()).as("on hand of %s in %s", sku, l).isGreaterThanOrEqualTo(0);
                    assertThat(level.available().signum()).as("available of %s in %s", sku, l).isGreaterThanOrEqualTo(0);
                    assertThat(level.reserved()).as("reserved of %s in %s", sku, l)
                            .isEqualByComparingTo(held.getOrDefault(sku + "/" + l, BigDecimal.ZERO));
                }
            }
            assertThat(sum).as("%s summed over every location", sku).isEqualByComparingTo("0");
            BigDecimal valued = valuation.items().stream().filter(i -> i.sku().equals(sku)).map(ItemValuation::quantity)
                    .findFirst().orElse(BigDecimal.ZERO);
            assertThat(valued).as("valued quantity of %s", sku).isEqualByComparingTo(internal);
        }
        assertThat(w.ledger.balance("1300").posted()).as("inventory account = valuation")
                .isEqualTo(valuation.totals().getOrDefault(EUR, Money.zero(EUR)));
    }

    private static final List<String> BIN_PLACES = List.of("WH1", "WH1/A", "WH1/B", "WH2");

    /**
     * A warehouse over its bins: random receipts into WH1, its bins WH1/A and WH1/B, and WH2;
     * transfers between any two of them; shipments (from a bin, or from WH1 picking its bins);
     * reservations in WH1 or a bin, shipped (from where they are held, or from a bin of their
     * warehouse), released or expired; counts of a bin. After every operation: what is available
     * to promise in WH1 (over it and its bins), in each bin and in WH2 is never negative, WH1's on
     * hand is at least what its bins hold, WH1's reserved is what the open reservations in it and
     * its bins hold, the quantity is conserved over WH1, WH2 and the virtual locations, and the
     * valuation equals the ledger; a refused operation changes nothing.
     */
    @Property(tries = 40)
    void a_warehouse_over_its_bins_is_never_oversold_and_conserves_its_stock(
            @ForAll @Size(min = 10, max = 40) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> operations) {
        World w = new World(stores(kind));
        w.stock.defineLocation(Location.bin("WH1/A", "WH1"));
        w.stock.defineLocation(Location.bin("WH1/B", "WH1"));
        for (int op : operations) {
            Map<String, BigDecimal> before = binLevels(w);
            try {
                applyInBins(w, op);
                Statistics.label("outcome").collect("done");
            } catch (BackofficeException refused) {
                Statistics.label("outcome").collect(refused.code());
                assertThat(binLevels(w)).as("a refused %s changes no stock", refused.code()).isEqualTo(before);
            }
            binInvariantsHold(w);
        }
    }

    private static void applyInBins(World w, int op) {
        int arg = op / 16;
        String at = BIN_PLACES.get(arg % 4);
        String other = BIN_PLACES.get((arg / 4) % 4);
        BigDecimal q = BigDecimal.valueOf(1 + (arg / 16) % 9);
        switch (op % 11) {
            case 0, 1 -> w.stock.move(StockRequest.receipt("BOLT", q.multiply(BigDecimal.valueOf(3)), "SUP", at, Money.ofMinor(EUR, 100 + arg % 900)));
            case 2 -> {
                if (!at.equals(other)) {
                    w.stock.move(StockRequest.transfer("BOLT", q, at, other));
                }
            }
            case 3 -> w.stock.move(StockRequest.shipment("BOLT", q, at, "CUST"));
            case 4, 5 -> w.reservations.add(w.stock.reserve(NewReservation.of("BOLT", arg % 3 == 0 ? at : "WH1", q, "order-" + op,
                    w.clock.instant().plus(Duration.ofMinutes(1 + arg % 90)))).id());
            case 6, 7 -> {
                if (!w.reservations.isEmpty()) {
                    Reservation r = w.stock.reservation(w.reservations.get(arg % w.reservations.size()));
                    BigDecimal part = BigDecimal.valueOf(Math.max(1, r.open() / (1 + arg % 3)), r.scale());
                    String from = r.location().equals("WH1") && arg % 2 == 0 ? (arg % 4 == 0 ? "WH1/A" : "WH1/B") : r.location();
                    w.stock.move(StockRequest.shipment("BOLT", part, from, "CUST").against(r.id()));
                }
            }
            case 8 -> {
                if (!w.reservations.isEmpty()) {
                    w.stock.release(w.reservations.get(arg % w.reservations.size()));
                }
            }
            case 9 -> {
                w.clock.advance(Duration.ofMinutes(1 + arg % 30));
                w.stock.expireReservations();
            }
            default -> w.stock.count(StockCount.of("BOLT", at.equals("WH2") ? "WH1/A" : at, BigDecimal.valueOf(arg % 7), "LOSS"));
        }
    }

    private static Map<String, BigDecimal> binLevels(World w) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (String l : List.of("WH1", "WH1/A", "WH1/B", "WH2", "SUP", "CUST", "LOSS")) {
            StockLevel level = w.stock.level("BOLT", l);
            out.put(l, level.onHand());
            out.put(l + "/reserved", level.reserved());
        }
        return out;
    }

    private static void binInvariantsHold(World w) {
        BigDecimal heldInWh1 = BigDecimal.ZERO;
        Map<String, BigDecimal> held = new HashMap<>();
        for (ReservationId id : w.reservations) {
            Reservation r = w.stock.reservation(id);
            BigDecimal open = BigDecimal.valueOf(r.open(), r.scale());
            held.merge(r.location(), open, BigDecimal::add);
            if (r.location().startsWith("WH1")) {
                heldInWh1 = heldInWh1.add(open);
            }
        }
        BigDecimal inBins = BigDecimal.ZERO;
        for (String l : BIN_PLACES) {
            StockLevel level = w.stock.level("BOLT", l);
            assertThat(level.available().signum()).as("available in %s", l).isGreaterThanOrEqualTo(0);
            assertThat(level.onHand().signum()).as("on hand in %s", l).isGreaterThanOrEqualTo(0);
            if (l.startsWith("WH1/")) {
                inBins = inBins.add(level.onHand());
                assertThat(level.reserved()).as("reserved in %s", l).isEqualByComparingTo(held.getOrDefault(l, BigDecimal.ZERO));
            }
        }
        StockLevel wh1 = w.stock.level("BOLT", "WH1");
        assertThat(wh1.onHand()).as("WH1 over its bins").isGreaterThanOrEqualTo(inBins);
        assertThat(wh1.reserved()).as("reserved in WH1 and its bins").isEqualByComparingTo(heldInWh1);
        BigDecimal sum = BigDecimal.ZERO;
        for (String l : List.of("WH1", "WH2", "SUP", "CUST", "LOSS")) { // WH1 counts its bins
            sum = sum.add(w.stock.level("BOLT", l).onHand());
        }
        assertThat(sum).as("BOLT summed over WH1 (with its bins), WH2 and the virtual locations").isEqualByComparingTo("0");
        Valuation valuation = w.stock.valuation(LocalDate.of(2100, 1, 1));
        BigDecimal valued = valuation.items().stream().map(ItemValuation::quantity).findFirst().orElse(BigDecimal.ZERO);
        assertThat(valued).as("valued quantity").isEqualByComparingTo(wh1.onHand().add(w.stock.level("BOLT", "WH2").onHand()));
        assertThat(w.ledger.balance("1300").posted()).as("inventory account = valuation")
                .isEqualTo(valuation.totals().getOrDefault(EUR, Money.zero(EUR)));
    }
}
