package dev.backoffice.inventory.jdbc.internal;

import dev.backoffice.inventory.Item;
import dev.backoffice.inventory.Location;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Items and locations a JDBC store has read, per tenant: both never change once defined, so a
 * committed definition read once answers every later unit without a round trip (a reservation
 * group or a movement reads its item and locations first). Only definitions read from committed
 * rows are kept (a unit that defined one may still roll back). Bounded: past
 * {@link #MAX_ENTRIES} it starts over, which only costs the round trips again. Thread-safe.
 */
public final class MasterData {

    /** Most definitions kept (items and locations of all tenants together). */
    static final int MAX_ENTRIES = 100_000;

    private final ConcurrentHashMap<String, Item> items = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Location> locations = new ConcurrentHashMap<>();

    private MasterData() {
    }

    /** An empty cache. */
    public static MasterData create() {
        return new MasterData();
    }

    Item item(String tenant, String sku) {
        return items.get(key(tenant, sku));
    }

    Location location(String tenant, String code) {
        return locations.get(key(tenant, code));
    }

    void keep(String tenant, Item item) {
        if (items.size() >= MAX_ENTRIES) {
            items.clear();
        }
        items.put(key(tenant, item.sku()), item);
    }

    void keep(String tenant, Location location) {
        if (locations.size() >= MAX_ENTRIES) {
            locations.clear();
        }
        locations.put(key(tenant, location.code()), location);
    }

    private static String key(String tenant, String code) {
        return tenant + '\u0000' + code;
    }
}
