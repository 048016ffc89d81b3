package dev.backoffice.inventory;

import dev.backoffice.core.validation.Check;

import java.util.Optional;

/**
 * A place stock is in or comes from. Warehouses and their bins are internal; suppliers,
 * customers, loss and opening balance are virtual. Whether stock may go negative here:
 * never by default in an internal or customer location (a customer cannot return more than it
 * received), always in the other virtual ones (they are sources).
 *
 * @param code             unique in the tenant
 * @param kind             internal or which virtual location
 * @param parent           for a bin, its warehouse's code
 * @param negativeAllowed  whether on hand may go below zero here
 */
public record Location(String code, LocationKind kind, Optional<String> parent, boolean negativeAllowed) {

    public Location {
        Check.text(code, "code", InventoryLimits.MAX_LOCATION_LENGTH);
        Check.notNull(kind, "kind");
        Check.notNull(parent, "parent");
        if (parent.isPresent() && kind != LocationKind.INTERNAL) {
            throw InventoryErrorCode.INVALID_LOCATION.invalid("parent", "only a bin (internal) has a parent", parent.get());
        }
        parent.ifPresent(p -> Check.text(p, "parent", InventoryLimits.MAX_LOCATION_LENGTH));
    }

    /** A warehouse. */
    public static Location warehouse(String code) {
        return new Location(code, LocationKind.INTERNAL, Optional.empty(), false);
    }

    /** A bin of {@code warehouse}. */
    public static Location bin(String code, String warehouse) {
        return new Location(code, LocationKind.INTERNAL, Optional.of(Check.notNull(warehouse, "parent")), false);
    }

    /** A virtual supplier location. */
    public static Location supplier(String code) {
        return new Location(code, LocationKind.SUPPLIER, Optional.empty(), true);
    }

    /** A virtual customer location. */
    public static Location customer(String code) {
        return new Location(code, LocationKind.CUSTOMER, Optional.empty(), false);
    }

    /** The virtual inventory-loss location. */
    public static Location loss(String code) {
        return new Location(code, LocationKind.LOSS, Optional.empty(), true);
    }

    /** The virtual opening-balance location. */
    public static Location opening(String code) {
        return new Location(code, LocationKind.OPENING, Optional.empty(), true);
    }

    /** This location with stock allowed, or not, to go negative. */
    public Location negativeAllowed(boolean allowed) {
        return new Location(code, kind, parent, allowed);
    }
}
