package dev.backoffice.inventory;

import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.testing.CommitOutcomeContract;
import dev.backoffice.core.testing.CommitOutcomes.Fault;
import dev.backoffice.core.testing.CommitOutcomes.Probe;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.inventory.jdbc.JdbcInventoryStore;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.jdbc.TenantBooks;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failure of an inventory write means (DESIGN.md section 11), with faults injected between
 * the stores and a real database: a commit that lands and loses its acknowledgement, a connection
 * dropped while committing, and every statement of the write in turn failing. Stock, ledger and
 * audit share the one (faulty) data source, so an operation and its journal entry are one
 * transaction. For every fault what the caller was told matches what is stored, and afterwards
 * the books agree: the ledger's inventory account equals the valuation, on hand equals the
 * operations stored, reserved equals the reservations stored. A lost acknowledgement a rerun
 * settles by lookup is counted as {@code backoffice.outcome.resolved{module=inventory}} on the
 * store's recorder; a call answered at its first attempt records nothing.
 */
public abstract class InventoryCommitOutcomeContract extends CommitOutcomeContract {

    private JdbcInventoryStore stockStore;
    private JdbcLedgerStore ledgerStore;
    private TenantInventory stock;
    private TenantLedger ledger;
    private AdjustableClock clock;

    protected InventoryCommitOutcomeContract(StoreKind kind) {
        super(kind);
    }

    @BeforeAll
    void open() {
        stockStore = JdbcInventoryStore.builder(meteredJdbc()).build();
        assertThat(stockStore.metrics()).isSameAs(metrics());
        ledgerStore = closeAfterAll(JdbcLedgerStore.create(faulty()));
    }

    @BeforeEach
    void freshTenant() {
        TenantBooks books = TenantBooks.open(ledgerStore, jdbc(), InventoryContract.chart());
        clock = books.clock();
        ledger = books.ledger();
        stock = Inventory.builder().store(stockStore).ledger(books.ledgers(), InventoryContract.ACCOUNTS).clock(clock).audit(books.audit())
                .build().forTenant(books.tenant());
        for (Location l : List.of(Location.warehouse("WH1"), Location.supplier("SUP"), Location.customer("CUST"))) {
            stock.defineLocation(l);
        }
        stock.defineItem(Item.of("BOLT", "Bolt", Uom.PIECES, Costing.FIFO, InventoryContract.EUR));
    }

    private StockOperation receive(OperationId id) {
        return stock.move(StockRequest.receipt("BOLT", BigDecimal.TEN, "SUP", "WH1", Money.of(InventoryContract.EUR, 10)).withId(id));
    }

    private Optional<StockOperation> stored(OperationId id) {
        return find(() -> stock.operation(id));
    }

    private Optional<Reservation> reservation(ReservationId id) {
        return find(() -> stock.reservation(id));
    }

    /** The ledger equals the valuation; on hand equals what the stored receipts brought in. */
    private void theBooksAgree(List<OperationId> attempted, long shippedOut) {
        long received = attempted.stream().map(this::stored).flatMap(Optional::stream).count() * 10;
        assertThat(stock.onHand("BOLT", "WH1")).isEqualByComparingTo(BigDecimal.valueOf(received - shippedOut));
        Money valued = stock.valuation(LocalDate.of(2100, 1, 1)).totals().getOrDefault(InventoryContract.EUR,
                Money.zero(InventoryContract.EUR));
        assertThat(ledger.balance("1300").posted()).isEqualTo(valued);
    }

    @Test
    void a_receipt_is_stored_once_with_its_entry_whatever_the_fault() {
        List<OperationId> attempted = new ArrayList<>();
        Probe probe = probe(() -> attempted.add(receive(OperationId.newId()).id()),
                () -> attempted.add(receive(OperationId.newId()).id()));
        System.out.println("[inventory] " + kind() + ": one receipt with its journal entry is " + probe.statements()
                + " statements and " + probe.commits() + " commit(s)");
        assertThat(probe.commits()).as("the operation and its entry commit once, together").isEqualTo(1);
        for (Fault fault : faults(probe)) {
            OperationId id = OperationId.newId();
            attempted.add(id);
            toldMatchesStored(fault, () -> receive(id),
                    told -> stored(told.id()).filter(told::equals).isPresent() ? 1 : 0,
                    () -> stored(id).isPresent() ? 1 : 0, 1);
        }
        theBooksAgree(attempted, 0);
    }

    @Test
    void a_reservation_is_stored_once_whatever_the_fault_and_reserved_is_what_is_stored() {
        receive(OperationId.newId());
        receive(OperationId.newId());
        Instant until = clock.instant().plus(Duration.ofHours(1));
        List<ReservationId> attempted = new ArrayList<>();
        Probe probe = probe(
                () -> attempted.add(stock.reserve(NewReservation.of("BOLT", "WH1", BigDecimal.ONE, "probe", until)).id()),
                () -> attempted.add(stock.reserve(NewReservation.of("BOLT", "WH1", BigDecimal.ONE, "probe", until)).id()));
        assertThat(probe.commits()).isEqualTo(1);
        for (Fault fault : faults(probe)) {
            ReservationId id = ReservationId.newId();
            attempted.add(id);
            toldMatchesStored(fault,
                    () -> stock.reserve(NewReservation.of("BOLT", "WH1", BigDecimal.ONE, "faulted", until).withId(id)),
                    told -> reservation(told.id()).filter(told::equals).isPresent() ? 1 : 0,
                    () -> reservation(id).isPresent() ? 1 : 0, 1);
        }
        long held = attempted.stream().map(this::reservation).flatMap(Optional::stream).mapToLong(Reservation::open).sum();
        assertThat(stock.level("BOLT", "WH1").reserved()).isEqualByComparingTo(BigDecimal.valueOf(held));
    }

    @Test
    void a_cost_correction_is_stored_once_with_its_entry_whatever_the_fault() {
        StockOperation receipt = receive(OperationId.newId()); // 10 at 1.00, all on hand: every correction revalues it in full
        List<OperationId> attempted = new ArrayList<>();
        Probe probe = probe(
                () -> attempted.add(stock.correctCost(CostCorrection.of(receipt.id(), Money.of(InventoryContract.EUR, 1), "probe")).id()),
                () -> attempted.add(stock.correctCost(CostCorrection.of(receipt.id(), Money.of(InventoryContract.EUR, 1), "probe")).id()));
        assertThat(probe.commits()).as("the correction and its entry commit once, together").isEqualTo(1);
        for (Fault fault : faults(probe)) {
            OperationId id = OperationId.newId();
            attempted.add(id);
            toldMatchesStored(fault,
                    () -> stock.correctCost(CostCorrection.of(receipt.id(), Money.of(InventoryContract.EUR, 1), "faulted").withId(id)),
                    told -> stored(told.id()).filter(told::equals).isPresent() ? 1 : 0,
                    () -> stored(id).isPresent() ? 1 : 0, 1);
        }
        long corrections = attempted.stream().map(this::stored).flatMap(Optional::stream).count();
        assertThat(stock.valuation(LocalDate.of(2100, 1, 1)).totals().get(InventoryContract.EUR))
                .isEqualTo(Money.of(InventoryContract.EUR, 10 + corrections));
        theBooksAgree(List.of(receipt.id()), 0);
        // the layer holds what was stored: the whole receipt ships at 10 + the corrections
        StockOperation out = stock.move(StockRequest.shipment("BOLT", BigDecimal.TEN, "WH1", "CUST"));
        assertThat(out.moves().get(0).valueDelta()).isEqualTo(Money.of(InventoryContract.EUR, -(10 + corrections)));
    }

    @Test
    void a_count_that_releases_holds_is_stored_once_whatever_the_fault_and_reserved_is_what_is_stored() {
        stock.defineLocation(Location.loss("LOSS"));
        for (int i = 0; i < 10; i++) {
            receive(OperationId.newId()); // 100 on hand
        }
        Instant until = clock.instant().plus(Duration.ofHours(1));
        List<ReservationId> holds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            holds.add(stock.reserve(NewReservation.of("BOLT", "WH1", BigDecimal.valueOf(3), "order-" + i, until.plusSeconds(i))).id());
        }
        // 90 held, 10 available: every count finds one less than the one before; from the eleventh on it releases holds
        int[] counted = {100};
        List<Object[]> attempted = new ArrayList<>(); // {id, counted}
        Probe probe = probe(
                () -> attempted.add(new Object[]{stock.count(StockCount.of("BOLT", "WH1", BigDecimal.valueOf(--counted[0]), "LOSS")).id(),
                        counted[0]}),
                () -> attempted.add(new Object[]{stock.count(StockCount.of("BOLT", "WH1", BigDecimal.valueOf(--counted[0]), "LOSS")).id(),
                        counted[0]}));
        assertThat(probe.commits()).isEqualTo(1);
        for (Fault fault : faults(probe)) {
            OperationId id = OperationId.newId();
            int c = --counted[0];
            attempted.add(new Object[]{id, c});
            toldMatchesStored(fault,
                    () -> stock.count(StockCount.of("BOLT", "WH1", BigDecimal.valueOf(c), "LOSS").withId(id)),
                    told -> stored(told.id()).filter(told::equals).isPresent() ? 1 : 0,
                    () -> stored(id).isPresent() ? 1 : 0, 1);
        }
        assertThat(counted[0]).as("enough faults to reach the holds").isLessThan(90);
        int last = attempted.stream().filter(a -> stored((OperationId) a[0]).isPresent()).mapToInt(a -> (Integer) a[1]).min().orElseThrow();
        long held = holds.stream().map(this::reservation).flatMap(Optional::stream).mapToLong(Reservation::open).sum();
        StockLevel level = stock.level("BOLT", "WH1");
        assertThat(level.onHand()).isEqualByComparingTo(BigDecimal.valueOf(last));
        assertThat(level.reserved()).as("reserved is what the stored holds still hold").isEqualByComparingTo(BigDecimal.valueOf(held));
        assertThat(level.available().signum()).isGreaterThanOrEqualTo(0);
        assertThat(held).as("holds were released").isLessThan(90);
        Money valued = stock.valuation(LocalDate.of(2100, 1, 1)).totals().get(InventoryContract.EUR);
        assertThat(ledger.balance("1300").posted()).isEqualTo(valued);
    }

    @Test
    void a_partial_release_is_applied_once_whatever_the_fault_and_reserved_is_what_is_stored() {
        for (int i = 0; i < 10; i++) {
            receive(OperationId.newId()); // 100 in stock
        }
        Reservation r = stock.reserve(NewReservation.of("BOLT", "WH1", BigDecimal.valueOf(90), "order", clock.instant().plus(Duration.ofHours(1))));
        long[] keep = {90};
        Probe probe = probe(() -> stock.releaseDownTo(r.id(), BigDecimal.valueOf(--keep[0])),
                () -> stock.releaseDownTo(r.id(), BigDecimal.valueOf(--keep[0])));
        assertThat(probe.commits()).isEqualTo(1);
        for (Fault fault : faults(probe)) {
            long k = --keep[0];
            // stored: the reservation holds k (this release done) or more (not done); told done: exactly k held, never less
            toldMatchesStored(fault, () -> stock.releaseDownTo(r.id(), BigDecimal.valueOf(k)),
                    told -> told.open() == k && stock.reservation(r.id()).equals(told) ? 1 : 0,
                    () -> stock.reservation(r.id()).open() == k ? 1 : 0, 1);
            assertThat(stock.reservation(r.id()).open()).as("a rerun released nothing twice").isGreaterThanOrEqualTo(k);
        }
        Reservation now = stock.reservation(r.id());
        assertThat(now.released()).isEqualTo(90 - now.open());
        assertThat(stock.level("BOLT", "WH1").reserved()).as("reserved is what is stored").isEqualByComparingTo(BigDecimal.valueOf(now.open()));
    }

    @Test
    void a_shipment_against_a_reservation_is_stored_once_whatever_the_fault() {
        for (int i = 0; i < 10; i++) {
            receive(OperationId.newId()); // 100 in stock: more than the faults below ship
        }
        Instant until = clock.instant().plus(Duration.ofHours(1));
        Reservation r = stock.reserve(NewReservation.of("BOLT", "WH1", BigDecimal.valueOf(90), "order", until));
        Probe probe = probe(
                () -> stock.move(StockRequest.shipment("BOLT", BigDecimal.ONE, "WH1", "CUST").against(r.id())),
                () -> stock.move(StockRequest.shipment("BOLT", BigDecimal.ONE, "WH1", "CUST").against(r.id())));
        List<OperationId> shipped = new ArrayList<>();
        for (Fault fault : faults(probe)) {
            OperationId id = OperationId.newId();
            shipped.add(id);
            toldMatchesStored(fault,
                    () -> stock.move(StockRequest.shipment("BOLT", BigDecimal.ONE, "WH1", "CUST").against(r.id()).withId(id)),
                    told -> stored(told.id()).filter(told::equals).isPresent() ? 1 : 0,
                    () -> stored(id).isPresent() ? 1 : 0, 1);
        }
        long count = 2 + shipped.stream().map(this::stored).flatMap(Optional::stream).count();
        assertThat(stock.reservation(r.id()).shipped()).isEqualTo(count);
        assertThat(stock.level("BOLT", "WH1").reserved()).isEqualByComparingTo(BigDecimal.valueOf(90 - count));
        assertThat(stock.onHand("BOLT", "WH1")).isEqualByComparingTo(BigDecimal.valueOf(100 - count));
        Money valued = stock.valuation(LocalDate.of(2100, 1, 1)).totals().get(InventoryContract.EUR);
        assertThat(ledger.balance("1300").posted()).isEqualTo(valued);
    }

    @Test
    void a_receipt_whose_commit_acknowledgement_is_lost_is_counted_as_resolved_by_lookup() {
        int before = faulty().commits();
        OperationId measured = receive(OperationId.newId()).id();
        int commitsOfAReceipt = faulty().commits() - before; // its write commits last
        metrics().clear();
        OperationId first = receive(OperationId.newId()).id();
        assertThat(metrics().get(Meters.OUTCOME_RESOLVED + "|module|inventory")).as("a first attempt that answers records nothing")
                .isZero();
        OperationId id = OperationId.newId();
        StockOperation told = withCommitAckLost(commitsOfAReceipt, () -> receive(id));
        assertThat(stored(id)).contains(told);
        assertThat(metrics().get(Meters.OUTCOME_RESOLVED + "|module|inventory")).as(metrics().toString()).isEqualTo(1);
        assertThat(metrics().get(Meters.OUTCOME_UNKNOWN + "|module|inventory")).isZero();
        theBooksAgree(List.of(measured, first, id), 0);
    }

    @Test
    void a_reservation_whose_commit_acknowledgement_is_lost_is_counted_as_resolved_by_lookup() {
        receive(OperationId.newId());
        Instant until = clock.instant().plus(Duration.ofHours(1));
        int commitsOfAReservation = commitsOf(() -> stock.reserve(NewReservation.of("BOLT", "WH1", BigDecimal.ONE, "first", until)));
        metrics().clear();
        ReservationId id = ReservationId.newId();
        Reservation told = withCommitAckLost(commitsOfAReservation,
                () -> stock.reserve(NewReservation.of("BOLT", "WH1", BigDecimal.ONE, "lost ack", until).withId(id)));
        assertThat(reservation(id)).contains(told);
        assertThat(stock.level("BOLT", "WH1").reserved()).isEqualByComparingTo(BigDecimal.valueOf(2));
        assertThat(metrics().get(Meters.OUTCOME_RESOLVED + "|module|inventory")).as(metrics().toString()).isEqualTo(1);
        assertThat(metrics().get(Meters.OUTCOME_UNKNOWN + "|module|inventory")).isZero();
    }
}
