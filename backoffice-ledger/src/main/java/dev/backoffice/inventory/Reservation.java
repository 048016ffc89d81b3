package dev.backoffice.inventory;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A quantity of an item held in a location for a reference (an order line): it counts against
 * what is available to promise until it is shipped, released or expires. Immutable.
 *
 * @param id        its identity
 * @param sku       the item
 * @param location  where the stock is held
 * @param quantity  reserved, in the unit's minor scale
 * @param shipped   shipped against it so far
 * @param released  released from it in part so far, the rest still held ({@link TenantInventory#releaseDownTo}); a
 *                  reservation released or expired in full keeps its status instead
 * @param scale     the unit's scale
 * @param reference the caller's reference
 * @param expiresAt when it lapses unless shipped
 * @param status    where it stands
 * @param version   1 when made, one more per change
 * @param createdAt when it was made
 */
public record Reservation(ReservationId id, String sku, String location, long quantity, long shipped, long released, int scale,
                          String reference, Instant expiresAt, ReservationStatus status, long version, Instant createdAt) {

    /** A reservation nothing of which was released in part. */
    public Reservation(ReservationId id, String sku, String location, long quantity, long shipped, int scale, String reference,
                       Instant expiresAt, ReservationStatus status, long version, Instant createdAt) {
        this(id, sku, location, quantity, shipped, 0, scale, reference, expiresAt, status, version, createdAt);
    }

    /** What it still holds: the part neither shipped nor released while open, zero after. */
    public long open() {
        return status == ReservationStatus.OPEN ? quantity - shipped - released : 0;
    }

    /** {@link #released()} as a decimal. */
    public BigDecimal decimalReleased() {
        return BigDecimal.valueOf(released, scale);
    }

    /** This reservation with {@code more} released and the rest still held (open), version up. */
    public Reservation releasePart(long more) {
        return new Reservation(id, sku, location, quantity, shipped, released + more, scale, reference, expiresAt, ReservationStatus.OPEN,
                version + 1, createdAt);
    }

    /** {@link #quantity()} as a decimal. */
    public BigDecimal decimalQuantity() {
        return BigDecimal.valueOf(quantity, scale);
    }

    /** {@link #shipped()} as a decimal. */
    public BigDecimal decimalShipped() {
        return BigDecimal.valueOf(shipped, scale);
    }

    /** This reservation with {@code more} shipped (shipped in full when nothing is left), version up. */
    public Reservation ship(long more) {
        long s = shipped + more;
        return new Reservation(id, sku, location, quantity, s, released, scale, reference, expiresAt,
                s + released == quantity ? ReservationStatus.SHIPPED : ReservationStatus.OPEN, version + 1, createdAt);
    }

    /** This reservation closed with {@code status} (released or expired), version up. */
    public Reservation close(ReservationStatus status) {
        return new Reservation(id, sku, location, quantity, shipped, released, scale, reference, expiresAt, status, version + 1, createdAt);
    }
}
