package dev.backoffice.inventory;

import dev.backoffice.core.error.ErrorCode;

/**
 * Every way an inventory request can fail, with its stable {@link #code()} and the kind of
 * exception that carries it. Nothing is written when any of these is thrown.
 *
 * <p>Input errors ({@link ErrorCode.Kind#INVALID}) name the field at fault, e.g.
 * {@code quantity} or {@code lines[2].counted}.
 */
public enum InventoryErrorCode implements ErrorCode {
    /** A quantity that is zero or negative, has more decimals than its unit allows, or exceeds {@link InventoryLimits#MAX_QUANTITY}. */
    INVALID_QUANTITY("inventory.invalid_quantity", Kind.INVALID),
    /** An item definition that cannot be used (blank SKU, unit scale outside 0..{@link InventoryLimits#MAX_UNIT_SCALE}). */
    INVALID_ITEM("inventory.invalid_item", Kind.INVALID),
    /** A location definition that cannot be used (a bin whose parent is not a warehouse, say). */
    INVALID_LOCATION("inventory.invalid_location", Kind.INVALID),
    /** A cost that is negative, in another currency than the item's, or missing where required. */
    INVALID_COST("inventory.invalid_cost", Kind.INVALID),
    /** A movement between locations of kinds its operation does not allow (a receipt not from a supplier, say). */
    WRONG_LOCATION_KIND("inventory.wrong_location_kind", Kind.INVALID),
    /** A lot or serial number missing for a tracked item, or given for an untracked one, or a serial quantity other than one. */
    INVALID_LOT("inventory.invalid_lot", Kind.INVALID),
    /** A reservation expiry that is not after now. */
    INVALID_EXPIRY("inventory.invalid_expiry", Kind.INVALID),
    /** No item with that SKU in this tenant. */
    ITEM_NOT_FOUND("inventory.item_not_found", Kind.NOT_FOUND),
    /** No location with that code in this tenant. */
    LOCATION_NOT_FOUND("inventory.location_not_found", Kind.NOT_FOUND),
    /** No stock operation with that id in this tenant. */
    OPERATION_NOT_FOUND("inventory.operation_not_found", Kind.NOT_FOUND),
    /** No reservation with that id in this tenant. */
    RESERVATION_NOT_FOUND("inventory.reservation_not_found", Kind.NOT_FOUND),
    /** An item SKU already defined in this tenant with another definition. */
    ITEM_EXISTS("inventory.item_exists", Kind.CONFLICT),
    /** A location code already defined in this tenant with another definition. */
    LOCATION_EXISTS("inventory.location_exists", Kind.CONFLICT),
    /** An operation id already used in this tenant for another operation. */
    OPERATION_EXISTS("inventory.operation_exists", Kind.CONFLICT),
    /** A reservation id already used in this tenant for another reservation. */
    RESERVATION_EXISTS("inventory.reservation_exists", Kind.CONFLICT),
    /** The movement would leave less than zero on hand in a location that does not allow negative stock. */
    INSUFFICIENT_STOCK("inventory.insufficient_stock", Kind.RULE),
    /** Reserving or shipping more than is available to promise (on hand minus reserved). */
    INSUFFICIENT_AVAILABLE("inventory.insufficient_available", Kind.RULE),
    /**
     * A movement out of a bin that would take stock the reservations of its warehouse hold (what is
     * available to promise at the warehouse, over it and its bins, would go negative).
     */
    RESERVED_IN_WAREHOUSE("inventory.reserved_in_warehouse", Kind.RULE),
    /** Shipping more than is still open on the reservation. */
    EXCEEDS_RESERVED("inventory.exceeds_reserved", Kind.RULE),
    /** The reservation is shipped in full, released or expired. */
    RESERVATION_CLOSED("inventory.reservation_closed", Kind.RULE),
    /** The serial number is already in stock. */
    SERIAL_EXISTS("inventory.serial_exists", Kind.RULE),
    /** The movement's date falls in a closed period (the inventory's own or the ledger's). */
    PERIOD_CLOSED("inventory.period_closed", Kind.RULE),
    /** The account mapping has no account for a role in the item's currency. */
    ACCOUNT_NOT_MAPPED("inventory.account_not_mapped", Kind.RULE),
    /** A cost correction of an operation that is not a receipt, of zero, or dated before its receipt. */
    INVALID_CORRECTION("inventory.invalid_correction", Kind.INVALID),
    /** A cost correction that would leave a FIFO layer (or a moving-average item's stock) worth less than zero. */
    NEGATIVE_VALUE("inventory.negative_value", Kind.RULE);

    private final String code;
    private final Kind kind;

    InventoryErrorCode(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
