package dev.backoffice.inventory;

/** The limits inventory enforces, as named constants (each checked where the input arrives, with a typed error). */
public final class InventoryLimits {

    /** Longest SKU. */
    public static final int MAX_SKU_LENGTH = 64;
    /** Longest location code. */
    public static final int MAX_LOCATION_LENGTH = 64;
    /** Longest item name, reason, reference or lot. */
    public static final int MAX_TEXT_LENGTH = 200;
    /** Longest unit-of-measure code. */
    public static final int MAX_UNIT_LENGTH = 16;
    /** Most decimals a unit of measure may have (kg with grams is 3). */
    public static final int MAX_UNIT_SCALE = 6;
    /**
     * Largest quantity of one movement or reservation, in the unit's minor scale (10^15): the
     * counters stay far from 64-bit overflow and a quantity times a cost in minor units fits the
     * exact arithmetic the costing uses.
     */
    public static final long MAX_QUANTITY = 1_000_000_000_000_000L;
    /** Most lines of one stock count. */
    public static final int MAX_COUNT_LINES = 1_000;
    /** Most reservations one expiry sweep releases. */
    public static final int MAX_SWEEP = 500;
    /** Largest page of a listing ({@link TenantInventory#operations}). */
    public static final int MAX_PAGE_SIZE = 500;

    private InventoryLimits() {
    }
}
