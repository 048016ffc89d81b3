package dev.backoffice.inventory;

import dev.backoffice.core.validation.Check;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A request to reserve {@code quantity} of {@code sku} in {@code location} for {@code reference}
 * until {@code expiresAt}.
 *
 * @param id        its identity (default: a fresh one, given before the first attempt)
 * @param sku       the item
 * @param location  an internal location
 * @param quantity  how much, in the item's unit
 * @param reference the caller's reference (an order line)
 * @param expiresAt when it lapses unless shipped (after now)
 */
public record NewReservation(Optional<ReservationId> id, String sku, String location, BigDecimal quantity, String reference,
                             Instant expiresAt) {

    public NewReservation {
        Check.notNull(id, "id");
        Check.text(sku, "sku", InventoryLimits.MAX_SKU_LENGTH);
        Check.text(location, "location", InventoryLimits.MAX_LOCATION_LENGTH);
        Check.notNull(quantity, "quantity");
        Check.text(reference, "reference", InventoryLimits.MAX_TEXT_LENGTH);
        Check.notNull(expiresAt, "expiresAt");
    }

    /** A reservation request with a fresh identity. */
    public static NewReservation of(String sku, String location, BigDecimal quantity, String reference, Instant expiresAt) {
        return new NewReservation(Optional.empty(), sku, location, quantity, reference, expiresAt);
    }

    /** This request with identity {@code id}. */
    public NewReservation withId(ReservationId id) {
        return new NewReservation(Optional.of(Check.notNull(id, "id")), sku, location, quantity, reference, expiresAt);
    }
}
