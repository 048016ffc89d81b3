package dev.backoffice.inventory;

import dev.backoffice.core.validation.Check;

import java.math.BigDecimal;

/**
 * A unit of measure with its decimal scale: quantities of an item are counted in the unit's
 * minor scale as a {@code long} (3 kg with scale 3 is 3000), never as a double.
 *
 * @param code  the unit's code ("pcs", "kg", "m")
 * @param scale the decimals it allows, 0..{@value InventoryLimits#MAX_UNIT_SCALE}
 */
public record Uom(String code, int scale) {

    /** Pieces: whole numbers. */
    public static final Uom PIECES = new Uom("pcs", 0);
    /** Kilograms to the gram. */
    public static final Uom KILOGRAMS = new Uom("kg", 3);

    public Uom {
        Check.text(code, "unit.code", InventoryLimits.MAX_UNIT_LENGTH);
        if (scale < 0 || scale > InventoryLimits.MAX_UNIT_SCALE) {
            throw InventoryErrorCode.INVALID_ITEM.invalid("unit.scale", "must be 0.." + InventoryLimits.MAX_UNIT_SCALE, scale);
        }
    }

    /** The unit {@code code} with {@code scale} decimals. */
    public static Uom of(String code, int scale) {
        return new Uom(code, scale);
    }

    /**
     * {@code quantity} in minor units: it must be greater than zero, have at most {@link #scale()}
     * decimals (trailing zeros do not count) and not exceed {@link InventoryLimits#MAX_QUANTITY}
     * minor units; otherwise {@link InventoryErrorCode#INVALID_QUANTITY} naming {@code field}.
     */
    public long toMinor(BigDecimal quantity, String field) {
        long minor = toMinorAllowZero(quantity, field);
        if (minor <= 0) {
            throw InventoryErrorCode.INVALID_QUANTITY.invalid(field, "must be greater than zero", quantity);
        }
        return minor;
    }

    /** As {@link #toMinor}, but zero is accepted (a counted quantity). */
    public long toMinorAllowZero(BigDecimal quantity, String field) {
        if (quantity == null) {
            throw InventoryErrorCode.INVALID_QUANTITY.invalid(field, "must not be null", null);
        }
        BigDecimal q = quantity.stripTrailingZeros();
        if (q.scale() > scale) {
            throw InventoryErrorCode.INVALID_QUANTITY.invalid(field, "has more than " + scale + " decimals, the scale of " + code, quantity);
        }
        if (q.signum() < 0) {
            throw InventoryErrorCode.INVALID_QUANTITY.invalid(field, "must not be negative", quantity);
        }
        BigDecimal minor = q.movePointRight(scale);
        if (minor.compareTo(BigDecimal.valueOf(InventoryLimits.MAX_QUANTITY)) > 0) {
            throw InventoryErrorCode.INVALID_QUANTITY.invalid(field, "exceeds " + InventoryLimits.MAX_QUANTITY + " minor units", quantity);
        }
        return minor.longValueExact();
    }

    /** {@code minor} minor units as a decimal quantity of this unit. */
    public BigDecimal of(long minor) {
        return BigDecimal.valueOf(minor, scale);
    }
}
