package dev.backoffice.inventory;

import org.joda.money.Money;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One line of a stock operation: {@code quantity} of {@code sku} (in a lot, if tracked) moved
 * from one location to another. Each line adds the quantity to the destination's counter and
 * takes it from the source's, so per item the sum over all locations stays zero.
 *
 * @param sku           the item
 * @param from          the source location
 * @param to            the destination location
 * @param lot           the lot or serial number of a tracked item
 * @param lotExpiry     the lot's expiry date, if it has one
 * @param quantity      the quantity in the unit's minor scale, greater than zero
 * @param scale         the unit's scale ({@link #decimalQuantity()})
 * @param valueDelta    what the line changes the value of internal stock by: positive into
 *                      stock from a virtual location, negative out of it, zero between two
 *                      internal (or two virtual) locations
 * @param reservation   the reservation it ships, if any
 */
public record StockMove(String sku, String from, String to, Optional<String> lot, Optional<java.time.LocalDate> lotExpiry,
                        long quantity, int scale, Money valueDelta, Optional<ReservationId> reservation) {

    /** The quantity as a decimal of the item's unit. */
    public BigDecimal decimalQuantity() {
        return BigDecimal.valueOf(quantity, scale);
    }
}
