package dev.backoffice.inventory.internal;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.jdbc.Reruns;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.page.CursorSigner;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.inventory.CostCorrection;
import dev.backoffice.inventory.CostLayer;
import dev.backoffice.inventory.Costing;
import dev.backoffice.inventory.InventoryAccountRole;
import dev.backoffice.inventory.InventoryAccounts;
import dev.backoffice.inventory.InventoryErrorCode;
import dev.backoffice.inventory.InventoryLimits;
import dev.backoffice.inventory.InventoryTx;
import dev.backoffice.inventory.Item;
import dev.backoffice.inventory.ItemCost;
import dev.backoffice.inventory.ItemValuation;
import dev.backoffice.inventory.Location;
import dev.backoffice.inventory.LocationKind;
import dev.backoffice.inventory.LotBalance;
import dev.backoffice.inventory.MoveKind;
import dev.backoffice.inventory.NewReservation;
import dev.backoffice.inventory.OperationId;
import dev.backoffice.inventory.Reservation;
import dev.backoffice.inventory.ReservationId;
import dev.backoffice.inventory.ReservationStatus;
import dev.backoffice.inventory.StockCount;
import dev.backoffice.inventory.StockLevel;
import dev.backoffice.inventory.StockMove;
import dev.backoffice.inventory.StockOperation;
import dev.backoffice.inventory.StockRequest;
import dev.backoffice.inventory.TenantInventory;
import dev.backoffice.inventory.TenantInventoryStore;
import dev.backoffice.inventory.Tracking;
import dev.backoffice.inventory.Valuation;
import dev.backoffice.inventory.ValuationRow;
import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.LedgerErrorCode;
import dev.backoffice.ledger.TenantLedger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The per-tenant inventory service behind {@link TenantInventory}: the rules, over a
 * {@link TenantInventoryStore} (persistence and locking) and a {@link TenantLedger} (postings).
 *
 * <p>Every write is one {@link TenantInventoryStore#write} unit, given its identity before the
 * first attempt and run through {@link Reruns#run} (metered: module "inventory"); the unit looks the identity up
 * before writing. The ledger posting is the unit's last step, so that in memory (where the two
 * stores cannot share a transaction) nothing can fail after it; on JDBC stores sharing a data
 * source the ledger joins the unit's transaction, and a refused posting rolls the operation back.
 */
public final class InventoryService implements TenantInventory {

    private final TenantId tenant;
    private final TenantInventoryStore store;
    private final TenantLedger ledger;
    private final InventoryAccounts accounts;
    private final Clock clock;
    private final AuditLog audit;
    private final ReservationGroups groups;
    private final CursorSigner cursors;
    /** Reruns after a lost commit acknowledgement, counted on the store's recorder as module "inventory". */
    private final Reruns reruns;

    private InventoryService(TenantId tenant, TenantInventoryStore store, TenantLedger ledger, InventoryAccounts accounts,
                             Clock clock, AuditLog audit, CursorSigner cursors, boolean groupReservations, MetricsRecorder metrics) {
        this.cursors = cursors;
        this.reruns = Reruns.metered(metrics, "inventory");
        this.groups = groupReservations ? new ReservationGroups(store) : null;
        this.tenant = tenant;
        this.store = store;
        this.ledger = ledger;
        this.accounts = accounts;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * The service of {@code tenant}.
     *
     * @param ledger   the tenant's ledger, or null to post nothing
     * @param accounts the account mapping (required with a ledger)
     * @param cursors  the cursor signer (for listings)
     * @param groupReservations whether concurrent reservations share transactions ({@code Inventory.Builder#groupReservations})
     * @param metrics  where reruns after a lost commit acknowledgement are counted (module "inventory"):
     *                 the store's {@code metrics()}
     */
    public static InventoryService create(TenantId tenant, TenantInventoryStore store, TenantLedger ledger, InventoryAccounts accounts,
                                          Clock clock, AuditLog audit, CursorSigner cursors, boolean groupReservations,
                                          MetricsRecorder metrics) {
        Check.that(ledger == null || accounts != null, "accounts", "must be given with a ledger", null);
        return new InventoryService(Check.notNull(tenant, "tenant"), Check.notNull(store, "store"), ledger, accounts,
                Check.notNull(clock, "clock"), Check.notNull(audit, "audit"), Check.notNull(cursors, "cursors"), groupReservations,
                Check.notNull(metrics, "metrics"));
    }

    @Override
    public TenantId tenant() {
        return tenant;
    }

    // ------------------------------------------------------------------ master data

    @Override
    public Item defineItem(Item item) {
        Check.notNull(item, "item");
        return reruns.run(rerun -> store.write(tx -> {
            if (tx.item(item.sku()).isEmpty() && tx.insertItem(item)) {
                return item;
            }
            Item existing = tx.item(item.sku()).orElseThrow();
            if (!existing.equals(item)) {
                throw InventoryErrorCode.ITEM_EXISTS.conflict("sku: item " + item.sku() + " exists with another definition: " + existing);
            }
            return existing;
        }), () -> "item " + item.sku() + ": read it with item(sku), or define it again (same definition: no change)");
    }

    @Override
    public Item item(String sku) {
        Check.notBlank(sku, "sku");
        return store.read().item(sku).orElseThrow(() -> itemNotFound("sku", sku));
    }

    @Override
    public List<Item> items() {
        return store.read().items();
    }

    @Override
    public Location defineLocation(Location location) {
        Check.notNull(location, "location");
        return reruns.run(rerun -> store.write(tx -> {
            if (location.parent().isPresent()) {
                Location parent = tx.location(location.parent().get()).orElseThrow(() -> locationNotFound("parent", location.parent().get()));
                if (parent.kind() != LocationKind.INTERNAL || parent.parent().isPresent()) {
                    throw InventoryErrorCode.INVALID_LOCATION.invalid("parent", "must be a warehouse", parent.code());
                }
            }
            if (tx.location(location.code()).isEmpty() && tx.insertLocation(location)) {
                return location;
            }
            Location existing = tx.location(location.code()).orElseThrow();
            if (!existing.equals(location)) {
                throw InventoryErrorCode.LOCATION_EXISTS.conflict("code: location " + location.code() + " exists with another definition: "
                        + existing);
            }
            return existing;
        }), () -> "location " + location.code() + ": read it with location(code), or define it again");
    }

    @Override
    public Location location(String code) {
        Check.notBlank(code, "code");
        return store.read().location(code).orElseThrow(() -> locationNotFound("code", code));
    }

    @Override
    public List<Location> locations() {
        return store.read().locations();
    }

    // ------------------------------------------------------------------ movements

    @Override
    public StockOperation move(StockRequest request) {
        Check.notNull(request, "request");
        Check.that(request.kind() != MoveKind.COUNT, "kind", "a count is recorded with count(StockCount)", request.kind());
        Check.that(request.kind() != MoveKind.COST_CORRECTION, "kind", "a cost correction is recorded with correctCost(CostCorrection)",
                request.kind());
        OperationId id = request.id().orElseGet(OperationId::newId); // the identity, before the first attempt
        Instant now = now(); // one clock read for both: the day is the day of the recording instant
        LocalDate date = request.date().isPresent() ? request.date().get() : today(now);
        MoveUnit unit = new MoveUnit(id, request, date, now, request.id().isEmpty());
        return reruns.run(unit, unit);
    }

    /**
     * One movement's unit of work as one object: the attempt given to {@link Reruns}, the work in
     * the store's transaction, and its identity for an unknown outcome (three lambdas, allocated on
     * every movement, before; issue #17's hot path).
     */
    private final class MoveUnit implements Reruns.Attempt<StockOperation>, Function<InventoryTx, StockOperation>, Supplier<String> {
        private final OperationId id;
        private final StockRequest request;
        private final LocalDate date;
        private final Instant now;
        private final boolean fresh;
        private boolean rerun;

        MoveUnit(OperationId id, StockRequest request, LocalDate date, Instant now, boolean fresh) {
            this.id = id;
            this.request = request;
            this.date = date;
            this.now = now;
            this.fresh = fresh;
        }

        @Override
        public StockOperation run(boolean rerun) {
            this.rerun = rerun;
            return store.write(this);
        }

        @Override
        public StockOperation apply(InventoryTx tx) {
            if (rerun || !fresh) { // a fresh id on its first attempt cannot be stored yet: no look-up
                Optional<StockOperation> stored = tx.operation(id);
                if (stored.isPresent()) {
                    return same(stored.get(), request.kind(), request.sku());
                }
            }
            return moveLocked(tx, id, request, date, now);
        }

        @Override
        public String get() {
            return whereToLook(id);
        }
    }

    private StockOperation moveLocked(InventoryTx tx, OperationId id, StockRequest r, LocalDate date, Instant now) {
        Item item = tx.item(r.sku()).orElseThrow(() -> itemNotFound("sku", r.sku()));
        Location from = tx.location(r.from()).orElseThrow(() -> locationNotFound("from", r.from()));
        Location to = tx.location(r.to()).orElseThrow(() -> locationNotFound("to", r.to()));
        long q = item.unit().toMinor(r.quantity(), "quantity");
        checkKinds(r.kind(), from, to);
        checkOpen(tx, date);
        requireAccounts(item);
        Optional<Money> cost = r.cost();
        if (cost.isPresent()) {
            Money c = cost.get();
            if (!c.getCurrencyUnit().equals(item.currency())) {
                throw InventoryErrorCode.INVALID_COST.invalid("cost", "must be in " + item.currency() + ", the item's currency", c);
            }
            if (c.isNegative()) {
                throw InventoryErrorCode.INVALID_COST.invalid("cost", "must not be negative", c);
            }
        }
        checkLot(tx, item, r, from, q);

        // locks, in order: reservation, item cost, positions by code
        Reservation reservation = null;
        if (r.reservation().isPresent()) {
            reservation = lockOpenReservation(tx, r.reservation().get(), now);
            if (r.kind() != MoveKind.SHIPMENT) {
                throw InventoryErrorCode.WRONG_LOCATION_KIND.invalid("reservation", "only a shipment ships a reservation", r.kind());
            }
            if (!reservation.sku().equals(item.sku()) || !reservation.location().equals(from.code())
                    && !from.parent().equals(Optional.of(reservation.location()))) { // a warehouse's reservation ships from a bin of it
                throw InventoryErrorCode.WRONG_LOCATION_KIND.invalid("reservation", "holds " + reservation.sku() + " in "
                        + reservation.location() + ", not " + item.sku() + " in " + from.code(), reservation.id());
            }
            if (q > reservation.open()) {
                throw InventoryErrorCode.EXCEEDS_RESERVED.rule("quantity: " + r.quantity() + " exceeds the "
                        + item.unit().of(reservation.open()) + " still open on reservation " + reservation.id());
            }
        }
        boolean valued = from.kind().internal() != to.kind().internal();
        ItemCost itemCost = valued ? tx.lockCost(item.sku()) : null;
        if (from.parent().isPresent() || to.parent().isPresent()) {
            return moveThroughBins(tx, id, r, item, from, to, q, reservation, itemCost, date, now);
        }
        // positions in location-code order (the documented locking order); no map on this hot path
        boolean fromFirst = from.code().compareTo(to.code()) <= 0;
        AccountCounters fromNow = fromFirst ? tx.lockPosition(item.sku(), from.code()) : null;
        AccountCounters toNow = tx.lockPosition(item.sku(), to.code());
        if (!fromFirst) {
            fromNow = tx.lockPosition(item.sku(), from.code());
        }
        if (fromNow.debitsPending() != 0 && r.kind() == MoveKind.SHIPMENT) {
            return moveThroughBins(tx, id, r, item, from, to, q, reservation, itemCost, date, now); // stock in its bins: picked
        }
        AccountCounters f = StockCounters.out(fromNow, q, reservation != null);
        AccountCounters t = StockCounters.in(toNow, q);
        StockCounters.check(from, f, item.sku(), "quantity");
        StockCounters.check(to, t, item.sku(), "quantity");
        tx.putPosition(item.sku(), from.code(), f);
        tx.putPosition(item.sku(), to.code(), t);

        // an untracked item moves in one part: no lot parts to list (the common case, kept allocation-light)
        List<LotPart> parts = item.tracking() == Tracking.NONE ? null : lotParts(tx, item, r, from, q, date);
        long delta = value(tx, item, r, from, to, q, itemCost, date);
        if (r.kind() == MoveKind.RECEIPT && item.costing() == Costing.FIFO) {
            tx.putReceiptLayer(id, itemCost.nextLayer()); // the layer it opened: what a later cost correction revalues
        }
        Optional<ReservationId> rid = reservation == null ? Optional.empty() : Optional.of(reservation.id());
        List<StockMove> moves;
        if (parts == null) {
            moves = List.of(new StockMove(item.sku(), from.code(), to.code(), Optional.empty(), Optional.empty(), q, item.unit().scale(),
                    money(item.currency(), delta), rid));
        } else {
            moves = new ArrayList<>(parts.size());
            long valueLeft = delta;
            long qtyLeft = q;
            for (LotPart p : parts) {
                long v = p.quantity == qtyLeft ? valueLeft : Costs.share(valueLeft, p.quantity, qtyLeft);
                valueLeft -= v;
                qtyLeft -= p.quantity;
                moves.add(new StockMove(item.sku(), from.code(), to.code(), p.lot, p.expiry, p.quantity, item.unit().scale(),
                        money(item.currency(), v), rid));
            }
            if (moves.size() == 1) {
                moves = List.of(moves.get(0)); // what the operation keeps: no copy of it there
            }
        }
        if (reservation != null) {
            tx.updateReservation(reservation.ship(q));
        }
        return store(tx, new StockOperation(id, r.kind(), item.sku(), date, r.reference(), r.reason(), moves,
                entryOf(id, moves), now), item);
    }

    @Override
    public StockOperation count(StockCount count) {
        Check.notNull(count, "count");
        OperationId id = count.id().orElseGet(OperationId::newId);
        LocalDate date = count.date().orElseGet(this::today);
        Instant now = now();
        return reruns.run(rerun -> store.write(tx -> {
            Optional<StockOperation> stored = tx.operation(id);
            if (stored.isPresent()) {
                return same(stored.get(), MoveKind.COUNT, count.sku());
            }
            Item item = tx.item(count.sku()).orElseThrow(() -> itemNotFound("sku", count.sku()));
            Location at = tx.location(count.location()).orElseThrow(() -> locationNotFound("location", count.location()));
            Location loss = tx.location(count.loss()).orElseThrow(() -> locationNotFound("loss", count.loss()));
            if (!at.kind().internal()) {
                throw InventoryErrorCode.WRONG_LOCATION_KIND.invalid("location", "a count is of an internal location", at.code());
            }
            if (loss.kind() != LocationKind.LOSS) {
                throw InventoryErrorCode.WRONG_LOCATION_KIND.invalid("loss", "must be a loss location", loss.code());
            }
            List<LotPart> found = countedLots(tx, item, count, at);
            long counted = item.unit().toMinorAllowZero(count.counted(), "counted");
            checkOpen(tx, date);
            requireAccounts(item);
            ItemCost itemCost = tx.lockCost(item.sku());
            BinRows rows = new BinRows(tx, item.sku());
            rows.lock(List.of(at, loss));
            // the differences, per lot for a tracked item: positive found more, negative less
            List<LotPart> diffs = new ArrayList<>();
            if (found == null) {
                diffs.add(new LotPart(Optional.empty(), Optional.empty(), counted - StockCounters.direct(rows.get(at))));
            } else {
                Map<String, LotBalance> book = new HashMap<>();
                for (LotBalance l : tx.lots(item.sku(), at.code())) {
                    book.put(l.lot(), l);
                }
                for (LotPart f : found) {
                    LotBalance b = book.remove(f.lot.orElseThrow());
                    long diff = f.quantity - (b == null ? 0 : b.onHand());
                    if (diff > 0 && item.tracking() == Tracking.SERIAL
                            && tx.lotInStock(item.sku(), f.lot.get()) - (b == null ? 0 : b.onHand()) > 0) {
                        throw InventoryErrorCode.SERIAL_EXISTS.rule("lots: serial number " + f.lot.get() + " of " + item.sku()
                                + " is in stock in another location");
                    }
                    diffs.add(new LotPart(f.lot, b == null ? f.expiry : b.expiry(), diff));
                }
                for (LotBalance b : book.values().stream().sorted(Comparator.comparing(LotBalance::lot)).toList()) {
                    diffs.add(new LotPart(Optional.of(b.lot()), b.expiry(), -b.onHand())); // not found: counted zero
                }
                diffs.removeIf(d -> d.quantity == 0);
            }
            // a count is a fact: it may find less than is reserved; the holds it no longer covers are released below
            long lost = 0;
            long gained = 0;
            for (LotPart d : diffs) {
                if (d.quantity < 0) {
                    lost -= d.quantity;
                    rows.move(at, loss, -d.quantity, null);
                } else if (d.quantity > 0) {
                    gained += d.quantity;
                    rows.move(loss, at, d.quantity, null);
                }
            }
            long gainValue = Costs.atAverage(itemCost, gained); // the current cost, as found when the count is recorded
            long lossValue = lost == 0 ? 0 : -issueCost(tx, item, itemCost, lost);
            if (gained > 0) {
                receiveCost(tx, item, lost == 0 ? itemCost : tx.lockCost(item.sku()), gained, gainValue, date);
            }
            List<StockMove> moves = new ArrayList<>(diffs.size());
            long[] left = {lossValue, lost, gainValue, gained};
            for (LotPart d : diffs) {
                boolean gain = d.quantity > 0;
                long q = Math.abs(d.quantity);
                int i = gain ? 2 : 0;
                long v = q == left[i + 1] ? left[i] : Costs.share(left[i], q, left[i + 1]);
                left[i] -= v;
                left[i + 1] -= q;
                Location src = gain ? loss : at;
                Location dst = gain ? at : loss;
                if (d.lot.isPresent()) {
                    moveLot(tx, item, src, dst.code(), d.lot.get(), d.expiry, q, date);
                }
                moves.add(new StockMove(item.sku(), src.code(), dst.code(), d.lot, d.expiry, q, item.unit().scale(),
                        Money.ofMinor(item.currency(), v), Optional.empty()));
            }
            if (lost > 0) {
                releaseUncovered(tx, rows, item.sku(), at, now);
            }
            rows.put();
            return store(tx, new StockOperation(id, MoveKind.COUNT, item.sku(), date, Optional.empty(),
                    Optional.of("count: " + count.counted().toPlainString() + " " + item.unit().code()), moves,
                    entryOf(id, moves), now), item);
        }), () -> whereToLook(id));
    }

    /**
     * The lots a count of a tracked item found, each in minor units (null for an untracked item);
     * a typed error naming the field for a tracked item counted without lots, an untracked one
     * counted with lots, a lot listed twice or a serial number found more than once.
     */
    private static List<LotPart> countedLots(InventoryTx tx, Item item, StockCount count, Location at) {
        if (item.tracking() == Tracking.NONE) {
            if (!count.lots().isEmpty()) {
                throw InventoryErrorCode.INVALID_LOT.invalid("lots", "item " + item.sku() + " is not tracked by lot or serial",
                        count.lots().get(0).lot());
            }
            return null;
        }
        if (count.lots().isEmpty()) {
            throw InventoryErrorCode.INVALID_LOT.invalid("lots", "item " + item.sku() + " is tracked by " + item.tracking()
                    + ": count it per lot (StockCount.ofLots), a lot not found with zero", null);
        }
        List<LotPart> out = new ArrayList<>(count.lots().size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < count.lots().size(); i++) {
            dev.backoffice.inventory.CountedLot l = count.lots().get(i);
            long q = item.unit().toMinorAllowZero(l.counted(), "lots[" + i + "].counted");
            if (item.tracking() == Tracking.SERIAL && q > 1) {
                throw InventoryErrorCode.INVALID_LOT.invalid("lots[" + i + "].counted", "a serial number is found once or not at all",
                        l.counted());
            }
            if (!seen.add(l.lot())) {
                throw InventoryErrorCode.INVALID_LOT.invalid("lots[" + i + "].lot", "lot counted twice", l.lot());
            }
            out.add(new LotPart(Optional.of(l.lot()), l.expiry(), q));
        }
        return out;
    }

    /**
     * After a count found less than is reserved: releases the open reservations that lapse first
     * (a lapsed one as expired) until available to promise is zero or more again, so it is never
     * negative: of the bin counted (its own reservations), then of its warehouse (the warehouse's
     * reservations; its bins' own are covered by their bins). Only what is missing: the last one
     * released is released in part (the rest stays held), a lapsed one expires whole. The reservations are locked after the positions here (a count is rare;
     * JDBC reruns a deadlock victim), as in {@link #reserveIn}'s release of lapsed holds.
     */
    private static void releaseUncovered(InventoryTx tx, BinRows rows, String sku, Location at, Instant now) {
        if (at.parent().isPresent()) {
            releaseWhileShort(tx, rows, sku, at, now);
        }
        releaseWhileShort(tx, rows, sku, at.parent().isPresent() ? tx.location(at.parent().get()).orElseThrow() : at, now);
    }

    private static void releaseWhileShort(InventoryTx tx, BinRows rows, String sku, Location at, Instant now) {
        while (StockCounters.available(rows.get(at)) < 0) {
            // every open reservation lapses before the far future: they come soonest expiry first
            boolean progress = false;
            for (Reservation r : tx.expiredAt(sku, at.code(), FAR_FUTURE, InventoryLimits.MAX_SWEEP)) {
                Reservation locked = tx.lockReservation(r.id()).orElseThrow();
                if (locked.status() != ReservationStatus.OPEN || StockCounters.available(rows.get(at)) >= 0) {
                    continue;
                }
                long missing = -StockCounters.available(rows.get(at));
                if (locked.expiresAt().isAfter(now) && locked.open() > missing) {
                    releasePart(tx, locked, missing, rows); // only what is missing: the rest stays held
                } else {
                    rows.reserve(at, -locked.open());
                    tx.updateReservation(locked.close(locked.expiresAt().isAfter(now) ? ReservationStatus.RELEASED : ReservationStatus.EXPIRED));
                }
                progress = true;
            }
            if (!progress) {
                break;
            }
        }
    }

    /** Later than any reservation's expiry (and inside every store's timestamp range). */
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    @Override
    public StockOperation operation(OperationId id) {
        Check.notNull(id, "id");
        return store.read().operation(id).orElseThrow(() -> InventoryErrorCode.OPERATION_NOT_FOUND.notFound(
                "id: operation " + id + " not found in tenant " + tenant));
    }

    @Override
    public Page<StockOperation> operations(String sku, Optional<String> cursor, int pageSize) {
        Check.notNull(cursor, "cursor");
        Check.that(pageSize >= 1 && pageSize <= InventoryLimits.MAX_PAGE_SIZE, "pageSize", "must be 1.." + InventoryLimits.MAX_PAGE_SIZE,
                pageSize);
        item(sku);
        String scope = OPERATIONS_SCOPE + sku; // a cursor of one item's card does not page another's
        Optional<OperationId> after = cursor.map(c -> OperationId.parse(cursors.verify(tenant, scope, c)));
        List<StockOperation> rows = store.read().operations(sku, after, pageSize + 1);
        if (rows.size() <= pageSize) {
            return Page.last(rows);
        }
        List<StockOperation> page = rows.subList(0, pageSize);
        return Page.of(page, cursors.sign(tenant, scope, page.get(pageSize - 1).id().toString()));
    }

    private static final String OPERATIONS_SCOPE = "inventory.operations|";

    @Override
    public StockOperation correctCost(CostCorrection correction) {
        Check.notNull(correction, "correction");
        OperationId id = correction.id().orElseGet(OperationId::newId); // the identity, before the first attempt
        LocalDate date = correction.date().orElseGet(this::today);
        Instant now = now();
        return reruns.run(rerun -> store.write(tx -> {
            Optional<StockOperation> stored = tx.operation(id);
            if (stored.isPresent()) {
                return sameCorrection(stored.get(), correction);
            }
            return correctLocked(tx, id, correction, date, now);
        }), () -> whereToLook(id));
    }

    /**
     * A receipt's cost corrected by {@code c.amount()}: the share of it that belongs to what of the
     * receipt is still on hand revalues the stock (rounded half-even, as issues are), the rest
     * was consumed and goes to cost of goods sold. Checks before writes: a refused correction
     * writes nothing.
     */
    private StockOperation correctLocked(InventoryTx tx, OperationId id, CostCorrection c, LocalDate date, Instant now) {
        StockOperation receipt = tx.operation(c.receipt()).orElseThrow(() -> InventoryErrorCode.OPERATION_NOT_FOUND.notFound(
                "receipt: operation " + c.receipt() + " not found in tenant " + tenant));
        if (receipt.kind() != MoveKind.RECEIPT) {
            throw InventoryErrorCode.INVALID_CORRECTION.invalid("receipt", "only a receipt's cost is corrected, this is a "
                    + receipt.kind(), c.receipt());
        }
        Item item = tx.item(receipt.sku()).orElseThrow();
        if (!c.amount().getCurrencyUnit().equals(item.currency())) {
            throw InventoryErrorCode.INVALID_COST.invalid("amount", "must be in " + item.currency() + ", the item's currency", c.amount());
        }
        if (c.amount().isZero()) {
            throw InventoryErrorCode.INVALID_CORRECTION.invalid("amount", "must not be zero", c.amount());
        }
        if (date.isBefore(receipt.date())) {
            throw InventoryErrorCode.INVALID_CORRECTION.invalid("date", "must not be before the receipt's date " + receipt.date(), date);
        }
        checkOpen(tx, date);
        requireAccounts(item);
        long amount = c.amount().getAmountMinorLong();
        long received = 0;
        for (StockMove m : receipt.moves()) {
            received += m.quantity();
        }
        ItemCost cost = tx.lockCost(item.sku());
        long onHandPart;
        if (item.costing() == Costing.FIFO) {
            OptionalLong seq = tx.receiptLayer(receipt.id());
            CostLayer layer = null;
            if (seq.isPresent()) {
                for (CostLayer l : tx.layers(item.sku())) {
                    if (l.sequence() == seq.getAsLong()) {
                        layer = l;
                    }
                }
            }
            long left = layer == null ? 0 : Math.max(0, layer.quantity()); // no layer left: the receipt is consumed in full
            onHandPart = Costs.share(amount, left, received);
            if (layer != null && onHandPart != 0) {
                long value = layer.value() + onHandPart;
                if (value < 0) {
                    throw negativeValue(item, "what is left of its layer (" + item.unit().of(left) + ") is worth "
                            + Money.ofMinor(item.currency(), layer.value()));
                }
                tx.putLayer(new CostLayer(layer.sku(), layer.sequence(), layer.date(), layer.quantity(), value));
            }
        } else {
            // moving average: the item's stock holds as much of the receipt as it still has, up to the receipt's quantity
            long left = Math.min(received, Math.max(0, cost.quantity()));
            onHandPart = Costs.share(amount, left, received);
            if (onHandPart != 0 && cost.value() + onHandPart < 0) {
                throw negativeValue(item, "its stock is worth " + Money.ofMinor(item.currency(), cost.value()));
            }
        }
        if (onHandPart != 0) {
            tx.putCost(item.sku(), new ItemCost(cost.quantity(), cost.value() + onHandPart, cost.nextLayer()));
        }
        StockMove first = receipt.moves().get(0);
        StockMove revalued = new StockMove(item.sku(), first.from(), first.to(), Optional.empty(), Optional.empty(), 0,
                item.unit().scale(), Money.ofMinor(item.currency(), onHandPart), Optional.empty());
        StockOperation op = new StockOperation(id, MoveKind.COST_CORRECTION, item.sku(), date, Optional.of(receipt.id().toString()),
                Optional.of(c.reason()), List.of(revalued), ledger == null ? Optional.empty() : Optional.of(EntryId.of(id.value())), now);
        if (!tx.insertOperation(op)) {
            return sameCorrection(tx.operation(id).orElseThrow(), c);
        }
        if (ledger != null) {
            // Dr inventory (on hand) and cost of goods sold (consumed), Cr goods received not invoiced; a reduction the reverse
            Map<InventoryAccountRole, Long> net = new EnumMap<>(InventoryAccountRole.class);
            net.put(InventoryAccountRole.INVENTORY, onHandPart);
            net.put(InventoryAccountRole.COST_OF_GOODS_SOLD, amount - onHandPart);
            net.put(InventoryAccountRole.GOODS_RECEIVED_NOT_INVOICED, -amount);
            postNet(op, item, net);
        }
        return op;
    }

    private static BackofficeException negativeValue(Item item, String what) {
        return InventoryErrorCode.NEGATIVE_VALUE.rule("amount: the correction would leave " + item.sku() + " worth less than zero: "
                + what);
    }

    private static StockOperation sameCorrection(StockOperation stored, CostCorrection c) {
        if (stored.kind() != MoveKind.COST_CORRECTION || !stored.reference().equals(Optional.of(c.receipt().toString()))) {
            throw InventoryErrorCode.OPERATION_EXISTS.conflict("id: operation " + stored.id() + " exists as a " + stored.kind() + " of "
                    + stored.sku() + stored.reference().map(r -> " (" + r + ")").orElse(""));
        }
        return stored;
    }

    // ------------------------------------------------------------------ reservations

    @Override
    public Reservation reserve(NewReservation request) {
        Check.notNull(request, "request");
        ReservationId id = request.id().orElseGet(ReservationId::newId);
        Instant now = now();
        if (!request.expiresAt().isAfter(now)) {
            throw InventoryErrorCode.INVALID_EXPIRY.invalid("expiresAt", "must be after now (" + now + ")", request.expiresAt());
        }
        Instant expiresAt = request.expiresAt().truncatedTo(ChronoUnit.MICROS);
        return reruns.run(rerun -> groups != null && !rerun
                        ? groups.submit(tx -> reserveIn(tx, request, id, now, expiresAt, false))
                        : store.write(tx -> reserveIn(tx, request, id, now, expiresAt, rerun)),
                () -> "reservation " + id + ": read it with reservation(id), or repeat the request with this id");
    }

    /** The unit of a reservation: its checks before its writes, so a refused one writes nothing of its own. */
    private Reservation reserveIn(InventoryTx tx, NewReservation request, ReservationId id, Instant now, Instant expiresAt,
                                  boolean rerun) {
        if (rerun) {
            Optional<Reservation> stored = tx.reservation(id);
            if (stored.isPresent()) {
                return sameReservation(stored.get(), request);
            }
        }
        Item item = tx.item(request.sku()).orElseThrow(() -> itemNotFound("sku", request.sku()));
        Location at = tx.location(request.location()).orElseThrow(() -> locationNotFound("location", request.location()));
        if (!at.kind().internal()) {
            throw InventoryErrorCode.WRONG_LOCATION_KIND.invalid("location", "stock is reserved in an internal location", at.code());
        }
        long q = item.unit().toMinor(request.quantity(), "quantity");
        if (at.parent().isPresent()) {
            return reserveInBin(tx, request, id, item, at, q, now, expiresAt, rerun);
        }
        AccountCounters c = tx.lockPosition(item.sku(), at.code());
        if (StockCounters.reserve(c, q).creditsExceedDebits()) {
            // holds that lapsed but were not swept yet give their stock back first (kept even if this request is refused)
            boolean released = false;
            for (Reservation lapsed : tx.expiredAt(item.sku(), at.code(), now, InventoryLimits.MAX_SWEEP)) {
                Reservation locked = tx.lockReservation(lapsed.id()).orElseThrow();
                if (locked.status() == ReservationStatus.OPEN) {
                    c = StockCounters.reserve(c, -locked.open());
                    tx.updateReservation(locked.close(ReservationStatus.EXPIRED));
                    released = true;
                }
            }
            if (released) {
                tx.putPosition(item.sku(), at.code(), c);
            }
        }
        AccountCounters next = StockCounters.reserve(c, q);
        if (next.creditsExceedDebits() && request.id().isPresent()) {
            // about to be refused: the same request again after the stock ran out was granted before, answer with it
            Optional<Reservation> stored = tx.reservation(id);
            if (stored.isPresent()) {
                return sameReservation(stored.get(), request);
            }
        }
        // reservations never oversell, even where stock may go negative
        StockCounters.check(at.negativeAllowed(false), next, item.sku(), "quantity");
        Reservation made = new Reservation(id, item.sku(), at.code(), q, 0, item.unit().scale(), request.reference(), expiresAt,
                ReservationStatus.OPEN, 1, now);
        if (!rerun && request.id().isEmpty()) {
            tx.insertFreshReservation(made); // generated for this first attempt: nobody can have it, nothing to ask
        } else if (!tx.insertReservation(made)) {
            return sameReservation(tx.reservation(id).orElseThrow(), request);
        }
        tx.putPosition(item.sku(), at.code(), next);
        return made;
    }

    @Override
    public Reservation release(ReservationId id) {
        Check.notNull(id, "id");
        return reruns.run(rerun -> store.write(tx -> close(tx, id, ReservationStatus.RELEASED)),
                () -> "reservation " + id + ": read it with reservation(id)");
    }

    private Reservation close(InventoryTx tx, ReservationId id, ReservationStatus status) {
        Reservation r = tx.lockReservation(id).orElseThrow(() -> reservationNotFound(id));
        if (r.status() == ReservationStatus.RELEASED || r.status() == ReservationStatus.EXPIRED) {
            return r; // released before: a retry
        }
        if (r.status() == ReservationStatus.SHIPPED) {
            throw InventoryErrorCode.RESERVATION_CLOSED.rule("id: reservation " + id + " is shipped in full");
        }
        Location at = tx.location(r.location()).orElseThrow();
        if (at.parent().isPresent()) { // a bin's reservation: its warehouse's row counts it too, and is locked first
            BinRows rows = new BinRows(tx, r.sku());
            rows.lock(List.of(at));
            rows.reserve(at, -r.open());
            rows.put();
        } else {
            AccountCounters c = tx.lockPosition(r.sku(), r.location());
            tx.putPosition(r.sku(), r.location(), StockCounters.reserve(c, -r.open()));
        }
        Reservation closed = r.close(status);
        tx.updateReservation(closed);
        return closed;
    }

    @Override
    public Reservation releaseDownTo(ReservationId id, BigDecimal keep) {
        Check.notNull(id, "id");
        Check.notNull(keep, "keep");
        return reruns.run(rerun -> store.write(tx -> {
            Reservation r = tx.lockReservation(id).orElseThrow(() -> reservationNotFound(id));
            Item item = tx.item(r.sku()).orElseThrow();
            long k = item.unit().toMinorAllowZero(keep, "keep");
            if (k == 0) {
                return close(tx, id, ReservationStatus.RELEASED);
            }
            if (r.status() == ReservationStatus.SHIPPED) {
                throw InventoryErrorCode.RESERVATION_CLOSED.rule("id: reservation " + id + " is shipped in full");
            }
            if (r.status() != ReservationStatus.OPEN || r.open() <= k) {
                return r; // nothing beyond keep: released before (a repeat), or shipped meanwhile
            }
            return releasePart(tx, r, r.open() - k, null);
        }), () -> "reservation " + id + ": read it with reservation(id), or repeat the request (it releases nothing twice)");
    }

    /** Releases {@code q} of open reservation {@code r} (locked), less than it holds; {@code rows}: the positions locked already, if any. */
    private static Reservation releasePart(InventoryTx tx, Reservation r, long q, BinRows rows) {
        Location at = tx.location(r.location()).orElseThrow();
        BinRows held = rows != null ? rows : new BinRows(tx, r.sku());
        held.lock(List.of(at));
        held.reserve(at, -q);
        if (rows == null) {
            held.put();
        }
        Reservation part = r.releasePart(q);
        tx.updateReservation(part);
        return part;
    }

    @Override
    public List<Reservation> expireReservations() {
        Instant now = now();
        List<Reservation> out = new ArrayList<>();
        for (Reservation r : store.read().expired(now, InventoryLimits.MAX_SWEEP)) {
            // one unit per reservation: each takes its locks in the documented order
            Reservation done = reruns.run(rerun -> store.write(tx -> {
                Reservation locked = tx.lockReservation(r.id()).orElseThrow();
                return locked.status() == ReservationStatus.OPEN ? close(tx, r.id(), ReservationStatus.EXPIRED) : locked;
            }), () -> "reservation " + r.id());
            if (done.status() == ReservationStatus.EXPIRED) {
                out.add(done);
            }
        }
        return out;
    }

    @Override
    public Reservation reservation(ReservationId id) {
        Check.notNull(id, "id");
        return store.read().reservation(id).orElseThrow(() -> reservationNotFound(id));
    }

    // ------------------------------------------------------------------ bins

    /**
     * A movement out of or into a bin, or a shipment from a warehouse that holds stock in its bins
     * (picked over the warehouse and its bins): the warehouse's row, which counts its bins, moves
     * with the bins' rows (see {@link BinRows}). Checks before writes, as {@link #moveLocked}.
     */
    private StockOperation moveThroughBins(InventoryTx tx, OperationId id, StockRequest r, Item item, Location from, Location to,
                                           long q, Reservation reservation, ItemCost itemCost, LocalDate date, Instant now) {
        BinRows rows = new BinRows(tx, item.sku());
        List<Location> sources = new ArrayList<>();
        List<LotPart> parts;
        if (from.parent().isPresent() || to.parent().isPresent()) {
            rows.lock(List.of(from, to));
            rows.move(from, to, q, reservation);
            rows.check("quantity");
            parts = lotParts(tx, item, r, from, q, date);
            parts.forEach(p -> sources.add(from));
        } else {
            parts = pick(tx, rows, item, r, from, to, q, sources);
            for (int i = 0; i < parts.size(); i++) {
                rows.move(sources.get(i), to, parts.get(i).quantity, reservation);
            }
            rows.pickedBy(from);
            rows.check("quantity");
            for (int i = 0; i < parts.size(); i++) {
                LotPart p = parts.get(i);
                if (p.lot.isPresent()) {
                    moveLot(tx, item, sources.get(i), to.code(), p.lot.get(), p.expiry, p.quantity, date);
                }
            }
        }
        rows.put();
        long delta = value(tx, item, r, from, to, q, itemCost, date);
        if (r.kind() == MoveKind.RECEIPT && item.costing() == Costing.FIFO) {
            tx.putReceiptLayer(id, itemCost.nextLayer());
        }
        List<StockMove> moves = new ArrayList<>(parts.size());
        long valueLeft = delta;
        long qtyLeft = q;
        Optional<ReservationId> rid = Optional.ofNullable(reservation).map(Reservation::id);
        for (int i = 0; i < parts.size(); i++) {
            LotPart p = parts.get(i);
            long v = p.quantity == qtyLeft ? valueLeft : Costs.share(valueLeft, p.quantity, qtyLeft);
            valueLeft -= v;
            qtyLeft -= p.quantity;
            moves.add(new StockMove(item.sku(), sources.get(i).code(), to.code(), p.lot, p.expiry, p.quantity, item.unit().scale(),
                    money(item.currency(), v), rid));
        }
        if (reservation != null) {
            tx.updateReservation(reservation.ship(q));
        }
        return store(tx, new StockOperation(id, r.kind(), item.sku(), date, r.reference(), r.reason(), List.copyOf(moves),
                entryOf(id, moves), now), item);
    }

    /**
     * What a shipment from warehouse {@code wh} takes: the lot named, or first-expiry-first-out
     * then first-in over the warehouse itself and its bins (untracked: the warehouse itself
     * first, then its bins by code), never what a bin's own reservations hold. Locks the
     * warehouse's row first (held already), then its bins' rows with stock, in code order; fills
     * {@code sources} with each part's location.
     */
    private List<LotPart> pick(InventoryTx tx, BinRows rows, Item item, StockRequest r, Location wh, Location to, long q,
                               List<Location> sources) {
        List<Location> places = new ArrayList<>();
        places.add(wh);
        for (Location l : tx.locations()) {
            if (l.parent().equals(Optional.of(wh.code())) && StockCounters.onHand(tx.position(item.sku(), l.code())) > 0) {
                places.add(l);
            }
        }
        List<Location> locking = new ArrayList<>(places);
        locking.add(to);
        rows.lock(locking);
        Map<String, Long> free = new HashMap<>();
        for (Location l : places) {
            AccountCounters c = rows.get(l);
            free.put(l.code(), l == wh ? StockCounters.direct(c) : StockCounters.available(c));
        }
        List<LotPart> parts = new ArrayList<>();
        long need = q;
        if (item.tracking() == Tracking.NONE) {
            for (Location l : places) {
                long take = Math.min(need, Math.max(0, free.get(l.code())));
                if (take > 0) {
                    parts.add(new LotPart(Optional.empty(), Optional.empty(), take));
                    sources.add(l);
                    need -= take;
                }
            }
        } else {
            record Held(Location at, int order, LotBalance lot) {
            }
            List<Held> held = new ArrayList<>();
            for (int i = 0; i < places.size(); i++) {
                for (LotBalance l : tx.lots(item.sku(), places.get(i).code())) {
                    if (l.onHand() > 0 && (r.lot().isEmpty() || r.lot().get().equals(l.lot()))) {
                        held.add(new Held(places.get(i), i, l));
                    }
                }
            }
            held.sort(Comparator.<Held, LocalDate>comparing(h -> h.lot().expiry().orElse(LocalDate.MAX))
                    .thenComparing(h -> h.lot().since()).thenComparing(h -> h.lot().lot()).thenComparingInt(Held::order));
            for (Held h : held) {
                long take = Math.min(need, Math.min(h.lot().onHand(), free.get(h.at().code())));
                if (take > 0) {
                    parts.add(new LotPart(Optional.of(h.lot().lot()), h.lot().expiry(), take));
                    sources.add(h.at());
                    free.merge(h.at().code(), -take, Long::sum);
                    need -= take;
                }
            }
        }
        if (need > 0) {
            throw InventoryErrorCode.INSUFFICIENT_AVAILABLE.rule("quantity: " + wh.code() + " and its bins hold "
                    + item.unit().of(q - need) + " of " + item.sku() + (r.lot().map(l -> " (lot " + l + ")").orElse(""))
                    + " that is not held for a bin's reservations, " + r.quantity() + " asked");
        }
        return parts;
    }

    /** {@code q} of lot {@code lot} moves from {@code from} to {@code to} (both lot balances). */
    private static void moveLot(InventoryTx tx, Item item, Location from, String to, String lot, Optional<LocalDate> expiry, long q,
                                LocalDate date) {
        LotBalance src = lotOf(tx, item.sku(), from.code(), lot, expiry, date);
        LotBalance out = new LotBalance(src.sku(), src.location(), lot, src.expiry(), src.since(), src.in(), src.out() + q);
        if (!from.negativeAllowed() && out.onHand() < 0) {
            throw InventoryErrorCode.INSUFFICIENT_STOCK.rule("lot: lot " + lot + " of " + item.sku() + " in " + from.code()
                    + " holds " + item.unit().of(src.onHand()) + " only");
        }
        tx.putLot(out);
        LotBalance dst = lotOf(tx, item.sku(), to, lot, expiry, date);
        tx.putLot(new LotBalance(dst.sku(), dst.location(), lot, dst.expiry().or(() -> expiry), dst.since(), dst.in() + q, dst.out()));
    }

    /**
     * A reservation in a bin: held by the bin and counted by its warehouse's row (locked first),
     * so that it and the warehouse's own reservations never together exceed what the warehouse
     * and its bins hold. Lapsed holds of the bin are not swept here (expireReservations does).
     */
    private Reservation reserveInBin(InventoryTx tx, NewReservation request, ReservationId id, Item item, Location at, long q,
                                     Instant now, Instant expiresAt, boolean rerun) {
        BinRows rows = new BinRows(tx, item.sku());
        rows.lock(List.of(at));
        rows.reserve(at, q);
        AccountCounters bin = rows.get(at);
        AccountCounters wh = rows.warehouse(at);
        if ((StockCounters.available(bin) < 0 || StockCounters.available(wh) < 0) && request.id().isPresent()) {
            Optional<Reservation> stored = tx.reservation(id);
            if (stored.isPresent()) {
                return sameReservation(stored.get(), request);
            }
        }
        StockCounters.check(at.negativeAllowed(false), bin, item.sku(), "quantity");
        StockCounters.check(tx.location(at.parent().orElseThrow()).orElseThrow().negativeAllowed(false), wh, item.sku(), "quantity");
        Reservation made = new Reservation(id, item.sku(), at.code(), q, 0, item.unit().scale(), request.reference(), expiresAt,
                ReservationStatus.OPEN, 1, now);
        if (!rerun && request.id().isEmpty()) {
            tx.insertFreshReservation(made);
        } else if (!tx.insertReservation(made)) {
            return sameReservation(tx.reservation(id).orElseThrow(), request);
        }
        rows.put();
        return made;
    }

    // ------------------------------------------------------------------ reports

    @Override
    public StockLevel level(String sku, String location) {
        Item item = item(sku);
        location(location);
        AccountCounters c = store.read().position(sku, location);
        return new StockLevel(sku, location, item.unit().of(StockCounters.onHand(c)), item.unit().of(c.creditsPending()),
                item.unit().of(StockCounters.available(c)));
    }

    @Override
    public List<LotBalance> lots(String sku, String location) {
        item(sku);
        location(location);
        return store.read().lots(sku, location).stream().filter(l -> l.onHand() != 0).toList();
    }

    @Override
    public Valuation valuation(LocalDate asOf) {
        Check.notNull(asOf, "asOf");
        Map<String, Item> items = new HashMap<>();
        for (Item i : store.read().items()) {
            items.put(i.sku(), i);
        }
        List<ItemValuation> lines = new ArrayList<>();
        Map<CurrencyUnit, Money> totals = new HashMap<>();
        for (ValuationRow row : store.read().valuation(asOf)) {
            if (row.quantity() == 0 && row.value() == 0) {
                continue;
            }
            Item item = items.get(row.sku());
            Money value = Money.ofMinor(item.currency(), row.value());
            lines.add(new ItemValuation(row.sku(), item.unit().of(row.quantity()), value));
            totals.merge(item.currency(), value, Money::plus);
        }
        lines.sort(Comparator.comparing(ItemValuation::sku));
        return new Valuation(asOf, lines, totals);
    }

    @Override
    public void closePeriod(LocalDate through, String actor) {
        Check.notNull(through, "through");
        Check.text(actor, "actor", InventoryLimits.MAX_TEXT_LENGTH);
        reruns.run(rerun -> store.write(tx -> {
            if (tx.closedThrough().map(c -> c.isBefore(through)).orElse(true)) {
                tx.closeThrough(through);
                audit.append(AuditEvent.of(actor, "inventory.period_closed", "period/" + through));
            }
            return null;
        }), () -> "period close through " + through + ": read closedThrough()");
    }

    @Override
    public Optional<LocalDate> closedThrough() {
        return store.read().closedThrough();
    }

    // ------------------------------------------------------------------ helpers

    private static void checkKinds(MoveKind kind, Location from, Location to) {
        LocationKind f = from.kind();
        LocationKind t = to.kind();
        boolean ok = switch (kind) {
            case OPENING -> f == LocationKind.OPENING && t == LocationKind.INTERNAL;
            case RECEIPT -> f == LocationKind.SUPPLIER && t == LocationKind.INTERNAL;
            case SHIPMENT -> f == LocationKind.INTERNAL && t == LocationKind.CUSTOMER;
            case RETURN -> f == LocationKind.CUSTOMER && t == LocationKind.INTERNAL;
            case TRANSFER -> f == LocationKind.INTERNAL && t == LocationKind.INTERNAL;
            case ADJUSTMENT -> (f == LocationKind.INTERNAL && t == LocationKind.LOSS) || (f == LocationKind.LOSS && t == LocationKind.INTERNAL);
            case COUNT, COST_CORRECTION -> false;
        };
        if (!ok) {
            boolean fromWrong = switch (kind) {
                case OPENING -> f != LocationKind.OPENING;
                case RECEIPT -> f != LocationKind.SUPPLIER;
                case RETURN -> f != LocationKind.CUSTOMER;
                case ADJUSTMENT -> f != LocationKind.INTERNAL && f != LocationKind.LOSS;
                default -> f != LocationKind.INTERNAL;
            };
            Location wrong = fromWrong ? from : to;
            throw InventoryErrorCode.WRONG_LOCATION_KIND.invalid(fromWrong ? "from" : "to",
                    "a " + kind + " cannot move stock " + (fromWrong ? "out of" : "into") + " a " + wrong.kind() + " location", wrong.code());
        }
    }

    private void checkOpen(InventoryTx tx, LocalDate date) {
        Optional<LocalDate> closed = tx.closedThrough();
        if (closed.isPresent() && !date.isAfter(closed.get())) {
            throw InventoryErrorCode.PERIOD_CLOSED.rule("date: " + date + " falls in a closed period (closed through " + closed.get() + ")");
        }
    }

    private void checkLot(InventoryTx tx, Item item, StockRequest r, Location from, long q) {
        if (item.tracking() == Tracking.NONE) {
            if (r.lot().isPresent()) {
                throw InventoryErrorCode.INVALID_LOT.invalid("lot", "item " + item.sku() + " is not tracked by lot or serial", r.lot().get());
            }
            return;
        }
        if (item.tracking() == Tracking.SERIAL && q != 1) {
            throw InventoryErrorCode.INVALID_LOT.invalid("quantity", "a serial number is moved one unit at a time", r.quantity());
        }
        boolean inbound = !from.kind().internal();
        if (inbound && r.lot().isEmpty()) {
            throw InventoryErrorCode.INVALID_LOT.invalid("lot", "item " + item.sku() + " is tracked by " + item.tracking()
                    + ": say which lot comes in", null);
        }
        if (item.tracking() == Tracking.SERIAL && inbound && r.kind() != MoveKind.RETURN && r.kind() != MoveKind.ADJUSTMENT
                && tx.lotInStock(item.sku(), r.lot().get()) > 0) {
            throw InventoryErrorCode.SERIAL_EXISTS.rule("lot: serial number " + r.lot().get() + " of " + item.sku() + " is already in stock");
        }
    }

    /** The lots a movement takes: the one named, or first-expiry-first-out (then first-in) for an issue without one. */
    private List<LotPart> lotParts(InventoryTx tx, Item item, StockRequest r, Location from, long q, LocalDate date) {
        if (item.tracking() == Tracking.NONE) {
            return List.of(new LotPart(Optional.empty(), Optional.empty(), q));
        }
        List<LotPart> parts = new ArrayList<>();
        if (r.lot().isPresent()) {
            String lot = r.lot().get();
            Optional<LotBalance> held = tx.lots(item.sku(), from.code()).stream().filter(l -> l.lot().equals(lot)).findFirst();
            Optional<LocalDate> expiry = r.lotExpiry().isPresent() ? r.lotExpiry() : held.flatMap(LotBalance::expiry);
            parts.add(new LotPart(Optional.of(lot), expiry, q));
        } else {
            List<LotBalance> lots = new ArrayList<>(tx.lots(item.sku(), from.code()));
            lots.removeIf(l -> l.onHand() <= 0);
            lots.sort(Comparator.<LotBalance, LocalDate>comparing(l -> l.expiry().orElse(LocalDate.MAX))
                    .thenComparing(LotBalance::since).thenComparing(LotBalance::lot));
            long need = q;
            for (LotBalance l : lots) {
                if (need == 0) {
                    break;
                }
                long take = Math.min(need, l.onHand());
                parts.add(new LotPart(Optional.of(l.lot()), l.expiry(), take));
                need -= take;
            }
            if (need > 0) {
                throw InventoryErrorCode.INSUFFICIENT_STOCK.rule("quantity: the lots of " + item.sku() + " in " + from.code()
                        + " hold " + item.unit().of(q - need) + " only");
            }
        }
        for (LotPart p : parts) {
            String lot = p.lot.orElseThrow();
            LotBalance src = lotOf(tx, item.sku(), from.code(), lot, p.expiry, date);
            LotBalance out = new LotBalance(src.sku(), src.location(), lot, src.expiry(), src.since(), src.in(), src.out() + p.quantity);
            if (!from.negativeAllowed() && out.onHand() < 0) {
                throw InventoryErrorCode.INSUFFICIENT_STOCK.rule("lot: lot " + lot + " of " + item.sku() + " in " + from.code()
                        + " holds " + item.unit().of(src.onHand()) + " only");
            }
            tx.putLot(out);
            LotBalance dst = lotOf(tx, item.sku(), r.to(), lot, p.expiry, date);
            tx.putLot(new LotBalance(dst.sku(), dst.location(), lot, dst.expiry().or(() -> p.expiry), dst.since(), dst.in() + p.quantity,
                    dst.out()));
        }
        return parts;
    }

    private static LotBalance lotOf(InventoryTx tx, String sku, String location, String lot, Optional<LocalDate> expiry, LocalDate date) {
        for (LotBalance l : tx.lots(sku, location)) {
            if (l.lot().equals(lot)) {
                return l;
            }
        }
        return new LotBalance(sku, location, lot, expiry, date, 0, 0);
    }

    /** A part of a movement in one lot (or the whole movement of an untracked item). */
    private record LotPart(Optional<String> lot, Optional<LocalDate> expiry, long quantity) {
    }

    /** The movement's value delta of internal stock, costing it in or out of the item's stock. */
    private long value(InventoryTx tx, Item item, StockRequest r, Location from, Location to, long q, ItemCost cost, LocalDate date) {
        if (from.kind().internal() == to.kind().internal()) {
            return 0;
        }
        if (to.kind().internal()) {
            long v = r.cost().map(Money::getAmountMinorLong).orElseGet(() -> Costs.atAverage(cost, q));
            receiveCost(tx, item, cost, q, v, date);
            return v;
        }
        return -issueCost(tx, item, cost, q);
    }

    private static void receiveCost(InventoryTx tx, Item item, ItemCost cost, long q, long value, LocalDate date) {
        Costs.Receipt receipt = Costs.receive(item.sku(), item.costing(), cost, q, value, date);
        tx.putCost(item.sku(), receipt.cost());
        if (receipt.layer() != null) {
            tx.putLayer(receipt.layer());
        }
    }

    private static long issueCost(InventoryTx tx, Item item, ItemCost cost, long q) {
        List<CostLayer> layers = item.costing() == dev.backoffice.inventory.Costing.FIFO ? tx.layers(item.sku()) : List.of();
        Costs.Issue issue = Costs.issue(item.costing(), cost, layers, q);
        tx.putCost(item.sku(), issue.cost());
        issue.layers().forEach(tx::putLayer);
        return issue.value();
    }

    private Reservation lockOpenReservation(InventoryTx tx, ReservationId id, Instant now) {
        Reservation r = tx.lockReservation(id).orElseThrow(() -> reservationNotFound(id));
        if (r.status() != ReservationStatus.OPEN) {
            throw InventoryErrorCode.RESERVATION_CLOSED.rule("reservation: " + id + " is " + r.status());
        }
        if (!r.expiresAt().isAfter(now)) {
            throw InventoryErrorCode.RESERVATION_CLOSED.rule("reservation: " + id + " expired at " + r.expiresAt());
        }
        return r;
    }

    private Optional<EntryId> entryOf(OperationId id, List<StockMove> moves) {
        if (ledger == null) {
            return Optional.empty();
        }
        for (StockMove m : moves) {
            if (!m.valueDelta().isZero()) {
                return Optional.of(EntryId.of(id.value()));
            }
        }
        return Optional.empty();
    }

    /** Stores the operation and posts its value (the unit's last step). */
    private StockOperation store(InventoryTx tx, StockOperation op, Item item) {
        if (!tx.insertOperation(op)) {
            return same(tx.operation(op.id()).orElseThrow(), op.kind(), op.sku());
        }
        if (op.entry().isPresent()) {
            post(op, item, tx);
        }
        return op;
    }

    /**
     * Posts the operation's value: internal stock's change to the inventory account against the
     * account of each virtual location's role; the nets per account, so the entry balances.
     */
    private void post(StockOperation op, Item item, InventoryTx tx) {
        Map<InventoryAccountRole, Long> net = new EnumMap<>(InventoryAccountRole.class);
        for (StockMove m : op.moves()) {
            long v = m.valueDelta().getAmountMinorLong();
            if (v == 0) {
                continue;
            }
            boolean in = v > 0;
            Location other = tx.location(in ? m.from() : m.to()).orElseThrow();
            net.merge(InventoryAccountRole.INVENTORY, v, Long::sum);
            net.merge(role(other.kind()), -v, Long::sum);
        }
        postNet(op, item, net);
    }

    /** Posts the operation's entry: one line per account role whose net is not zero (debit positive, credit negative). */
    private void postNet(StockOperation op, Item item, Map<InventoryAccountRole, Long> net) {
        EntryRequest.Builder b = EntryRequest.builder(op.date(), op.kind() + " " + op.sku() + op.reference().map(r -> " " + r).orElse(""))
                .id(op.entry().orElseThrow())
                .metadata("operationId", op.id().toString())
                .metadata("sku", op.sku());
        int lines = 0;
        for (Map.Entry<InventoryAccountRole, Long> e : net.entrySet()) {
            long v = e.getValue();
            if (v == 0) {
                continue;
            }
            String code = accounts.code(e.getKey(), item.currency()).orElseThrow();
            Money amount = Money.ofMinor(item.currency(), Math.abs(v));
            b = v > 0 ? b.debit(code, amount) : b.credit(code, amount);
            lines++;
        }
        if (lines < 2) {
            return; // everything netted out
        }
        try {
            ledger.post(b.build());
        } catch (BackofficeException e) {
            if (e.code().equals(LedgerErrorCode.PERIOD_CLOSED.code())) {
                throw InventoryErrorCode.PERIOD_CLOSED.rule("date: " + op.date() + " falls in a closed ledger period (" + e.getMessage() + ")");
            }
            throw e;
        }
    }

    private static InventoryAccountRole role(LocationKind kind) {
        return switch (kind) {
            case SUPPLIER -> InventoryAccountRole.GOODS_RECEIVED_NOT_INVOICED;
            case CUSTOMER -> InventoryAccountRole.COST_OF_GOODS_SOLD;
            case LOSS -> InventoryAccountRole.INVENTORY_LOSS;
            case OPENING -> InventoryAccountRole.OPENING_BALANCE;
            case INTERNAL -> InventoryAccountRole.INVENTORY;
        };
    }

    private void requireAccounts(Item item) {
        if (ledger == null) {
            return;
        }
        for (InventoryAccountRole role : InventoryAccountRole.values()) {
            if (accounts.code(role, item.currency()).isEmpty()) {
                throw InventoryErrorCode.ACCOUNT_NOT_MAPPED.rule("sku: item " + item.sku() + " is valued in " + item.currency()
                        + ", which has no " + role + " account in the account mapping");
            }
        }
    }

    private static StockOperation same(StockOperation stored, MoveKind kind, String sku) {
        if (stored.kind() != kind || !stored.sku().equals(sku)) {
            throw InventoryErrorCode.OPERATION_EXISTS.conflict("id: operation " + stored.id() + " exists as a " + stored.kind() + " of "
                    + stored.sku());
        }
        return stored;
    }

    private static Reservation sameReservation(Reservation stored, NewReservation request) {
        if (!stored.sku().equals(request.sku()) || !stored.location().equals(request.location())
                || !stored.reference().equals(request.reference())
                || stored.decimalQuantity().compareTo(request.quantity()) != 0) {
            throw InventoryErrorCode.RESERVATION_EXISTS.conflict("id: reservation " + stored.id() + " exists for another request");
        }
        return stored;
    }

    /** Zero in each currency, shared: most movements (transfers) have no value, and an operation is kept for good. */
    private static final Map<CurrencyUnit, Money> ZEROS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Money money(CurrencyUnit currency, long minor) {
        return minor == 0 ? ZEROS.computeIfAbsent(currency, Money::zero) : Money.ofMinor(currency, minor);
    }

    /**
     * The last day {@link #today} answered and the seconds it spans in the clock's zone: kept
     * operations share its date, and an instant inside it needs no zone rules (on Java 17
     * {@code LocalDate.ofInstant} builds a {@code ZoneRules} with a map on every call for an offset zone).
     */
    private volatile Day lastDay = new Day(LocalDate.MIN, 0, 0);

    /** A day and its seconds {@code [start, end)}. */
    private record Day(LocalDate date, long start, long end) {
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS); // the stores' precision: what is answered is what is stored
    }

    private LocalDate today() {
        return today(clock.instant());
    }

    private LocalDate today(Instant at) {
        Day last = lastDay;
        long second = at.getEpochSecond();
        if (second >= last.start && second < last.end) {
            return last.date;
        }
        LocalDate day = LocalDate.ofInstant(at, clock.getZone());
        lastDay = new Day(day, day.atStartOfDay(clock.getZone()).toEpochSecond(),
                day.equals(LocalDate.MAX) ? Long.MAX_VALUE : day.plusDays(1).atStartOfDay(clock.getZone()).toEpochSecond());
        return day;
    }

    private static String whereToLook(OperationId id) {
        return "operation " + id + ": read it with operation(id), or repeat the request with this id (it returns the stored operation)";
    }

    private BackofficeException itemNotFound(String field, String sku) {
        return InventoryErrorCode.ITEM_NOT_FOUND.notFound(field + ": item " + sku + " not found in tenant " + tenant);
    }

    private BackofficeException locationNotFound(String field, String code) {
        return InventoryErrorCode.LOCATION_NOT_FOUND.notFound(field + ": location " + code + " not found in tenant " + tenant);
    }

    private BackofficeException reservationNotFound(ReservationId id) {
        return InventoryErrorCode.RESERVATION_NOT_FOUND.notFound("id: reservation " + id + " not found in tenant " + tenant);
    }

}
