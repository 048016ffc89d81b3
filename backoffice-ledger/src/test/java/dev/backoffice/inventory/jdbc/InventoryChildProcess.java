package dev.backoffice.inventory.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.inventory.Inventory;
import dev.backoffice.inventory.InventoryContract;
import dev.backoffice.inventory.NewReservation;
import dev.backoffice.inventory.OperationId;
import dev.backoffice.inventory.ReservationId;
import dev.backoffice.inventory.StockRequest;
import dev.backoffice.inventory.TenantInventory;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One application instance for {@link InventoryMultiProcessTest}: threads that each run
 * {@link #step} for i = 0, 1, 2, ... on the one hot SKU, printing a line for every write they
 * were told is done ({@code RESERVED}, {@code SHIPPED}, {@code RELEASED}, or {@code REFUSED} when
 * nothing was available), and {@code DONE} at the end.
 *
 * <p>Arguments: url, user, password, tenant, worker name, threads, steps per thread,
 * {@code grouped|plain} (whether reservations share transactions), start time (epoch millis:
 * every child waits for it, so they run together).
 */
public final class InventoryChildProcess {

    /** The hot item and where it is held. */
    static final String SKU = "HOT";
    static final String WH = "WH1";
    /** Every instance, the test's included, sees the same time: reruns compare equal. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC);

    private InventoryChildProcess() {
    }

    /** The inventory of {@code tenant} over {@code ds}, with its ledger on the same data source (one transaction each). */
    static TenantInventory inventory(DataSource ds, JdbcLedgerStore ledgerStore, String tenant, boolean grouped) {
        Ledger ledger = Ledger.builder().store(ledgerStore).clock(CLOCK).build();
        return Inventory.builder().store(JdbcInventoryStore.create(ds)).ledger(ledger, InventoryContract.ACCOUNTS).clock(CLOCK)
                .groupReservations(grouped).build().forTenant(TenantId.of(tenant));
    }

    /** The identity of a write of step {@code i} of {@code thread} of {@code worker}: the same in every process and on every rerun. */
    static UUID id(String worker, int thread, int i, String what) {
        return UUID.nameUUIDFromBytes((worker + "/" + thread + "/" + i + "/" + what).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Step {@code i}: reserve, then by {@code i % 4} ship it in full (1 unit), ship it in full
     * (2 units), ship half and release the rest, or release it. Every write carries an identity
     * derived from (worker, thread, i), so running a step again settles by lookup. {@code told}
     * gets one line per write done.
     */
    static void step(TenantInventory stock, String worker, int thread, int i, Consumer<String> told) {
        String at = worker + " " + thread + " " + i;
        int mode = i % 4;
        long quantity = mode == 0 || mode == 3 ? 1 : 2;
        ReservationId rid = ReservationId.of(id(worker, thread, i, "reservation"));
        try {
            stock.reserve(NewReservation.of(SKU, WH, BigDecimal.valueOf(quantity), "order-" + at.replace(' ', '/'),
                    CLOCK.instant().plus(Duration.ofDays(1))).withId(rid));
        } catch (BackofficeException e) {
            if (!e.code().equals("inventory.insufficient_available")) {
                throw e;
            }
            told.accept("REFUSED " + at);
            return;
        }
        told.accept("RESERVED " + at + " " + quantity);
        if (mode != 3) {
            long ship = mode == 2 ? 1 : quantity;
            stock.move(StockRequest.shipment(SKU, BigDecimal.valueOf(ship), WH, "CUST").against(rid)
                    .withId(OperationId.of(id(worker, thread, i, "shipment"))));
            told.accept("SHIPPED " + at + " " + ship);
        }
        if (mode >= 2) {
            stock.release(rid);
            told.accept("RELEASED " + at);
        }
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword(args[2]);
        int threads = Integer.parseInt(args[5]);
        config.setMaximumPoolSize(threads + 2);
        String worker = args[4];
        int steps = Integer.parseInt(args[6]);
        boolean grouped = args[7].equals("grouped");
        long startAt = Long.parseLong(args[8]);
        try (HikariDataSource ds = new HikariDataSource(config); JdbcLedgerStore ledgerStore = JdbcLedgerStore.create(ds)) {
            TenantInventory stock = inventory(ds, ledgerStore, args[3], grouped);
            Consumer<String> told = line -> {
                synchronized (System.out) {
                    System.out.println(line);
                    System.out.flush(); // a line printed is a write acknowledged
                }
            };
            List<Thread> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread th = new Thread(() -> {
                    try {
                        for (int i = 0; i < steps; i++) {
                            step(stock, worker, thread, i, told);
                        }
                    } catch (RuntimeException e) {
                        e.printStackTrace();
                        told.accept("FAILED " + worker + " " + thread + " " + e);
                    }
                });
                running.add(th);
            }
            long wait = startAt - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            running.forEach(Thread::start);
            for (Thread th : running) {
                th.join();
            }
            told.accept("DONE");
        }
    }
}
