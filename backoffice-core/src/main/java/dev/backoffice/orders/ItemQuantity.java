package dev.backoffice.orders;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;

/**
 * A quantity of one order line, named by its SKU: a shipment or a return is a list of them.
 *
 * @param sku      the SKU of an order line
 * @param quantity how many units, at least 1
 */
public record ItemQuantity(String sku, int quantity) {
    public ItemQuantity {
        Check.text(sku, "sku", OrderLine.MAX_SKU_LENGTH);
        if (quantity <= 0) {
            throw OrderErrorCode.INVALID_QUANTITY.invalid("quantity", "must be at least 1", quantity);
        }
    }

    /** {@code quantity} units of {@code sku}. */
    public static ItemQuantity of(String sku, int quantity) {
        return new ItemQuantity(sku, quantity);
    }
}
