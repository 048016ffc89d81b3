package dev.backoffice.inventory;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A request to move stock: made by one of the factories (one per {@link MoveKind}), refined with
 * the withers, given to {@link TenantInventory#move}. Immutable.
 * <pre>{@code
 * stock.move(StockRequest.receipt("BOLT-M8", new BigDecimal("100"), "SUPPLIER", "WH1", Money.of(EUR, 25))
 *         .on(LocalDate.of(2026, 3, 2)).reference("PO-17"));
 * stock.move(StockRequest.shipment("BOLT-M8", new BigDecimal("10"), "WH1", "CUSTOMERS"));
 * }</pre>
 *
 * @param id          the operation's identity (default: a fresh one, given before the first attempt)
 * @param kind        what it is
 * @param sku         the item
 * @param quantity    how much, in the item's unit (at most its scale's decimals)
 * @param from        the source location
 * @param to          the destination location
 * @param cost        the total cost of what comes in (receipts and openings: required; returns and
 *                    gains: optional, default the item's current average cost)
 * @param lot         the lot or serial number (tracked items; for a shipment, default first-expiry-first-out)
 * @param lotExpiry   the lot's expiry date (receipts)
 * @param date        the effective date (default today); back-dating is allowed inside an open period
 * @param reference   the caller's reference
 * @param reason      why (required for adjustments)
 * @param reservation for a shipment, the reservation it ships (then {@code from} must be the reservation's location)
 */
public record StockRequest(Optional<OperationId> id, MoveKind kind, String sku, BigDecimal quantity, String from, String to,
                           Optional<Money> cost, Optional<String> lot, Optional<LocalDate> lotExpiry, Optional<LocalDate> date,
                           Optional<String> reference, Optional<String> reason, Optional<ReservationId> reservation) {

    public StockRequest {
        Check.notNull(id, "id");
        Check.notNull(kind, "kind");
        Check.text(sku, "sku", InventoryLimits.MAX_SKU_LENGTH);
        Check.notNull(quantity, "quantity");
        Check.text(from, "from", InventoryLimits.MAX_LOCATION_LENGTH);
        Check.text(to, "to", InventoryLimits.MAX_LOCATION_LENGTH);
        Check.notNull(cost, "cost");
        Check.notNull(lot, "lot");
        lot.ifPresent(l -> Check.text(l, "lot", InventoryLimits.MAX_TEXT_LENGTH));
        Check.notNull(lotExpiry, "lotExpiry");
        Check.notNull(date, "date");
        Check.notNull(reference, "reference");
        reference.ifPresent(r -> Check.text(r, "reference", InventoryLimits.MAX_TEXT_LENGTH));
        Check.notNull(reason, "reason");
        reason.ifPresent(r -> Check.text(r, "reason", InventoryLimits.MAX_TEXT_LENGTH));
        Check.notNull(reservation, "reservation");
        Check.that(!from.equals(to), "to", "must differ from the source location", to);
    }

    private static StockRequest of(MoveKind kind, String sku, BigDecimal quantity, String from, String to, Optional<Money> cost) {
        return new StockRequest(Optional.empty(), kind, sku, quantity, from, to, cost, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** An opening balance: {@code quantity} worth {@code totalCost} from the opening location {@code from} into {@code to}. */
    public static StockRequest opening(String sku, BigDecimal quantity, String from, String to, Money totalCost) {
        return of(MoveKind.OPENING, sku, quantity, from, to, Optional.of(Check.notNull(totalCost, "cost")));
    }

    /** A receipt from supplier location {@code from} into {@code to}, costing {@code totalCost} in all. */
    public static StockRequest receipt(String sku, BigDecimal quantity, String from, String to, Money totalCost) {
        return of(MoveKind.RECEIPT, sku, quantity, from, to, Optional.of(Check.notNull(totalCost, "cost")));
    }

    /** A shipment from stock {@code from} to customer location {@code to}, at cost. */
    public static StockRequest shipment(String sku, BigDecimal quantity, String from, String to) {
        return of(MoveKind.SHIPMENT, sku, quantity, from, to, Optional.empty());
    }

    /** A return from customer location {@code from} into stock {@code to} (valued at the current average cost unless {@link #cost(Money)}). */
    public static StockRequest returned(String sku, BigDecimal quantity, String from, String to) {
        return of(MoveKind.RETURN, sku, quantity, from, to, Optional.empty());
    }

    /** A transfer between internal locations (warehouses or bins). */
    public static StockRequest transfer(String sku, BigDecimal quantity, String from, String to) {
        return of(MoveKind.TRANSFER, sku, quantity, from, to, Optional.empty());
    }

    /**
     * An adjustment with a reason: from stock to the loss location is a loss, from the loss
     * location into stock a gain (valued at the current average cost unless {@link #cost(Money)}).
     */
    public static StockRequest adjustment(String sku, BigDecimal quantity, String from, String to, String reason) {
        return of(MoveKind.ADJUSTMENT, sku, quantity, from, to, Optional.empty()).reason(reason);
    }

    /** This request with identity {@code id}. */
    public StockRequest withId(OperationId id) {
        return new StockRequest(Optional.of(Check.notNull(id, "id")), kind, sku, quantity, from, to, cost, lot, lotExpiry, date,
                reference, reason, reservation);
    }

    /** This request dated {@code date}. */
    public StockRequest on(LocalDate date) {
        return new StockRequest(id, kind, sku, quantity, from, to, cost, lot, lotExpiry, Optional.of(Check.notNull(date, "date")),
                reference, reason, reservation);
    }

    /** This request with the total cost of what comes in. */
    public StockRequest cost(Money totalCost) {
        return new StockRequest(id, kind, sku, quantity, from, to, Optional.of(Check.notNull(totalCost, "cost")), lot, lotExpiry,
                date, reference, reason, reservation);
    }

    /** This request for lot (or serial number) {@code lot}, without expiry. */
    public StockRequest lot(String lot) {
        return new StockRequest(id, kind, sku, quantity, from, to, cost, Optional.of(Check.notNull(lot, "lot")), Optional.empty(),
                date, reference, reason, reservation);
    }

    /** This request for lot {@code lot} expiring on {@code expiry}. */
    public StockRequest lot(String lot, LocalDate expiry) {
        return new StockRequest(id, kind, sku, quantity, from, to, cost, Optional.of(Check.notNull(lot, "lot")),
                Optional.of(Check.notNull(expiry, "lotExpiry")), date, reference, reason, reservation);
    }

    /** This request with the caller's reference. */
    public StockRequest reference(String reference) {
        return new StockRequest(id, kind, sku, quantity, from, to, cost, lot, lotExpiry, date,
                Optional.of(Check.notNull(reference, "reference")), reason, reservation);
    }

    /** This request with a reason. */
    public StockRequest reason(String reason) {
        return new StockRequest(id, kind, sku, quantity, from, to, cost, lot, lotExpiry, date, reference,
                Optional.of(Check.notNull(reason, "reason")), reservation);
    }

    /** This shipment shipping (part of) {@code reservation}. */
    public StockRequest against(ReservationId reservation) {
        return new StockRequest(id, kind, sku, quantity, from, to, cost, lot, lotExpiry, date, reference, reason,
                Optional.of(Check.notNull(reservation, "reservation")));
    }
}
