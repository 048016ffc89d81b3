package dev.backoffice.inventory.jdbc;

import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.inventory.Costing;
import dev.backoffice.inventory.InventoryContract;
import dev.backoffice.inventory.Item;
import dev.backoffice.inventory.Location;
import dev.backoffice.inventory.OperationId;
import dev.backoffice.inventory.Reservation;
import dev.backoffice.inventory.ReservationId;
import dev.backoffice.inventory.StockLevel;
import dev.backoffice.inventory.StockOperation;
import dev.backoffice.inventory.StockRequest;
import dev.backoffice.inventory.TenantInventory;
import dev.backoffice.inventory.Uom;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several application instances reserving and shipping one hot SKU on one PostgreSQL (issue #17,
 * "Done when"): separate JVMs, several threads each, one of them grouping its reservations. No
 * oversell, the position counters equal the sum of the movements and open reservations, available
 * to promise never negative (sampled while they run, and at the end), and the ledger's inventory
 * account equals the valuation. And a JVM
 * killed with {@code kill -9} while reserving and shipping: every write it was told is done is
 * there once, nothing half-written, and the restarted application running the same steps again
 * (same identities) settles each by lookup: nothing doubled, nothing lost.
 */
@RequiresPostgres
class InventoryMultiProcessTest {

    /** A child JVM running {@link InventoryChildProcess}; its stdout lines are collected. */
    private static final class Child implements AutoCloseable {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Path stderr;

        Child(TestDatabase db, String tenant, String worker, int threads, int steps, boolean grouped, long startAt) throws Exception {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), InventoryChildProcess.class.getName(), db.url(), db.user(), db.password(),
                    tenant, worker, Integer.toString(threads), Integer.toString(steps), grouped ? "grouped" : "plain",
                    Long.toString(startAt));
            stderr = Files.createTempFile("inventory-child", ".err");
            process = new ProcessBuilder(command).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (Exception ignored) {
                    // the process died
                }
            }, "inventory-child-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        List<String[]> told(String what) {
            return lines.stream().filter(l -> l.startsWith(what + " ")).map(l -> l.split(" ")).toList();
        }

        String errors() {
            try {
                String s = Files.readString(stderr);
                return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
            } catch (Exception e) {
                return "";
            }
        }

        /** Waits for a clean end: exit code 0, DONE printed, no thread failed. */
        void finished() throws InterruptedException {
            assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("child finished; stderr:%n%s", errors()).isTrue();
            assertThat(process.exitValue()).as("exit code; stderr:%n%s", errors()).isZero();
            assertThat(lines).as("stderr:%n%s", errors()).contains("DONE").noneMatch(l -> l.startsWith("FAILED"));
        }

        @Override
        public void close() throws Exception {
            process.destroyForcibly();
            Files.deleteIfExists(stderr);
        }
    }

    /** A tenant with the hot item, its locations and ledger, seen by this process. */
    private record Books(TenantInventory stock, TenantLedger ledger, Jdbc jdbc, String tenant) {

        static Books open(TestDatabase db, JdbcLedgerStore ledgerStore, String tenant) {
            TenantInventory stock = InventoryChildProcess.inventory(db.dataSource(), ledgerStore, tenant, false);
            TenantLedger ledger = Ledger.builder().store(ledgerStore).clock(InventoryChildProcess.CLOCK).build()
                    .forTenant(TenantId.of(tenant));
            return new Books(stock, ledger, Jdbc.of(db.dataSource()), tenant);
        }

        void setUp(long units) {
            ledger.openAll(InventoryContract.chart());
            for (Location l : List.of(Location.warehouse(InventoryChildProcess.WH), Location.supplier("SUP"), Location.customer("CUST"))) {
                stock.defineLocation(l);
            }
            stock.defineItem(Item.of(InventoryChildProcess.SKU, "Hot item", Uom.PIECES, Costing.FIFO, InventoryContract.EUR));
            stock.move(StockRequest.receipt(InventoryChildProcess.SKU, BigDecimal.valueOf(units), "SUP", InventoryChildProcess.WH,
                    Money.ofMinor(InventoryContract.EUR, units * 150)));
        }

        StockLevel level() {
            return stock.level(InventoryChildProcess.SKU, InventoryChildProcess.WH);
        }

        /** Counters equal movements (in SQL), ATP and on hand not negative, the ledger's inventory account equals the valuation. */
        void agree() {
            InventoryBooks.assertExact(jdbc, tenant);
            assertThat(level().available().signum()).as("available to promise").isGreaterThanOrEqualTo(0);
            assertThat(level().onHand().signum()).as("on hand").isGreaterThanOrEqualTo(0);
            Money valued = stock.valuation(LocalDate.of(2100, 1, 1)).totals().getOrDefault(InventoryContract.EUR,
                    Money.zero(InventoryContract.EUR));
            assertThat(ledger.balance("1300").posted()).as("inventory account = valuation").isEqualTo(valued);
        }
    }

    private static long sum(List<String[]> told, int field) {
        return told.stream().mapToLong(l -> Long.parseLong(l[field])).sum();
    }

    private static ReservationId reservationOf(String[] told) {
        return ReservationId.of(InventoryChildProcess.id(told[1], Integer.parseInt(told[2]), Integer.parseInt(told[3]), "reservation"));
    }

    private static OperationId shipmentOf(String[] told) {
        return OperationId.of(InventoryChildProcess.id(told[1], Integer.parseInt(told[2]), Integer.parseInt(told[3]), "shipment"));
    }

    @Test
    void three_processes_reserving_and_shipping_one_hot_sku_never_oversell_and_the_counters_equal_the_movements() throws Exception {
        long units = 200; // demand below is about 2.7 times this: the SKU sells out while all three run
        try (TestDatabase db = TestDatabases.postgres(); JdbcLedgerStore ledgerStore = JdbcLedgerStore.create(db.dataSource())) {
            String tenant = "stock-mp-" + UUID.randomUUID();
            Books b = Books.open(db, ledgerStore, tenant);
            b.setUp(units);
            long startAt = System.currentTimeMillis() + 4_000; // JVM start-up takes a while on a shared box
            List<Child> children = new ArrayList<>();
            // while they run, this process samples the hot position: on hand and available never below zero at any moment
            AtomicBoolean running = new AtomicBoolean(true);
            List<StockLevel> samples = new CopyOnWriteArrayList<>();
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    samples.add(b.level());
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "inventory-sampler");
            try {
                children.add(new Child(db, tenant, "a", 4, 30, false, startAt));
                children.add(new Child(db, tenant, "b", 4, 30, false, startAt));
                children.add(new Child(db, tenant, "g", 4, 30, true, startAt));
                sampler.start();
                List<String[]> reserved = new ArrayList<>();
                List<String[]> shipped = new ArrayList<>();
                List<String[]> released = new ArrayList<>();
                long refused = 0;
                for (Child c : children) {
                    c.finished();
                    reserved.addAll(c.told("RESERVED"));
                    shipped.addAll(c.told("SHIPPED"));
                    released.addAll(c.told("RELEASED"));
                    refused += c.told("REFUSED").size();
                }
                running.set(false);
                sampler.join();
                assertThat(samples).as("samples taken while they ran").isNotEmpty()
                        .allSatisfy(l -> assertThat(l.available().signum()).as("available %s", l).isGreaterThanOrEqualTo(0))
                        .allSatisfy(l -> assertThat(l.onHand().signum()).as("on hand %s", l).isGreaterThanOrEqualTo(0));
                System.out.println("[inventory] 3 JVMs x 4 threads x 30 steps on " + units + " units: " + reserved.size()
                        + " reservations, " + shipped.size() + " shipments (" + sum(shipped, 4) + " units), " + released.size()
                        + " releases, " + refused + " refused; " + samples.size() + " samples of the position, none negative");
                assertThat(refused).as("the SKU sold out while they ran").isPositive();
                assertThat(reserved.size() + refused).isEqualTo(3 * 4 * 30);

                // every write told done is stored, once
                for (String[] r : reserved) {
                    assertThat(b.stock().reservation(reservationOf(r)).quantity()).isEqualTo(Long.parseLong(r[4]));
                }
                for (String[] s : shipped) {
                    StockOperation op = b.stock().operation(shipmentOf(s));
                    assertThat(op.moves()).singleElement().satisfies(m -> {
                        assertThat(m.quantity()).isEqualTo(Long.parseLong(s[4]));
                        assertThat(m.reservation()).contains(reservationOf(s));
                    });
                }
                assertThat(InventoryBooks.operations(b.jdbc(), tenant, "SHIPMENT")).isEqualTo(shipped.size());
                assertThat(InventoryBooks.reservations(b.jdbc(), tenant)).isEqualTo(reserved.size());

                // never oversold: what left plus what is still held is at most what came in
                long out = sum(shipped, 4);
                long held = reserved.stream().map(r -> b.stock().reservation(reservationOf(r))).mapToLong(Reservation::open).sum();
                assertThat(out + held).isLessThanOrEqualTo(units);
                assertThat(b.level().onHand()).isEqualByComparingTo(BigDecimal.valueOf(units - out));
                assertThat(b.level().reserved()).isEqualByComparingTo(BigDecimal.valueOf(held));
                b.agree();
            } finally {
                running.set(false);
                for (Child c : children) {
                    c.close();
                }
            }
        }
    }

    @Test
    void a_process_killed_while_reserving_and_shipping_loses_nothing_and_a_rerun_doubles_nothing() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); JdbcLedgerStore ledgerStore = JdbcLedgerStore.create(db.dataSource())) {
            String tenant = "stock-kill-" + UUID.randomUUID();
            Books b = Books.open(db, ledgerStore, tenant);
            b.setUp(1_000_000); // plenty: every step of every thread can complete
            long startAt = System.currentTimeMillis() + 4_000;
            int victimThreads = 4;
            try (Child victim = new Child(db, tenant, "v", victimThreads, 100_000, true, startAt);
                 Child survivor = new Child(db, tenant, "s", 2, 60, false, startAt)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (victim.told("SHIPPED").size() < 150 && victim.process.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(victim.told("SHIPPED")).as("the victim got going; stderr:%n%s", victim.errors()).hasSizeGreaterThanOrEqualTo(150);
                victim.process.destroyForcibly(); // SIGKILL: no shutdown hook, connections cut mid-transaction
                assertThat(victim.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                survivor.finished();

                // right after the kill: whatever it had in flight rolled back as a whole
                b.agree();
                List<String[]> toldReserved = victim.told("RESERVED");
                List<String[]> toldShipped = victim.told("SHIPPED");
                Map<ReservationId, Reservation> reservedBefore = new HashMap<>();
                for (String[] r : toldReserved) {
                    reservedBefore.put(reservationOf(r), b.stock().reservation(reservationOf(r))); // nothing lost
                }
                Map<OperationId, StockOperation> shippedBefore = new HashMap<>();
                for (String[] s : toldShipped) {
                    shippedBefore.put(shipmentOf(s), b.stock().operation(shipmentOf(s)));
                }

                // the restart: this process runs the victim's steps again, up to the one each thread may have had in flight
                int[] last = new int[victimThreads];
                java.util.Arrays.fill(last, -1);
                for (String line : victim.lines) {
                    String[] f = line.split(" ");
                    if (f.length >= 4 && f[1].equals("v")) {
                        last[Integer.parseInt(f[2])] = Math.max(last[Integer.parseInt(f[2])], Integer.parseInt(f[3]));
                    }
                }
                long steps = 0;
                long shippingSteps = 0;
                for (int t = 0; t < victimThreads; t++) {
                    for (int i = 0; i <= last[t] + 1; i++) {
                        InventoryChildProcess.step(b.stock(), "v", t, i, line -> { });
                        steps++;
                        shippingSteps += i % 4 == 3 ? 0 : 1;
                    }
                }
                System.out.println("[inventory] kill -9 after " + toldShipped.size() + " shipments told; the restart reran "
                        + steps + " steps of the victim");

                // nothing doubled: what was stored before is what is stored now, and every step is there once
                reservedBefore.forEach((id, r) -> {
                    Reservation now = b.stock().reservation(id);
                    assertThat(now.createdAt()).isEqualTo(r.createdAt());
                    assertThat(now.quantity()).isEqualTo(r.quantity());
                });
                shippedBefore.forEach((id, op) -> assertThat(b.stock().operation(id)).isEqualTo(op));
                long survivorSteps = 2 * 60;
                long survivorShipping = 2 * 45;
                assertThat(InventoryBooks.reservations(b.jdbc(), tenant)).isEqualTo(steps + survivorSteps);
                assertThat(InventoryBooks.operations(b.jdbc(), tenant, "SHIPMENT")).isEqualTo(shippingSteps + survivorShipping);
                assertThat(b.level().reserved()).as("every step ends shipped in full or released").isEqualByComparingTo("0");
                b.agree();
            }
        }
    }
}
