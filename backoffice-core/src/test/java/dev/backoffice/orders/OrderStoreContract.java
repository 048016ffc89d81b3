package dev.backoffice.orders;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.orders.jdbc.JdbcOrderStore;
import dev.backoffice.orders.memory.InMemoryOrderStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.backoffice.orders.OrderFixtures.CLERK;
import static dev.backoffice.orders.OrderFixtures.all;
import static dev.backoffice.orders.OrderFixtures.pln;
import static dev.backoffice.orders.OrderFixtures.twoLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every {@link OrderStore} must have, run against the in-memory store, H2 and
 * PostgreSQL (one subclass per {@link StoreKind}). Includes the service operations on top of the
 * store, because "nothing is written on failure" and "one of two concurrent transitions wins" are
 * claims about both.
 */
public abstract class OrderStoreContract {

    protected static final TenantId ACME = TenantId.of("acme");
    protected static final TenantId GLOBEX = TenantId.of("globex");

    private final StoreKind kind;
    private TestDatabase db;
    protected OrderStore store;
    protected AdjustableClock clock;
    protected Orders orders;
    protected TenantOrders acme;
    protected TenantOrders globex;

    /** The contract on a fresh store of {@code kind} for each test. */
    protected OrderStoreContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void setUp() {
        if (kind.jdbc()) {
            db = kind.openDatabase();
            store = JdbcOrderStore.create(db.jdbc());
        } else {
            store = InMemoryOrderStore.create();
        }
        clock = OrderFixtures.clock();
        orders = Orders.builder().store(store).clock(clock).build();
        acme = orders.forTenant(ACME);
        globex = orders.forTenant(GLOBEX);
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private Order step(java.util.function.Supplier<Order> operation) {
        clock.advance(Duration.ofMinutes(5));
        Order returned = operation.get();
        assertThat(acme.get(returned.id())).isEqualTo(returned);
        return returned;
    }

    @Test
    void an_order_answered_under_a_nanosecond_clock_is_the_order_stored() {
        // a database keeps microseconds (pgjdbc rounds finer instants); the answer must match it,
        // or a rerun after a lost commit acknowledgement cannot recognise its own write
        clock.set(java.time.Instant.parse("2026-03-02T10:00:00.123456789Z"));
        Order created = acme.create(twoLines(), CLERK);
        assertThat(acme.get(created.id())).isEqualTo(created);
        clock.set(java.time.Instant.parse("2026-03-02T10:05:00.987654501Z"));
        Order placed = acme.place(created.id(), CLERK);
        assertThat(acme.get(created.id())).isEqualTo(placed);
    }

    @Test
    void a_created_order_reads_back_equal_at_version_1() {
        Order created = acme.create(twoLines(), CLERK);

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.status()).isEqualTo(OrderStatus.DRAFT);
        assertThat(acme.get(created.id())).isEqualTo(created);
    }

    @Test
    void every_part_of_the_aggregate_round_trips_through_a_whole_life() {
        OrderId id = acme.create(twoLines(), CLERK).id();
        step(() -> acme.place(id, CLERK));
        step(() -> acme.pay(id, pln("100.00"), "psp-1", CLERK));
        step(() -> acme.pay(id, pln("131.58"), "psp-2", By.actor("psp", "second instalment")));
        step(() -> acme.ship(id, List.of(ItemQuantity.of("BOOK", 1)), CLERK));
        step(() -> acme.ship(id, List.of(ItemQuantity.of("LAMP", 1), ItemQuantity.of("BOOK", 1)), CLERK));
        step(() -> acme.deliver(id, By.actor("carrier:dhl")));
        step(() -> acme.returnItems(id, List.of(ItemQuantity.of("LAMP", 1)), By.actor("user:clerk", "broken shade")));
        Order last = step(() -> acme.refund(id, pln("147.60"), By.actor("user:clerk", "lamp returned")));

        assertThat(last.version()).isEqualTo(9);
        assertThat(last.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(last.history()).hasSize(8);
        assertThat(last.payments()).hasSize(2);
        assertThat(last.shipments()).hasSize(2);
        assertThat(last.returns()).hasSize(1);
        assertThat(last.refunds()).extracting(Refund::reason).containsExactly("lamp returned");
    }

    @Test
    void a_stale_update_is_a_conflict_and_writes_nothing() {
        TenantOrderStore raw = store.forTenant(ACME);
        Order v1 = acme.create(twoLines(), CLERK);
        Order v2 = acme.place(v1.id(), CLERK);

        Order fromStaleRead = v1.transitioned(OrderLifecycle.machine().fire(OrderStatus.DRAFT, OrderEvent.CANCEL, v1),
                CLERK, clock.instant());

        assertThatThrownBy(() -> raw.write(tx -> tx.update(fromStaleRead))).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo(OrderErrorCode.VERSION_CONFLICT.code()));
        assertThat(raw.read().get(v1.id())).isEqualTo(v2);
    }

    @Test
    void a_duplicate_id_is_refused_within_a_tenant_but_not_across_tenants() {
        OrderId id = OrderId.newId();
        acme.create(twoLines().withId(id), CLERK);

        assertThatThrownBy(() -> acme.create(twoLines().withId(id), CLERK)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo(OrderErrorCode.ALREADY_EXISTS.code()));
        assertThat(globex.create(twoLines().withId(id), CLERK).tenant()).isEqualTo(GLOBEX);
        assertThat(acme.get(id).tenant()).isEqualTo(ACME);
    }

    @Test
    void an_unknown_id_is_not_found_on_every_method() {
        OrderId unknown = OrderId.newId();
        TenantOrderStore raw = store.forTenant(ACME);
        Order detached = Order.draft(unknown, ACME, twoLines(), false, CLERK, clock.instant()).withVersion(1);

        assertThat(acme.find(unknown)).isEmpty();
        assertNotFound(() -> acme.get(unknown));
        assertNotFound(() -> acme.place(unknown, CLERK));
        assertNotFound(() -> acme.pay(unknown, pln("1.00"), "psp", CLERK));
        assertNotFound(() -> raw.write(tx -> tx.update(detached)));
    }

    @Test
    void an_order_of_one_tenant_is_invisible_to_another_through_every_method() {
        Order mine = acme.create(twoLines(), CLERK);
        acme.place(mine.id(), CLERK);
        TenantOrderStore theirs = store.forTenant(GLOBEX);

        assertThat(globex.find(mine.id())).isEmpty();
        assertNotFound(() -> globex.get(mine.id()));
        assertNotFound(() -> globex.allowedEvents(mine.id()));
        assertNotFound(() -> globex.place(mine.id(), CLERK));
        assertNotFound(() -> globex.pay(mine.id(), pln("1.00"), "psp", CLERK));
        assertNotFound(() -> globex.ship(mine.id(), all(), CLERK));
        assertNotFound(() -> globex.deliver(mine.id(), CLERK));
        assertNotFound(() -> globex.cancel(mine.id(), CLERK));
        assertNotFound(() -> globex.complete(mine.id(), CLERK));
        assertNotFound(() -> globex.returnItems(mine.id(), all(), CLERK));
        assertNotFound(() -> globex.refund(mine.id(), pln("1.00"), CLERK));
        assertThat(globex.list(Optional.empty(), 10).items()).isEmpty();
        Order forged = new Order(mine.id(), GLOBEX, mine.customerRef(), mine.currency(), mine.payLater(), OrderStatus.CANCELLED,
                2, mine.lines(), List.of(), List.of(), List.of(), List.of(), List.of(), mine.createdBy(), mine.createdAt(), mine.updatedAt());
        assertNotFound(() -> theirs.write(tx -> tx.update(forged)));
        Order mineNow = acme.get(mine.id());
        assertThatThrownBy(() -> theirs.write(tx -> tx.update(mineNow))).isInstanceOf(InvalidRequestException.class);
        assertThat(acme.get(mine.id()).status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void listing_walks_every_order_of_the_tenant_once_in_id_order() {
        List<OrderId> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(acme.create(twoLines(), CLERK).id());
        }
        globex.create(twoLines(), CLERK);

        List<OrderId> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<Order> page = acme.list(cursor, 3);
            page.items().forEach(o -> seen.add(o.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());

        assertThat(seen).containsExactlyElementsOf(ids.stream().sorted().toList());
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void bad_input_leaves_the_stored_order_unchanged() {
        OrderId id = acme.create(twoLines(), CLERK).id();
        acme.place(id, CLERK);
        acme.pay(id, pln("31.58"), "psp-1", CLERK);
        Order before = acme.get(id);

        assertCode(() -> acme.pay(id, pln("200.01"), "psp-2", CLERK), OrderErrorCode.OVERPAYMENT.code());
        assertCode(() -> acme.pay(id, org.joda.money.Money.parse("EUR 1.00"), "psp-2", CLERK), OrderErrorCode.CURRENCY_MISMATCH.code());
        assertCode(() -> acme.pay(id, pln("0.00"), "psp-2", CLERK), OrderErrorCode.INVALID_AMOUNT.code());
        assertCode(() -> acme.ship(id, all(), CLERK), OrderErrorCode.GUARD_REJECTED.code());
        assertCode(() -> acme.deliver(id, CLERK), OrderErrorCode.ILLEGAL_TRANSITION.code());
        assertCode(() -> acme.refund(id, pln("1.00"), CLERK), OrderErrorCode.ILLEGAL_TRANSITION.code());

        assertThat(acme.get(id)).isEqualTo(before);
    }

    @Test
    void of_concurrent_transitions_from_one_read_exactly_one_wins() throws Exception {
        Order placed = acme.place(acme.create(twoLines(), CLERK).id(), CLERK);
        TenantOrderStore raw = store.forTenant(ACME);
        int writers = 8;
        List<Order> candidates = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Order paid = placed.withPayment(pln("1" + i + ".00"), "psp-" + i, clock.instant());
            candidates.add(paid.transitioned(OrderLifecycle.machine().fire(placed.status(), OrderEvent.PAY, paid),
                    By.actor("writer-" + i), clock.instant()));
        }

        List<Object> results = runTogether(candidates.stream().<Callable<Object>>map(c -> () -> raw.write(tx -> tx.update(c))).toList());

        assertThat(results).filteredOn(r -> r instanceof Order).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof ConflictException c && c.code().equals(OrderErrorCode.VERSION_CONFLICT.code()))
                .hasSize(writers - 1);
        Order winner = (Order) results.stream().filter(r -> r instanceof Order).findFirst().orElseThrow();
        Order stored = raw.read().get(placed.id());
        assertThat(stored).isEqualTo(winner);
        assertThat(stored.version()).isEqualTo(placed.version() + 1);
        assertThat(stored.payments()).hasSize(1);
        assertThat(stored.history()).hasSize(2);
    }

    @Test
    void concurrent_payments_through_the_service_never_lose_or_duplicate_a_write() throws Exception {
        OrderId id = acme.place(acme.create(twoLines(), CLERK).id(), CLERK).id();
        int writers = 8;
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int n = i;
            tasks.add(() -> acme.pay(id, pln("10.00"), "psp-" + n, CLERK));
        }

        List<Object> results = runTogether(tasks);

        long wins = results.stream().filter(r -> r instanceof Order).count();
        assertThat(wins).isGreaterThanOrEqualTo(1);
        assertThat(results).allSatisfy(r -> assertThat(r instanceof Order
                || (r instanceof ConflictException c && c.code().equals(OrderErrorCode.VERSION_CONFLICT.code()))).isTrue());
        Order stored = acme.get(id);
        assertThat(stored.paid()).isEqualTo(pln("10.00").multipliedBy(wins));
        assertThat(stored.history()).hasSize(1 + (int) wins);
        assertThat(stored.version()).isEqualTo(2 + wins);
        Set<Integer> seqs = new HashSet<>();
        stored.payments().forEach(p -> seqs.add(p.seq()));
        assertThat(seqs).hasSize((int) wins);
    }

    @Test
    void reads_during_concurrent_writes_are_never_torn() throws Exception {
        OrderId id = acme.place(acme.create(twoLines(), CLERK).id(), CLERK).id();
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        List<Callable<Object>> tasks = new ArrayList<>();
        tasks.add(() -> {
            try {
                for (int i = 0; i < 30; i++) {
                    acme.pay(id, pln("1.00"), "psp-" + i, CLERK);
                }
                return null;
            } finally {
                writing.set(false);
            }
        });
        for (int r = 0; r < 3; r++) {
            tasks.add(() -> {
                do {
                    Order o = acme.get(id);
                    reads.incrementAndGet();
                    if (o.history().size() != o.version() - 1 || o.payments().size() != o.history().size() - 1) {
                        return o;
                    }
                } while (writing.get());
                return null;
            });
        }

        List<Object> results = runTogether(tasks);

        assertThat(results).containsOnlyNulls();
        assertThat(reads.get()).isPositive();
        assertThat(acme.get(id).payments()).hasSize(30);
    }

    // ---- the store shape: read view, write unit, tenant scope

    private Order newDraft(TenantId tenant) {
        return Order.draft(OrderId.newId(), tenant, twoLines(), false, CLERK, clock.instant());
    }

    private Order placedFrom(Order draft) {
        return draft.transitioned(OrderLifecycle.machine().fire(draft.status(), OrderEvent.PLACE, draft), CLERK, clock.instant());
    }

    @Test
    void every_handle_and_view_is_scoped_to_the_tenant_it_was_asked_for() {
        TenantOrderStore theirs = store.forTenant(GLOBEX);

        assertThat(theirs.tenant()).isEqualTo(GLOBEX);
        assertThat(theirs.read().tenant()).isEqualTo(GLOBEX);
        assertThat(theirs.write(OrderTx::tenant)).isEqualTo(GLOBEX);
        assertThatThrownBy(() -> store.forTenant(null)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("tenant");
    }

    @Test
    void a_write_unit_lands_whole_or_not_at_all() {
        TenantOrderStore raw = store.forTenant(ACME);
        Order first = newDraft(ACME);
        Order second = newDraft(ACME);

        assertThatThrownBy(() -> raw.write(tx -> {
            tx.insert(first);
            tx.insert(second);
            throw new IllegalStateException("the work changed its mind");
        })).hasMessage("the work changed its mind");
        assertThat(raw.read().find(first.id())).isEmpty();
        assertThat(raw.read().find(second.id())).isEmpty();

        List<Order> both = raw.write(tx -> List.of(tx.insert(first), tx.insert(second)));
        assertThat(both).extracting(Order::version).containsExactly(1L, 1L);
        assertThat(raw.read().get(first.id())).isEqualTo(both.get(0));
        assertThat(raw.read().get(second.id())).isEqualTo(both.get(1));
    }

    @Test
    void a_refused_write_rolls_back_the_writes_before_it_in_its_unit() {
        TenantOrderStore raw = store.forTenant(ACME);
        Order taken = raw.write(tx -> tx.insert(newDraft(ACME)));
        Order fresh = newDraft(ACME);
        Order duplicate = Order.draft(taken.id(), ACME, twoLines(), false, CLERK, clock.instant());

        assertThatThrownBy(() -> raw.write(tx -> {
            tx.insert(fresh);
            return tx.insert(duplicate);
        })).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo(OrderErrorCode.ALREADY_EXISTS.code()));
        assertThat(raw.read().find(fresh.id())).isEmpty();
        assertThat(raw.read().get(taken.id())).isEqualTo(taken);
    }

    @Test
    void a_write_unit_reads_its_own_writes() {
        TenantOrderStore raw = store.forTenant(ACME);
        Order draft = newDraft(ACME);

        Order placed = raw.write(tx -> {
            Order created = tx.insert(draft);
            assertThat(tx.get(draft.id())).isEqualTo(created);
            assertThat(tx.list(Optional.empty(), 10).items()).containsExactly(created);
            return tx.update(placedFrom(tx.get(draft.id())));
        });

        assertThat(placed.version()).isEqualTo(2);
        assertThat(placed.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(raw.read().get(draft.id())).isEqualTo(placed);
    }

    @Test
    void a_write_inside_a_write_of_the_same_tenant_joins_it() {
        TenantOrderStore raw = store.forTenant(ACME);
        Order outer = newDraft(ACME);
        Order inner = newDraft(ACME);

        assertThatThrownBy(() -> raw.write(tx -> {
            tx.insert(outer);
            store.forTenant(ACME).write(nested -> {
                assertThat(nested.find(outer.id())).as("the joined unit sees the outer writes").isPresent();
                return nested.insert(inner);
            });
            throw new IllegalStateException("abandon the outer unit");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(raw.read().find(outer.id())).isEmpty();
        assertThat(raw.read().find(inner.id())).as("the nested write went with the outer unit").isEmpty();
    }

    @Test
    void a_write_unit_is_valid_only_inside_its_work() {
        TenantOrderStore raw = store.forTenant(ACME);
        Order draft = newDraft(ACME);
        OrderTx leaked = raw.write(tx -> tx);

        assertThatThrownBy(() -> leaked.insert(draft)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> leaked.find(draft.id())).isInstanceOf(IllegalStateException.class);
        assertThat(raw.read().find(draft.id())).isEmpty();
    }

    @Test
    void listing_through_a_write_unit_merges_its_writes_in_id_order() {
        TenantOrderStore raw = store.forTenant(ACME);
        List<OrderId> committed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            committed.add(raw.write(tx -> tx.insert(newDraft(ACME))).id());
        }
        Order changed = placedFrom(raw.read().get(committed.get(1)));

        List<Order> seen = raw.write(tx -> {
            tx.insert(newDraft(ACME));
            tx.update(changed);
            List<Order> all = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            do {
                Page<Order> page = tx.list(cursor, 2);
                all.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor.isPresent());
            return all;
        });

        assertThat(seen).hasSize(5);
        assertThat(seen).extracting(Order::id).isSorted().doesNotHaveDuplicates();
        assertThat(seen).filteredOn(o -> o.id().equals(committed.get(1))).singleElement()
                .satisfies(o -> assertThat(o.version()).isEqualTo(2));
    }

    @Test
    void a_page_size_outside_the_limit_is_refused_naming_the_field() {
        assertThatThrownBy(() -> acme.list(Optional.empty(), 0)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> acme.list(Optional.empty(), OrderLimits.MAX_PAGE_SIZE + 1)).isInstanceOf(InvalidRequestException.class);
        assertThat(acme.list(Optional.empty(), OrderLimits.MAX_PAGE_SIZE).items()).isEmpty();
    }

    private static List<Object> runTogether(List<Callable<Object>> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        return task.call();
                    } catch (BackofficeException e) {
                        return e;
                    }
                }));
            }
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertNotFound(Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.code()).isEqualTo(OrderErrorCode.NOT_FOUND.code()));
    }

    private static void assertCode(Executable call, String code) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(BackofficeException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

}
