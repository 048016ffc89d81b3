package dev.backoffice.inventory;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.inventory.jdbc.JdbcInventoryStore;
import dev.backoffice.inventory.memory.InMemoryInventoryStore;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import org.assertj.core.api.ThrowableAssert;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The base of every inventory suite run on each store kind: one database (or none, in memory)
 * per class, a fresh tenant per test, the ledger and the audit log on the same data source as the
 * stock (so an operation and its journal entry share a transaction).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class InventoryContract {

    public static final CurrencyUnit EUR = CurrencyUnit.EUR;
    public static final InventoryAccounts ACCOUNTS = InventoryAccounts.builder()
            .currency(EUR, "1300", "2150", "5000", "5900", "3000").build();
    protected static final LocalDate MARCH_16 = LocalDate.of(2026, 3, 16);

    protected final StoreKind kind;
    private TestDatabase db;
    private InventoryStore stockStore;
    private LedgerStore ledgerStore;

    protected AdjustableClock clock;
    protected TenantId tenant;
    protected TenantLedger ledger;
    protected TenantInventory stock;

    protected InventoryContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void openStores() {
        if (kind.jdbc()) {
            db = kind.openDatabase();
            stockStore = JdbcInventoryStore.create(db.dataSource());
            ledgerStore = JdbcLedgerStore.create(db.dataSource());
        } else {
            stockStore = InMemoryInventoryStore.create();
            ledgerStore = InMemoryLedgerStore.create();
        }
    }

    @AfterAll
    void closeStores() throws Exception {
        if (ledgerStore instanceof AutoCloseable closeable) {
            closeable.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void freshTenant() {
        clock = AdjustableClock.startingAt(Instant.parse("2026-03-16T09:00:00Z"));
        tenant = TenantId.of("t-" + UUID.randomUUID());
        AuditStore audit = kind.jdbc() ? JdbcAuditStore.create(Jdbc.of(db.dataSource()), clock) : InMemoryAuditStore.create(clock);
        Ledger ledgers = Ledger.builder().store(ledgerStore).clock(clock).audit(audit).build();
        ledger = ledgers.forTenant(tenant);
        ledger.openAll(chart());
        stock = Inventory.builder().store(stockStore).ledger(ledgers, ACCOUNTS).clock(clock).audit(audit).build().forTenant(tenant);
        for (Location l : List.of(Location.warehouse("WH1"), Location.warehouse("WH2"), Location.supplier("SUP"),
                Location.customer("CUST"), Location.loss("LOSS"), Location.opening("OPEN"))) {
            stock.defineLocation(l);
        }
        stock.defineItem(Item.of("BOLT", "Bolt M8", Uom.PIECES, Costing.FIFO, EUR));
        stock.defineItem(Item.of("FLOUR", "Flour", Uom.KILOGRAMS, Costing.MOVING_AVERAGE, EUR));
    }

    public static List<OpenAccount> chart() {
        return List.of(OpenAccount.of("1300", "Inventory", AccountType.ASSET, EUR),
                OpenAccount.of("2150", "Goods received not invoiced", AccountType.LIABILITY, EUR),
                OpenAccount.of("5000", "Cost of goods sold", AccountType.EXPENSE, EUR),
                OpenAccount.of("5900", "Inventory adjustments", AccountType.EXPENSE, EUR),
                OpenAccount.of("3000", "Opening balance", AccountType.EQUITY, EUR));
    }

    protected static BigDecimal q(String quantity) {
        return new BigDecimal(quantity);
    }

    protected static Money eur(String amount) {
        return Money.of(EUR, new BigDecimal(amount));
    }

    protected StockOperation receive(String sku, String quantity, String cost) {
        return stock.move(StockRequest.receipt(sku, q(quantity), "SUP", "WH1", eur(cost)));
    }

    protected static void fails(String code, ThrowableAssert.ThrowingCallable call) {
        BackofficeException e = catchThrowableOfType(BackofficeException.class, call);
        assertThat(e).as("expected " + code).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
    }

    /** The inventory account of the ledger equals the valuation today. */
    protected void ledgerMatchesValuation() {
        Money valued = stock.valuation(LocalDate.of(2100, 1, 1)).totals().getOrDefault(EUR, Money.zero(EUR));
        assertThat(ledger.balance("1300").posted()).isEqualTo(valued);
    }

    // ================================================================== 1. movements

    @Test
    void a_receipt_puts_stock_on_hand_and_every_item_sums_to_zero_over_all_locations() {
        receive("BOLT", "100", "250.00");
        stock.move(StockRequest.transfer("BOLT", q("30"), "WH1", "WH2"));
        stock.move(StockRequest.shipment("BOLT", q("20"), "WH1", "CUST"));
        assertThat(stock.onHand("BOLT", "WH1")).isEqualByComparingTo("50");
        assertThat(stock.onHand("BOLT", "WH2")).isEqualByComparingTo("30");
        assertThat(stock.onHand("BOLT", "CUST")).isEqualByComparingTo("20");
        assertThat(stock.onHand("BOLT", "SUP")).isEqualByComparingTo("-100");
        BigDecimal sum = stock.locations().stream().map(l -> stock.onHand("BOLT", l.code())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo("0");
        ledgerMatchesValuation();
    }

    @Test
    void a_quantity_with_more_decimals_than_its_unit_is_refused_naming_the_field_and_nothing_is_written() {
        fails("inventory.invalid_quantity", () -> receive("BOLT", "1.5", "1.00"));
        fails("inventory.invalid_quantity", () -> receive("FLOUR", "1.2345", "1.00"));
        fails("inventory.invalid_quantity", () -> receive("BOLT", "0", "1.00"));
        fails("inventory.invalid_quantity", () -> receive("BOLT", "-1", "1.00"));
        receive("FLOUR", "1.234", "2.00");
        assertThat(stock.onHand("FLOUR", "WH1")).isEqualByComparingTo("1.234");
        assertThat(stock.onHand("BOLT", "WH1")).isEqualByComparingTo("0");
    }

    @Test
    void unknown_items_and_locations_and_wrong_location_kinds_are_typed_errors() {
        fails("inventory.item_not_found", () -> receive("NOPE", "1", "1.00"));
        fails("inventory.location_not_found", () -> stock.move(StockRequest.receipt("BOLT", q("1"), "SUP", "NOWHERE", eur("1.00"))));
        fails("inventory.wrong_location_kind", () -> stock.move(StockRequest.receipt("BOLT", q("1"), "CUST", "WH1", eur("1.00"))));
        fails("inventory.wrong_location_kind", () -> stock.move(StockRequest.shipment("BOLT", q("1"), "SUP", "CUST")));
        fails("inventory.invalid_cost", () -> stock.move(StockRequest.receipt("BOLT", q("1"), "SUP", "WH1", Money.of(CurrencyUnit.USD, 1))));
    }

    @Test
    void stock_cannot_go_negative_in_a_warehouse_nor_can_a_customer_return_more_than_it_received() {
        receive("BOLT", "5", "5.00");
        fails("inventory.insufficient_stock", () -> stock.move(StockRequest.shipment("BOLT", q("6"), "WH1", "CUST")));
        stock.move(StockRequest.shipment("BOLT", q("2"), "WH1", "CUST"));
        fails("inventory.insufficient_stock", () -> stock.move(StockRequest.returned("BOLT", q("3"), "CUST", "WH1")));
        stock.move(StockRequest.returned("BOLT", q("2"), "CUST", "WH1"));
        assertThat(stock.onHand("BOLT", "WH1")).isEqualByComparingTo("5");
        ledgerMatchesValuation();
    }

    @Test
    void a_warehouse_that_allows_negative_stock_ships_beyond_what_it_holds() {
        stock.defineLocation(Location.warehouse("DROP").negativeAllowed(true));
        stock.move(StockRequest.shipment("BOLT", q("3"), "DROP", "CUST"));
        assertThat(stock.onHand("BOLT", "DROP")).isEqualByComparingTo("-3");
    }

    @Test
    void an_operation_is_idempotent_by_its_id() {
        OperationId id = OperationId.newId();
        StockOperation first = stock.move(StockRequest.receipt("BOLT", q("10"), "SUP", "WH1", eur("10.00")).withId(id));
        StockOperation again = stock.move(StockRequest.receipt("BOLT", q("10"), "SUP", "WH1", eur("10.00")).withId(id));
        assertThat(again).isEqualTo(first);
        assertThat(stock.onHand("BOLT", "WH1")).isEqualByComparingTo("10");
        assertThat(stock.operation(id)).isEqualTo(first);
        fails("inventory.operation_exists", () -> stock.move(StockRequest.shipment("BOLT", q("1"), "WH1", "CUST").withId(id)));
        ledgerMatchesValuation();
    }

    @Test
    void an_adjustment_posts_a_loss_and_a_count_posts_the_difference_to_the_loss_location() {
        receive("FLOUR", "10", "20.00");
        stock.move(StockRequest.adjustment("FLOUR", q("1.5"), "WH1", "LOSS", "spilled"));
        assertThat(stock.onHand("FLOUR", "WH1")).isEqualByComparingTo("8.5");
        StockOperation count = stock.count(StockCount.of("FLOUR", "WH1", q("8"), "LOSS"));
        assertThat(count.moves()).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("LOSS");
            assertThat(m.decimalQuantity()).isEqualByComparingTo("0.5");
            assertThat(m.valueDelta()).isEqualTo(eur("-1.00"));
        });
        StockOperation gain = stock.count(StockCount.of("FLOUR", "WH1", q("9"), "LOSS"));
        assertThat(gain.moves().get(0).valueDelta()).isEqualTo(eur("2.00"));
        assertThat(stock.onHand("FLOUR", "WH1")).isEqualByComparingTo("9");
        assertThat(stock.onHand("FLOUR", "LOSS")).isEqualByComparingTo("1");
        assertThat(ledger.balance("5900").posted()).isEqualTo(eur("2.00"));
        ledgerMatchesValuation();
    }

    @Test
    void back_dating_is_allowed_in_an_open_period_and_refused_in_a_closed_one() {
        stock.move(StockRequest.receipt("BOLT", q("10"), "SUP", "WH1", eur("10.00")).on(LocalDate.of(2026, 2, 10)));
        stock.closePeriod(LocalDate.of(2026, 2, 28), "controller");
        fails("inventory.period_closed", () -> stock.move(StockRequest.receipt("BOLT", q("1"), "SUP", "WH1", eur("1.00"))
                .on(LocalDate.of(2026, 2, 27))));
        stock.move(StockRequest.receipt("BOLT", q("1"), "SUP", "WH1", eur("1.00")).on(LocalDate.of(2026, 3, 1)));
        assertThat(stock.closedThrough()).contains(LocalDate.of(2026, 2, 28));
        assertThat(stock.valuation(LocalDate.of(2026, 2, 28)).totals()).containsEntry(EUR, eur("10.00"));
    }

    @Test
    void a_closed_ledger_period_refuses_the_movement_and_nothing_is_written() {
        ledger.closePeriod(LocalDate.of(2026, 2, 28), "controller");
        fails("inventory.period_closed", () -> stock.move(StockRequest.receipt("BOLT", q("1"), "SUP", "WH1", eur("1.00"))
                .on(LocalDate.of(2026, 2, 27))));
        assertThat(stock.onHand("BOLT", "WH1")).isEqualByComparingTo("0");
        assertThat(stock.valuation(MARCH_16).items()).isEmpty();
    }

    // ================================================================== lots and serials

    @Test
    void lots_are_shipped_first_expiry_first_out() {
        Item milk = stock.defineItem(Item.of("MILK", "Milk", Uom.PIECES, Costing.FIFO, EUR).tracked(Tracking.LOT));
        stock.move(StockRequest.receipt("MILK", q("10"), "SUP", "WH1", eur("10.00")).lot("L-LATE", LocalDate.of(2026, 5, 1)));
        stock.move(StockRequest.receipt("MILK", q("10"), "SUP", "WH1", eur("10.00")).lot("L-SOON", LocalDate.of(2026, 4, 1)));
        StockOperation ship = stock.move(StockRequest.shipment("MILK", q("15"), "WH1", "CUST"));
        assertThat(ship.moves()).extracting(m -> m.lot().orElseThrow() + ":" + m.quantity()).containsExactly("L-SOON:10", "L-LATE:5");
        assertThat(stock.lots("MILK", "WH1")).singleElement().returns("L-LATE", LotBalance::lot).returns(5L, LotBalance::onHand);
        fails("inventory.invalid_lot", () -> stock.move(StockRequest.receipt("MILK", q("1"), "SUP", "WH1", eur("1.00"))));
        assertThat(milk.tracking()).isEqualTo(Tracking.LOT);
        ledgerMatchesValuation();
    }

    @Test
    void a_serial_number_is_received_once() {
        stock.defineItem(Item.of("PHONE", "Phone", Uom.PIECES, Costing.FIFO, EUR).tracked(Tracking.SERIAL));
        stock.move(StockRequest.receipt("PHONE", q("1"), "SUP", "WH1", eur("300.00")).lot("SN-1"));
        fails("inventory.serial_exists", () -> stock.move(StockRequest.receipt("PHONE", q("1"), "SUP", "WH2", eur("300.00")).lot("SN-1")));
        fails("inventory.invalid_lot", () -> stock.move(StockRequest.receipt("PHONE", q("2"), "SUP", "WH1", eur("600.00")).lot("SN-2")));
        stock.move(StockRequest.shipment("PHONE", q("1"), "WH1", "CUST").lot("SN-1"));
        assertThat(stock.lots("PHONE", "CUST")).singleElement().returns("SN-1", LotBalance::lot);
    }

    // ================================================================== 2. reservations

    @Test
    void a_reservation_holds_stock_is_shipped_in_part_and_released() {
        receive("BOLT", "10", "10.00");
        Reservation r = stock.reserve(NewReservation.of("BOLT", "WH1", q("6"), "order-1/1", clock.instant().plus(Duration.ofHours(1))));
        assertThat(stock.level("BOLT", "WH1")).returns(q("4"), StockLevel::available);
        fails("inventory.insufficient_available", () -> stock.reserve(NewReservation.of("BOLT", "WH1", q("5"), "order-2/1",
                clock.instant().plus(Duration.ofHours(1)))));
        fails("inventory.insufficient_available", () -> stock.move(StockRequest.shipment("BOLT", q("5"), "WH1", "CUST")));
        stock.move(StockRequest.shipment("BOLT", q("4"), "WH1", "CUST").against(r.id()));
        assertThat(stock.reservation(r.id())).returns(4L, Reservation::shipped).returns(ReservationStatus.OPEN, Reservation::status);
        fails("inventory.exceeds_reserved", () -> stock.move(StockRequest.shipment("BOLT", q("3"), "WH1", "CUST").against(r.id())));
        Reservation released = stock.release(r.id());
        assertThat(released.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(stock.release(r.id())).isEqualTo(released);
        assertThat(stock.level("BOLT", "WH1")).returns(q("6"), StockLevel::onHand).returns(q("0"), StockLevel::reserved)
                .returns(q("6"), StockLevel::available);
        fails("inventory.reservation_closed", () -> stock.move(StockRequest.shipment("BOLT", q("1"), "WH1", "CUST").against(r.id())));
        ledgerMatchesValuation();
    }

    @Test
    void an_expired_reservation_gives_its_stock_back() {
        receive("BOLT", "10", "10.00");
        Reservation r = stock.reserve(NewReservation.of("BOLT", "WH1", q("10"), "order-1/1", clock.instant().plus(Duration.ofMinutes(5))));
        clock.advance(Duration.ofMinutes(6));
        fails("inventory.reservation_closed", () -> stock.move(StockRequest.shipment("BOLT", q("1"), "WH1", "CUST").against(r.id())));
        // a new reservation sweeps the lapsed one of its position first
        Reservation next = stock.reserve(NewReservation.of("BOLT", "WH1", q("10"), "order-2/1", clock.instant().plus(Duration.ofMinutes(5))));
        assertThat(stock.reservation(r.id()).status()).isEqualTo(ReservationStatus.EXPIRED);
        clock.advance(Duration.ofMinutes(6));
        assertThat(stock.expireReservations()).extracting(Reservation::id).containsExactly(next.id());
        assertThat(stock.level("BOLT", "WH1").available()).isEqualByComparingTo("10");
    }

    @Test
    void a_reservation_is_idempotent_by_its_id_and_its_expiry_must_be_in_the_future() {
        receive("BOLT", "10", "10.00");
        ReservationId id = ReservationId.newId();
        NewReservation req = NewReservation.of("BOLT", "WH1", q("3"), "order-1/1", clock.instant().plus(Duration.ofHours(1))).withId(id);
        Reservation first = stock.reserve(req);
        assertThat(stock.reserve(req)).isEqualTo(first);
        assertThat(stock.level("BOLT", "WH1").reserved()).isEqualByComparingTo("3");
        fails("inventory.invalid_expiry", () -> stock.reserve(NewReservation.of("BOLT", "WH1", q("1"), "x", clock.instant())));
        fails("inventory.wrong_location_kind", () -> stock.reserve(NewReservation.of("BOLT", "SUP", q("1"), "x",
                clock.instant().plus(Duration.ofHours(1)))));
    }

    @Test
    void a_reservation_repeated_after_the_stock_ran_out_answers_with_the_one_granted() {
        receive("BOLT", "3", "3.00");
        NewReservation req = NewReservation.of("BOLT", "WH1", q("3"), "order-9/1", clock.instant().plus(Duration.ofHours(1)))
                .withId(ReservationId.newId());
        Reservation first = stock.reserve(req);
        assertThat(stock.reserve(req)).as("nothing is available now, yet the repeat is the same request").isEqualTo(first);
        assertThat(stock.level("BOLT", "WH1")).returns(q("3"), StockLevel::reserved).returns(q("0"), StockLevel::available);
        fails("inventory.insufficient_available", () -> stock.reserve(NewReservation.of("BOLT", "WH1", q("1"), "order-10/1",
                clock.instant().plus(Duration.ofHours(1)))));
    }

    @Test
    void a_count_that_finds_less_than_is_reserved_releases_the_holds_that_lapse_first_so_available_never_goes_negative() {
        receive("BOLT", "10", "10.00");
        Instant now = clock.instant();
        Reservation late = stock.reserve(NewReservation.of("BOLT", "WH1", q("4"), "order-1/1", now.plus(Duration.ofHours(3))));
        Reservation soon = stock.reserve(NewReservation.of("BOLT", "WH1", q("3"), "order-2/1", now.plus(Duration.ofHours(1))));
        Reservation mid = stock.reserve(NewReservation.of("BOLT", "WH1", q("2"), "order-3/1", now.plus(Duration.ofHours(2))));
        stock.count(StockCount.of("BOLT", "WH1", q("6"), "LOSS")); // 6 on hand, 9 held: the soonest to lapse goes
        assertThat(stock.reservation(soon.id()).status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(stock.reservation(mid.id()).status()).isEqualTo(ReservationStatus.OPEN);
        assertThat(stock.level("BOLT", "WH1")).returns(q("6"), StockLevel::onHand).returns(q("6"), StockLevel::reserved)
                .returns(q("0"), StockLevel::available);
        stock.count(StockCount.of("BOLT", "WH1", q("5"), "LOSS")); // one missing: the next to lapse gives up one, keeps one
        assertThat(stock.reservation(mid.id())).returns(ReservationStatus.OPEN, Reservation::status).returns(1L, Reservation::open)
                .returns(1L, Reservation::released);
        assertThat(stock.reservation(late.id()).status()).isEqualTo(ReservationStatus.OPEN);
        assertThat(stock.level("BOLT", "WH1")).returns(q("5"), StockLevel::onHand).returns(q("5"), StockLevel::reserved)
                .returns(q("0"), StockLevel::available);
        stock.count(StockCount.of("BOLT", "WH1", q("7"), "LOSS")); // a gain releases nothing
        assertThat(stock.reservation(late.id()).status()).isEqualTo(ReservationStatus.OPEN);
        clock.advance(Duration.ofHours(4));
        stock.count(StockCount.of("BOLT", "WH1", q("0"), "LOSS")); // a lapsed hold goes as expired
        assertThat(stock.reservation(late.id()).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(stock.level("BOLT", "WH1")).returns(q("0"), StockLevel::reserved).returns(q("0"), StockLevel::available);
        ledgerMatchesValuation();
    }

    @Test
    void many_threads_reserving_one_hot_item_never_oversell_it() throws Exception {
        manyThreadsReserve(stock);
    }

    @Test
    void many_threads_reserving_in_shared_transactions_never_oversell_it() throws Exception {
        manyThreadsReserve(Inventory.builder().store(stockStore).clock(clock).groupReservations(true).build().forTenant(tenant));
    }

    private void manyThreadsReserve(TenantInventory stock) throws Exception {
        receive("BOLT", "100", "100.00");
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int j = 0; j < perThread; j++) {
                    try {
                        stock.reserve(NewReservation.of("BOLT", "WH1", q("1"), "o", clock.instant().plus(Duration.ofHours(1))));
                        granted.incrementAndGet();
                    } catch (BackofficeException e) {
                        assertThat(e.code()).isEqualTo("inventory.insufficient_available");
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(granted.get()).isEqualTo(100);
        assertThat(refused.get()).isEqualTo(threads * perThread - 100);
        assertThat(stock.level("BOLT", "WH1")).returns(q("100"), StockLevel::reserved).returns(q("0"), StockLevel::available);
    }

    // ================================================================== 3./4. costing and the ledger

    @Test
    void fifo_takes_the_oldest_layers_first_and_posts_cost_of_goods_sold() {
        receive("BOLT", "10", "10.00");   // 1.00 each
        receive("BOLT", "10", "30.00");   // 3.00 each
        StockOperation ship = stock.move(StockRequest.shipment("BOLT", q("15"), "WH1", "CUST"));
        assertThat(ship.moves().get(0).valueDelta()).isEqualTo(eur("-25.00"));
        assertThat(ship.entry()).isPresent();
        assertThat(ledger.balance("5000").posted()).isEqualTo(eur("25.00"));
        assertThat(ledger.balance("2150").posted()).isEqualTo(eur("40.00"));
        assertThat(stock.valuation(MARCH_16).items()).singleElement()
                .returns(q("5"), ItemValuation::quantity).returns(eur("15.00"), ItemValuation::value);
        ledgerMatchesValuation();
    }

    @Test
    void moving_average_prices_an_issue_at_the_average_of_what_is_on_hand() {
        receive("FLOUR", "10", "10.00");
        receive("FLOUR", "10", "30.00");   // average 2.00
        StockOperation ship = stock.move(StockRequest.shipment("FLOUR", q("5"), "WH1", "CUST"));
        assertThat(ship.moves().get(0).valueDelta()).isEqualTo(eur("-10.00"));
        StockOperation rest = stock.move(StockRequest.shipment("FLOUR", q("15"), "WH1", "CUST"));
        assertThat(rest.moves().get(0).valueDelta()).isEqualTo(eur("-30.00"));
        assertThat(stock.valuation(MARCH_16).items()).isEmpty();
        ledgerMatchesValuation();
    }

    @Test
    void the_valuation_as_of_a_date_counts_operations_dated_up_to_it() {
        stock.move(StockRequest.opening("BOLT", q("5"), "OPEN", "WH1", eur("5.00")).on(LocalDate.of(2026, 1, 1)));
        stock.move(StockRequest.receipt("BOLT", q("5"), "SUP", "WH1", eur("10.00")).on(LocalDate.of(2026, 2, 1)));
        assertThat(stock.valuation(LocalDate.of(2026, 1, 31)).totals()).containsEntry(EUR, eur("5.00"));
        assertThat(stock.valuation(LocalDate.of(2026, 2, 1)).items()).singleElement().returns(q("10"), ItemValuation::quantity);
        assertThat(ledger.balance("3000").posted()).isEqualTo(eur("5.00"));
        ledgerMatchesValuation();
    }

    @Test
    void a_transfer_between_warehouses_posts_nothing() {
        receive("BOLT", "10", "10.00");
        StockOperation t = stock.move(StockRequest.transfer("BOLT", q("4"), "WH1", "WH2"));
        assertThat(t.entry()).isEmpty();
        ledgerMatchesValuation();
    }

    // ================================================================== landed cost and price corrections

    @Test
    void a_landed_cost_revalues_what_of_a_fifo_receipt_is_on_hand_and_sends_the_consumed_part_to_cost_of_goods_sold() {
        StockOperation first = receive("BOLT", "10", "10.00");    // 1.00 each
        StockOperation second = receive("BOLT", "10", "30.00");   // 3.00 each
        stock.move(StockRequest.shipment("BOLT", q("15"), "WH1", "CUST")); // all of the first, 5 of the second: 25.00
        StockOperation freight = stock.correctCost(CostCorrection.of(second.id(), eur("10.00"), "freight, carrier invoice 88"));
        assertThat(freight.kind()).isEqualTo(MoveKind.COST_CORRECTION);
        assertThat(freight.reference()).contains(second.id().toString());
        assertThat(freight.reason()).contains("freight, carrier invoice 88");
        assertThat(freight.moves()).singleElement().satisfies(m -> {
            assertThat(m.quantity()).isZero();
            assertThat(m.valueDelta()).isEqualTo(eur("5.00")); // 5 of 10 still on hand
        });
        assertThat(freight.entry()).isPresent();
        StockOperation late = stock.correctCost(CostCorrection.of(first.id(), eur("4.00"), "customs duty"));
        assertThat(late.moves().get(0).valueDelta()).isEqualTo(eur("0.00")); // consumed in full: all of it is cost of goods sold
        assertThat(ledger.balance("5000").posted()).isEqualTo(eur("34.00"));  // 25.00 + 5.00 + 4.00
        assertThat(ledger.balance("2150").posted()).isEqualTo(eur("54.00"));  // 40.00 + 10.00 + 4.00
        assertThat(stock.valuation(MARCH_16).items()).singleElement()
                .returns(q("5"), ItemValuation::quantity).returns(eur("20.00"), ItemValuation::value);
        ledgerMatchesValuation();
        // the revalued layer is what the next issue costs
        StockOperation rest = stock.move(StockRequest.shipment("BOLT", q("5"), "WH1", "CUST"));
        assertThat(rest.moves().get(0).valueDelta()).isEqualTo(eur("-20.00"));
        assertThat(stock.valuation(MARCH_16).items()).isEmpty();
        ledgerMatchesValuation();
    }

    @Test
    void a_price_reduction_of_a_moving_average_receipt_lowers_the_average_of_what_is_still_held() {
        StockOperation r = receive("FLOUR", "10", "20.00");                  // 2.00 a kg
        stock.move(StockRequest.shipment("FLOUR", q("4"), "WH1", "CUST"));   // 8.00
        StockOperation rebate = stock.correctCost(CostCorrection.of(r.id(), eur("-5.00"), "supplier invoice 0.50 a kg lower"));
        assertThat(rebate.moves().get(0).valueDelta()).isEqualTo(eur("-3.00")); // 6 of the 10 kg still held
        assertThat(ledger.balance("5000").posted()).isEqualTo(eur("6.00"));      // 8.00 - 2.00
        assertThat(stock.valuation(MARCH_16).totals()).containsEntry(EUR, eur("9.00"));
        StockOperation rest = stock.move(StockRequest.shipment("FLOUR", q("6"), "WH1", "CUST"));
        assertThat(rest.moves().get(0).valueDelta()).isEqualTo(eur("-9.00")); // 1.50 a kg now
        ledgerMatchesValuation();
    }

    @Test
    void a_correction_is_dated_and_the_valuation_before_its_date_does_not_count_it() {
        StockOperation r = stock.move(StockRequest.receipt("BOLT", q("10"), "SUP", "WH1", eur("10.00")).on(LocalDate.of(2026, 3, 2)));
        stock.correctCost(CostCorrection.of(r.id(), eur("2.00"), "freight").on(LocalDate.of(2026, 3, 9)));
        assertThat(stock.valuation(LocalDate.of(2026, 3, 8)).totals()).containsEntry(EUR, eur("10.00"));
        assertThat(stock.valuation(LocalDate.of(2026, 3, 9)).totals()).containsEntry(EUR, eur("12.00"));
        ledgerMatchesValuation();
    }

    @Test
    void a_correction_is_idempotent_by_its_id() {
        StockOperation r = receive("BOLT", "10", "10.00");
        OperationId id = OperationId.newId();
        StockOperation once = stock.correctCost(CostCorrection.of(r.id(), eur("1.00"), "freight").withId(id));
        assertThat(stock.correctCost(CostCorrection.of(r.id(), eur("1.00"), "freight").withId(id))).isEqualTo(once);
        assertThat(stock.operation(id)).isEqualTo(once);
        assertThat(ledger.balance("1300").posted()).isEqualTo(eur("11.00"));
        StockOperation other = receive("BOLT", "1", "1.00");
        fails("inventory.operation_exists", () -> stock.correctCost(CostCorrection.of(other.id(), eur("1.00"), "x").withId(id)));
        fails("inventory.operation_exists", () -> stock.correctCost(CostCorrection.of(r.id(), eur("1.00"), "x").withId(other.id())));
        ledgerMatchesValuation();
    }

    @Test
    void a_bad_correction_is_a_typed_error_naming_the_field_and_nothing_is_written() {
        StockOperation r = stock.move(StockRequest.receipt("BOLT", q("10"), "SUP", "WH1", eur("10.00")).on(LocalDate.of(2026, 3, 2)));
        StockOperation ship = stock.move(StockRequest.shipment("BOLT", q("2"), "WH1", "CUST"));
        List<OperationId> ids = new ArrayList<>();
        java.util.function.Function<CostCorrection, CostCorrection> tracked = c -> {
            OperationId id = OperationId.newId();
            ids.add(id);
            return c.withId(id);
        };
        fails("inventory.operation_not_found", () -> stock.correctCost(tracked.apply(CostCorrection.of(OperationId.newId(), eur("1.00"), "x"))));
        fails("inventory.invalid_correction", () -> stock.correctCost(tracked.apply(CostCorrection.of(ship.id(), eur("1.00"), "x"))));
        fails("inventory.invalid_cost", () -> stock.correctCost(tracked.apply(CostCorrection.of(r.id(), Money.of(CurrencyUnit.USD, 1), "x"))));
        fails("inventory.invalid_correction", () -> stock.correctCost(tracked.apply(CostCorrection.of(r.id(), eur("0.00"), "x"))));
        fails("inventory.invalid_correction", () -> stock.correctCost(tracked.apply(CostCorrection.of(r.id(), eur("1.00"), "x")
                .on(LocalDate.of(2026, 3, 1)))));
        // 8 of 10 on hand, worth 8.00: taking 10.01 off the receipt takes 8.01 off them
        fails("inventory.negative_value", () -> stock.correctCost(tracked.apply(CostCorrection.of(r.id(), eur("-10.01"), "x"))));
        stock.closePeriod(LocalDate.of(2026, 3, 10), "controller");
        fails("inventory.period_closed", () -> stock.correctCost(tracked.apply(CostCorrection.of(r.id(), eur("1.00"), "x")
                .on(LocalDate.of(2026, 3, 10)))));
        for (OperationId id : ids) {
            fails("inventory.operation_not_found", () -> stock.operation(id));
        }
        assertThat(ledger.balance("1300").posted()).isEqualTo(eur("8.00"));
        assertThat(ledger.balance("5000").posted()).isEqualTo(eur("2.00"));
        // the layer is untouched: the rest ships at 1.00 each
        assertThat(stock.move(StockRequest.shipment("BOLT", q("8"), "WH1", "CUST")).moves().get(0).valueDelta()).isEqualTo(eur("-8.00"));
        // taking the whole receipt's cost off once it is all consumed is cost of goods sold only, allowed
        StockOperation off = stock.correctCost(CostCorrection.of(r.id(), eur("-10.00"), "credit note: goods free of charge"));
        assertThat(off.moves().get(0).valueDelta()).isEqualTo(eur("0.00"));
        assertThat(ledger.balance("5000").posted()).isEqualTo(eur("0.00"));
        ledgerMatchesValuation();
    }

    // ================================================================== listings

    @Test
    void the_operations_of_an_item_are_listed_page_by_page_by_date_then_as_recorded_with_signed_cursors() {
        List<OperationId> expected = new ArrayList<>();
        StockOperation late = stock.move(StockRequest.receipt("BOLT", q("10"), "SUP", "WH1", eur("10.00")).on(LocalDate.of(2026, 3, 10)));
        StockOperation early = stock.move(StockRequest.receipt("BOLT", q("10"), "SUP", "WH1", eur("10.00")).on(LocalDate.of(2026, 3, 2)));
        clock.advance(Duration.ofSeconds(1));
        StockOperation sameDay = stock.move(StockRequest.transfer("BOLT", q("1"), "WH1", "WH2").on(LocalDate.of(2026, 3, 2)));
        receive("FLOUR", "1", "1.00");
        StockOperation today = stock.move(StockRequest.shipment("BOLT", q("2"), "WH1", "CUST"));
        StockOperation corrected = stock.correctCost(CostCorrection.of(late.id(), eur("1.00"), "freight").on(LocalDate.of(2026, 3, 12)));
        expected.addAll(List.of(early.id(), sameDay.id(), late.id(), corrected.id(), today.id()));

        List<StockOperation> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            dev.backoffice.core.page.Page<StockOperation> page = stock.operations("BOLT", cursor, 2);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());
        assertThat(pages).isEqualTo(3);
        assertThat(seen).extracting(StockOperation::id).containsExactlyElementsOf(expected);
        assertThat(seen.get(4)).isEqualTo(today);
        assertThat(stock.operations("FLOUR", Optional.empty(), 10).items()).singleElement().returns(MoveKind.RECEIPT, StockOperation::kind);

        String second = stock.operations("BOLT", Optional.empty(), 2).nextCursor().orElseThrow();
        assertThat(stock.operations("BOLT", Optional.of(second), 2).items()).extracting(StockOperation::id)
                .containsExactly(late.id(), corrected.id());
        fails("page.invalid_cursor", () -> stock.operations("FLOUR", Optional.of(second), 2));
        fails("page.invalid_cursor", () -> stock.operations("BOLT", Optional.of(second.substring(1)), 2));
        fails("request.invalid", () -> stock.operations("BOLT", Optional.empty(), 0));
        fails("request.invalid", () -> stock.operations("BOLT", Optional.empty(), InventoryLimits.MAX_PAGE_SIZE + 1));
        fails("inventory.item_not_found", () -> stock.operations("NOPE", Optional.empty(), 2));
    }

    @Test
    void defining_an_item_again_is_idempotent_and_another_definition_is_a_conflict() {
        Item bolt = stock.item("BOLT");
        assertThat(stock.defineItem(bolt)).isEqualTo(bolt);
        fails("inventory.item_exists", () -> stock.defineItem(Item.of("BOLT", "Other", Uom.PIECES, Costing.FIFO, EUR)));
        fails("inventory.location_exists", () -> stock.defineLocation(Location.warehouse("SUP")));
        stock.defineLocation(Location.bin("WH1-A", "WH1"));
        fails("inventory.invalid_location", () -> stock.defineLocation(Location.bin("X", "SUP")));
        assertThat(stock.location("WH1-A").parent()).contains("WH1");
        assertThat(stock.items()).extracting(Item::sku).containsExactly("BOLT", "FLOUR");
        assertThat(Optional.of(stock.tenant())).contains(tenant);
    }

    @Test
    void an_item_defined_and_read_in_a_transaction_that_rolls_back_is_not_remembered() {
        assumeTrue(kind.jdbc(), "a caller's transaction exists on the JDBC stores only");
        Jdbc callers = Jdbc.of(db.dataSource());
        assertThatThrownBy(() -> callers.inTransaction(c -> {
            stock.defineItem(Item.of("GHOST", "Ghost", Uom.PIECES, Costing.FIFO, EUR));
            assertThat(stock.item("GHOST").sku()).isEqualTo("GHOST"); // read inside the caller's transaction
            receive("GHOST", "1", "1.00");                             // a unit that joins it reads it too
            throw new IllegalStateException("the caller rolls back");
        })).isInstanceOf(IllegalStateException.class);

        // the store's cache of definitions must not have kept what the rollback took back
        fails("inventory.item_not_found", () -> receive("GHOST", "1", "1.00"));
        assertThat(stock.items()).extracting(Item::sku).containsExactly("BOLT", "FLOUR");
    }

    // ================================================================== warehouses over their bins, counts per lot

    /** WH1 with bins WH1/A and WH1/B, {@code a} and {@code b} BOLT received into them at 1.00 each. */
    protected void binsHold(String a, String b) {
        stock.defineLocation(Location.bin("WH1/A", "WH1"));
        stock.defineLocation(Location.bin("WH1/B", "WH1"));
        stock.move(StockRequest.receipt("BOLT", q(a), "SUP", "WH1/A", eur(a)));
        stock.move(StockRequest.receipt("BOLT", q(b), "SUP", "WH1/B", eur(b)));
    }

    protected Reservation reserve(String location, String quantity) {
        return stock.reserve(NewReservation.of("BOLT", location, q(quantity), "order-" + UUID.randomUUID(),
                clock.instant().plus(Duration.ofHours(1))));
    }

    protected static void failsOn(String code, String field, ThrowableAssert.ThrowingCallable call) {
        BackofficeException e = catchThrowableOfType(BackofficeException.class, call);
        assertThat(e).as("expected " + code).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        if (e instanceof dev.backoffice.core.error.InvalidRequestException invalid) {
            assertThat(invalid.violations()).as(e.getMessage()).extracting(v -> v.field()).contains(field);
        } else {
            assertThat(e.getMessage()).startsWith(field + ": "); // a rule's message names the field first
        }
    }

    @Test
    void a_warehouse_is_available_to_promise_over_itself_and_its_bins() {
        binsHold("5", "5");
        stock.move(StockRequest.receipt("BOLT", q("2"), "SUP", "WH1", eur("2")));
        reserve("WH1", "11");
        assertThat(stock.level("BOLT", "WH1")).returns(q("12"), StockLevel::onHand).returns(q("11"), StockLevel::reserved)
                .returns(q("1"), StockLevel::available);
        assertThat(stock.level("BOLT", "WH1/A")).returns(q("5"), StockLevel::onHand).returns(q("0"), StockLevel::reserved);
        fails("inventory.insufficient_available", () -> reserve("WH1", "2"));
        ledgerMatchesValuation();
    }

    @Test
    void a_shipment_against_a_warehouse_reservation_picks_the_warehouse_then_its_bins() {
        binsHold("5", "5");
        stock.move(StockRequest.receipt("BOLT", q("2"), "SUP", "WH1", eur("2")));
        Reservation r = reserve("WH1", "9");
        StockOperation ship = stock.move(StockRequest.shipment("BOLT", q("9"), "WH1", "CUST").against(r.id()));
        assertThat(ship.moves()).extracting(m -> m.from() + ":" + m.quantity()).containsExactly("WH1:2", "WH1/A:5", "WH1/B:2");
        assertThat(stock.reservation(r.id()).status()).isEqualTo(ReservationStatus.SHIPPED);
        assertThat(stock.level("BOLT", "WH1")).returns(q("3"), StockLevel::onHand).returns(q("0"), StockLevel::reserved);
        assertThat(stock.level("BOLT", "WH1/B").onHand()).isEqualByComparingTo("3");
        assertThat(ledger.balance("5000").posted()).isEqualTo(eur("9.00"));
        ledgerMatchesValuation();
    }

    @Test
    void a_shipment_against_a_warehouse_reservation_takes_the_bin_it_names() {
        binsHold("5", "5");
        Reservation r = reserve("WH1", "4");
        stock.move(StockRequest.shipment("BOLT", q("3"), "WH1/B", "CUST").against(r.id()));
        assertThat(stock.level("BOLT", "WH1/B").onHand()).isEqualByComparingTo("2");
        assertThat(stock.level("BOLT", "WH1")).returns(q("7"), StockLevel::onHand).returns(q("1"), StockLevel::reserved);
        fails("inventory.wrong_location_kind", () -> stock.move(StockRequest.shipment("BOLT", q("1"), "WH2", "CUST").against(r.id())));
        ledgerMatchesValuation();
    }

    @Test
    void a_movement_out_of_a_bin_may_not_take_stock_its_warehouses_reservations_hold() {
        binsHold("5", "5");
        reserve("WH1", "8");
        failsOn("inventory.reserved_in_warehouse", "quantity", () -> stock.move(StockRequest.transfer("BOLT", q("3"), "WH1/A", "WH2")));
        fails("inventory.reserved_in_warehouse", () -> stock.move(StockRequest.shipment("BOLT", q("3"), "WH1/B", "CUST")));
        fails("inventory.reserved_in_warehouse", () -> stock.move(StockRequest.adjustment("BOLT", q("3"), "WH1/B", "LOSS", "broken")));
        fails("inventory.insufficient_available", () -> stock.move(StockRequest.shipment("BOLT", q("3"), "WH1", "CUST")));
        stock.move(StockRequest.shipment("BOLT", q("2"), "WH1/A", "CUST"));
        assertThat(stock.level("BOLT", "WH1")).returns(q("8"), StockLevel::onHand).returns(q("0"), StockLevel::available);
        assertThat(stock.level("BOLT", "WH1/A").onHand()).isEqualByComparingTo("3");
        ledgerMatchesValuation();
    }

    @Test
    void stock_moving_between_bins_or_into_the_warehouse_itself_keeps_what_the_warehouse_promised() {
        binsHold("5", "5");
        Reservation r = reserve("WH1", "10");
        stock.move(StockRequest.transfer("BOLT", q("5"), "WH1/A", "WH1/B"));
        stock.move(StockRequest.transfer("BOLT", q("4"), "WH1/B", "WH1"));
        stock.move(StockRequest.transfer("BOLT", q("1"), "WH1", "WH1/A"));
        assertThat(stock.level("BOLT", "WH1")).returns(q("10"), StockLevel::onHand).returns(q("0"), StockLevel::available);
        assertThat(List.of(stock.onHand("BOLT", "WH1/A"), stock.onHand("BOLT", "WH1/B"))).containsExactly(q("1"), q("6"));
        fails("inventory.insufficient_stock", () -> stock.move(StockRequest.transfer("BOLT", q("4"), "WH1", "WH1/A")));
        StockOperation ship = stock.move(StockRequest.shipment("BOLT", q("10"), "WH1", "CUST").against(r.id()));
        assertThat(ship.moves()).extracting(m -> m.from() + ":" + m.quantity()).containsExactly("WH1:3", "WH1/A:1", "WH1/B:6");
        ledgerMatchesValuation();
    }

    @Test
    void what_lies_in_the_bins_is_not_taken_by_a_movement_out_of_the_warehouse_itself() {
        binsHold("5", "5");
        failsOn("inventory.insufficient_stock", "quantity", () -> stock.move(StockRequest.transfer("BOLT", q("1"), "WH1", "WH2")));
        fails("inventory.insufficient_stock", () -> stock.move(StockRequest.adjustment("BOLT", q("1"), "WH1", "LOSS", "lost")));
        assertThat(stock.level("BOLT", "WH1").onHand()).isEqualByComparingTo("10");
    }

    @Test
    void a_bin_reservation_and_a_warehouse_reservation_share_the_warehouses_stock() {
        binsHold("5", "5");
        Reservation inBin = reserve("WH1/A", "4");
        reserve("WH1", "6");
        assertThat(stock.level("BOLT", "WH1")).returns(q("10"), StockLevel::reserved).returns(q("0"), StockLevel::available);
        assertThat(stock.level("BOLT", "WH1/A")).returns(q("4"), StockLevel::reserved).returns(q("1"), StockLevel::available);
        fails("inventory.insufficient_available", () -> reserve("WH1/A", "1")); // the bin has one free, the warehouse none
        fails("inventory.insufficient_available", () -> reserve("WH1/B", "1"));
        stock.move(StockRequest.shipment("BOLT", q("3"), "WH1/A", "CUST").against(inBin.id()));
        stock.release(inBin.id());
        assertThat(stock.level("BOLT", "WH1")).returns(q("7"), StockLevel::onHand).returns(q("6"), StockLevel::reserved);
        assertThat(stock.level("BOLT", "WH1/A")).returns(q("2"), StockLevel::onHand).returns(q("0"), StockLevel::reserved);
        reserve("WH1/B", "1");
        ledgerMatchesValuation();
    }

    @Test
    void a_count_of_a_bin_short_of_reservations_releases_only_what_is_missing_from_the_bin_then_from_the_warehouse() {
        binsHold("5", "5");
        Reservation inBin = reserve("WH1/A", "2");
        Reservation late = stock.reserve(NewReservation.of("BOLT", "WH1", q("4"), "late", clock.instant().plus(Duration.ofHours(3))));
        Reservation soon = stock.reserve(NewReservation.of("BOLT", "WH1", q("4"), "soon", clock.instant().plus(Duration.ofHours(1))));
        // WH1/A: 1 left, 2 held there: its hold gives up one; WH1: 6 left, 9 still held: the soonest gives up three
        stock.count(StockCount.of("BOLT", "WH1/A", q("1"), "LOSS"));
        assertThat(stock.reservation(inBin.id())).returns(ReservationStatus.OPEN, Reservation::status).returns(1L, Reservation::open);
        assertThat(stock.reservation(soon.id())).returns(ReservationStatus.OPEN, Reservation::status).returns(1L, Reservation::open)
                .returns(3L, Reservation::released);
        assertThat(stock.reservation(late.id()).open()).isEqualTo(4L);
        assertThat(stock.level("BOLT", "WH1")).returns(q("6"), StockLevel::onHand).returns(q("6"), StockLevel::reserved);
        assertThat(stock.level("BOLT", "WH1/A")).returns(q("1"), StockLevel::onHand).returns(q("1"), StockLevel::reserved);
        ledgerMatchesValuation();
    }

    @Test
    void a_reservation_is_released_in_part_and_the_rest_stays_held() {
        receive("BOLT", "10", "10.00");
        Reservation r = reserve("WH1", "6");
        Reservation part = stock.releaseDownTo(r.id(), q("4"));
        assertThat(part).returns(ReservationStatus.OPEN, Reservation::status).returns(4L, Reservation::open)
                .returns(2L, Reservation::released);
        assertThat(stock.releaseDownTo(r.id(), q("4"))).as("a repeat releases nothing more").isEqualTo(part);
        assertThat(stock.level("BOLT", "WH1")).returns(q("4"), StockLevel::reserved).returns(q("6"), StockLevel::available);
        stock.move(StockRequest.shipment("BOLT", q("3"), "WH1", "CUST").against(r.id()));
        assertThat(stock.releaseDownTo(r.id(), q("2")).open()).as("holding less than keep already").isEqualTo(1L);
        fails("inventory.exceeds_reserved", () -> stock.move(StockRequest.shipment("BOLT", q("2"), "WH1", "CUST").against(r.id())));
        stock.move(StockRequest.shipment("BOLT", q("1"), "WH1", "CUST").against(r.id()));
        assertThat(stock.reservation(r.id())).returns(ReservationStatus.SHIPPED, Reservation::status).returns(4L, Reservation::shipped);
        fails("inventory.reservation_closed", () -> stock.releaseDownTo(r.id(), q("1")));
        assertThat(stock.level("BOLT", "WH1")).returns(q("6"), StockLevel::onHand).returns(q("0"), StockLevel::reserved);
        ledgerMatchesValuation();
    }

    @Test
    void a_partial_release_to_zero_releases_in_full_and_a_bad_keep_is_a_typed_error_naming_it() {
        binsHold("5", "5");
        Reservation inBin = reserve("WH1/A", "4");
        failsOn("inventory.invalid_quantity", "keep", () -> stock.releaseDownTo(inBin.id(), q("-1")));
        failsOn("inventory.invalid_quantity", "keep", () -> stock.releaseDownTo(inBin.id(), q("0.5")));
        fails("inventory.reservation_not_found", () -> stock.releaseDownTo(ReservationId.newId(), q("1")));
        stock.releaseDownTo(inBin.id(), q("1"));
        assertThat(stock.level("BOLT", "WH1/A").reserved()).isEqualByComparingTo("1");
        assertThat(stock.level("BOLT", "WH1").reserved()).as("the warehouse counts its bin's hold").isEqualByComparingTo("1");
        assertThat(stock.releaseDownTo(inBin.id(), q("0")).status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(stock.level("BOLT", "WH1").reserved()).isEqualByComparingTo("0");
    }

    @Test
    void a_shipment_from_a_warehouse_takes_lots_first_expiry_first_out_over_its_bins() {
        stock.defineItem(Item.of("MILK", "Milk", Uom.PIECES, Costing.FIFO, EUR).tracked(Tracking.LOT));
        stock.defineLocation(Location.bin("WH1/A", "WH1"));
        stock.defineLocation(Location.bin("WH1/B", "WH1"));
        stock.move(StockRequest.receipt("MILK", q("10"), "SUP", "WH1/A", eur("10.00")).lot("L-LATE", LocalDate.of(2026, 5, 1)));
        stock.move(StockRequest.receipt("MILK", q("10"), "SUP", "WH1/B", eur("10.00")).lot("L-SOON", LocalDate.of(2026, 4, 1)));
        Reservation r = stock.reserve(NewReservation.of("MILK", "WH1", q("15"), "order-1/1", clock.instant().plus(Duration.ofHours(1))));
        StockOperation ship = stock.move(StockRequest.shipment("MILK", q("15"), "WH1", "CUST").against(r.id()));
        assertThat(ship.moves()).extracting(m -> m.from() + ":" + m.lot().orElseThrow() + ":" + m.quantity())
                .containsExactly("WH1/B:L-SOON:10", "WH1/A:L-LATE:5");
        assertThat(stock.lots("MILK", "WH1/A")).singleElement().returns(5L, LotBalance::onHand);
        assertThat(stock.lots("MILK", "WH1/B")).isEmpty();
        ledgerMatchesValuation();
    }

    @Test
    void many_threads_racing_bin_issues_against_warehouse_reservations_never_oversell_the_warehouse() throws Exception {
        binsHold("60", "60");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger reserved = new AtomicInteger();
        AtomicInteger issued = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                for (int j = 0; j < 20; j++) {
                    try {
                        if (n % 2 == 0) {
                            reserve("WH1", "1");
                            reserved.incrementAndGet();
                        } else {
                            String bin = n % 4 == 1 ? "WH1/A" : "WH1/B";
                            stock.move(j % 2 == 0 ? StockRequest.shipment("BOLT", q("1"), bin, "CUST")
                                    : StockRequest.transfer("BOLT", q("1"), bin, "WH2"));
                            issued.incrementAndGet();
                        }
                    } catch (BackofficeException e) {
                        assertThat(e.code()).isIn("inventory.insufficient_available", "inventory.insufficient_stock",
                                "inventory.reserved_in_warehouse");
                    }
                    StockLevel level = stock.level("BOLT", "WH1");
                    assertThat(level.available().signum()).as("available in WH1 while they race").isGreaterThanOrEqualTo(0);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(reserved.get() + issued.get()).isLessThanOrEqualTo(120);
        StockLevel wh1 = stock.level("BOLT", "WH1");
        assertThat(wh1.reserved()).isEqualByComparingTo(BigDecimal.valueOf(reserved.get()));
        assertThat(wh1.onHand()).isEqualByComparingTo(BigDecimal.valueOf(120 - issued.get()));
        assertThat(wh1.onHand()).isEqualByComparingTo(stock.onHand("BOLT", "WH1/A").add(stock.onHand("BOLT", "WH1/B")));
        assertThat(wh1.available().signum()).isGreaterThanOrEqualTo(0);
        ledgerMatchesValuation();
    }

    @Test
    void a_count_per_lot_posts_each_lots_difference_to_or_from_the_loss_location() {
        stock.defineItem(Item.of("MILK", "Milk", Uom.PIECES, Costing.MOVING_AVERAGE, EUR).tracked(Tracking.LOT));
        stock.move(StockRequest.receipt("MILK", q("10"), "SUP", "WH1", eur("10.00")).lot("L1", LocalDate.of(2026, 5, 1)));
        stock.move(StockRequest.receipt("MILK", q("5"), "SUP", "WH1", eur("5.00")).lot("L2", LocalDate.of(2026, 6, 1)));
        // L1 short by 2, L2 not found at all, L3 found though the books do not know it
        StockOperation count = stock.count(StockCount.ofLots("MILK", "WH1", List.of(CountedLot.of("L1", q("8")),
                CountedLot.of("L3", q("2"), LocalDate.of(2026, 7, 1))), "LOSS"));
        assertThat(count.moves()).extracting(m -> m.lot().orElseThrow() + ":" + m.from() + ">" + m.to() + ":" + m.quantity() + ":"
                + m.valueDelta().getAmount()).containsExactly("L1:WH1>LOSS:2:-2.00", "L3:LOSS>WH1:2:2.00", "L2:WH1>LOSS:5:-5.00");
        assertThat(stock.lots("MILK", "WH1")).extracting(l -> l.lot() + ":" + l.onHand() + ":" + l.expiry().orElseThrow())
                .containsExactly("L1:8:2026-05-01", "L3:2:2026-07-01");
        assertThat(stock.onHand("MILK", "WH1")).isEqualByComparingTo("10");
        assertThat(ledger.balance("5900").posted()).isEqualTo(eur("5.00"));
        assertThat(stock.count(StockCount.ofLots("MILK", "WH1", List.of(CountedLot.of("L1", q("8")), CountedLot.of("L3", q("2"))),
                "LOSS").withId(count.id()))).isEqualTo(count);
        ledgerMatchesValuation();
    }

    @Test
    void a_count_of_a_tracked_item_needs_its_lots_and_a_bad_line_is_a_typed_error_naming_it() {
        stock.defineItem(Item.of("MILK", "Milk", Uom.PIECES, Costing.FIFO, EUR).tracked(Tracking.LOT));
        stock.defineItem(Item.of("PHONE", "Phone", Uom.PIECES, Costing.FIFO, EUR).tracked(Tracking.SERIAL));
        stock.move(StockRequest.receipt("MILK", q("10"), "SUP", "WH1", eur("10.00")).lot("L1"));
        failsOn("inventory.invalid_lot", "lots", () -> stock.count(StockCount.of("MILK", "WH1", q("10"), "LOSS")));
        failsOn("inventory.invalid_lot", "lots", () -> stock.count(StockCount.ofLots("BOLT", "WH1", List.of(CountedLot.of("L1", q("1"))),
                "LOSS")));
        failsOn("inventory.invalid_lot", "lots[1].lot", () -> stock.count(StockCount.ofLots("MILK", "WH1",
                List.of(CountedLot.of("L1", q("1")), CountedLot.of("L1", q("2"))), "LOSS")));
        failsOn("inventory.invalid_quantity", "lots[0].counted", () -> stock.count(StockCount.ofLots("MILK", "WH1",
                List.of(CountedLot.of("L1", q("1.5"))), "LOSS")));
        failsOn("inventory.invalid_lot", "lots[0].counted", () -> stock.count(StockCount.ofLots("PHONE", "WH1",
                List.of(CountedLot.of("SN-1", q("2"))), "LOSS")));
        assertThat(stock.operations("MILK", Optional.empty(), 10).items()).hasSize(1); // the receipt only: nothing written
        assertThat(stock.lots("MILK", "WH1")).singleElement().returns(10L, LotBalance::onHand);
    }

    @Test
    void a_serial_found_by_a_count_comes_in_at_the_current_cost_and_one_missing_goes_to_loss() {
        stock.defineItem(Item.of("PHONE", "Phone", Uom.PIECES, Costing.FIFO, EUR).tracked(Tracking.SERIAL));
        stock.move(StockRequest.receipt("PHONE", q("1"), "SUP", "WH1", eur("300.00")).lot("SN-1"));
        stock.move(StockRequest.receipt("PHONE", q("1"), "SUP", "WH1", eur("100.00")).lot("SN-2"));
        StockOperation count = stock.count(StockCount.ofLots("PHONE", "WH1", List.of(CountedLot.of("SN-1", q("1")),
                CountedLot.of("SN-3", q("1"))), "LOSS"));
        assertThat(count.moves()).extracting(m -> m.lot().orElseThrow() + ":" + m.to() + ":" + m.valueDelta().getAmount())
                .containsExactly("SN-3:WH1:200.00", "SN-2:LOSS:-300.00"); // found at the average (200.00); FIFO issues the oldest layer
        assertThat(stock.lots("PHONE", "WH1")).extracting(LotBalance::lot).containsExactly("SN-1", "SN-3");
        stock.move(StockRequest.transfer("PHONE", q("1"), "WH1", "WH2").lot("SN-1"));
        fails("inventory.serial_exists", () -> stock.count(StockCount.ofLots("PHONE", "WH1", List.of(CountedLot.of("SN-1", q("1")),
                CountedLot.of("SN-3", q("1"))), "LOSS"))); // SN-1 is in WH2 now: a count of WH1 cannot find it there too
        ledgerMatchesValuation();
    }
}
