package dev.backoffice.inventory;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The counters of one lot (or serial number) of an item in one location (store SPI and reports).
 *
 * @param sku      the item
 * @param location the location
 * @param lot      the lot or serial number
 * @param expiry   the lot's expiry date, if any
 * @param since    the date the lot first came into this location (first-in order among lots without expiry)
 * @param in       quantity moved in, minor units
 * @param out      quantity moved out, minor units
 */
public record LotBalance(String sku, String location, String lot, Optional<LocalDate> expiry, LocalDate since, long in, long out) {

    /** In minus out. */
    public long onHand() {
        return in - out;
    }
}
