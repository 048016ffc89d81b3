package dev.backoffice.inventory;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.page.CursorSigner;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.inventory.internal.InventoryService;
import dev.backoffice.ledger.Ledger;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The front door of inventory: built once over an {@link InventoryStore} (and, to post, a
 * {@link Ledger} with {@link InventoryAccounts}), hands out one {@link TenantInventory} per tenant.
 * <pre>{@code
 * Inventory inventory = Inventory.builder()
 *         .store(InMemoryInventoryStore.create())
 *         .ledger(ledger, InventoryAccounts.builder().currency(EUR, "1300", "2150", "5000", "5900", "3000").build())
 *         .clock(clock)
 *         .build();
 * TenantInventory acme = inventory.forTenant(TenantId.of("acme"));
 * }</pre>
 * An operation and its journal entry commit in one transaction when both stores are in memory,
 * or both are JDBC stores over the same {@code DataSource}. Thread-safe.
 */
public final class Inventory {

    private final InventoryStore store;
    private final Ledger ledger;
    private final InventoryAccounts accounts;
    private final Clock clock;
    private final AuditStore audit;
    private final CursorSigner cursors;
    private final boolean groupReservations;
    private final ConcurrentMap<TenantId, TenantInventory> tenants = new ConcurrentHashMap<>();

    private Inventory(Builder b) {
        this.store = Check.notNull(b.store, "store");
        this.ledger = b.ledger;
        this.accounts = b.accounts;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.audit = b.audit == null ? InMemoryAuditStore.create(clock) : b.audit;
        this.cursors = b.cursors == null ? CursorSigner.random() : b.cursors;
        this.groupReservations = b.groupReservations;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The stock ledger of {@code tenant}. */
    public TenantInventory forTenant(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        TenantInventory t = tenants.get(tenant);
        return t != null ? t : tenants.computeIfAbsent(tenant, id -> InventoryService.create(id, store.forTenant(id),
                ledger == null ? null : ledger.forTenant(id), accounts, clock, audit.forTenant(id), cursors,
                groupReservations, store.metrics()));
    }

    /** Builder of {@link Inventory}. */
    public static final class Builder {
        private InventoryStore store;
        private Ledger ledger;
        private InventoryAccounts accounts;
        private Clock clock;
        private AuditStore audit;
        private CursorSigner cursors;
        private boolean groupReservations;

        private Builder() {
        }

        /** The store (required). */
        public Builder store(InventoryStore store) {
            this.store = Check.notNull(store, "store");
            return this;
        }

        /**
         * The general ledger receipts, shipments and adjustments are posted to, and which account
         * plays each role (default: no ledger, nothing posted). Give it the same clock.
         */
        public Builder ledger(Ledger ledger, InventoryAccounts accounts) {
            this.ledger = Check.notNull(ledger, "ledger");
            this.accounts = Check.notNull(accounts, "accounts");
            return this;
        }

        /** The clock for "today" (default dates, reservation expiry) and stored instants (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Check.notNull(clock, "clock");
            return this;
        }

        /**
         * Where item and location definitions and period closings are audited (default: an
         * in-memory log). With a JDBC store pass a {@code JdbcAuditStore} on the same data source.
         */
        public Builder audit(AuditStore audit) {
            this.audit = Check.notNull(audit, "audit");
            return this;
        }

        /** The key that signs listing cursors (at least 32 bytes, copied). Default: a random key per {@code Inventory}. */
        public Builder cursorKey(byte[] key) {
            this.cursors = CursorSigner.withKey(key);
            return this;
        }

        /**
         * Whether concurrent reservations of a tenant share transactions (group commit; default
         * false): a caller's reservation then runs in a transaction led by whichever caller came
         * first, so the hot stock row is locked and committed once per group. For flash sales on
         * JDBC. Leave it off when you call {@code reserve} inside a transaction of your own: a
         * grouped reservation does not join it.
         */
        public Builder groupReservations(boolean group) {
            this.groupReservations = group;
            return this;
        }

        /** The inventory front door. */
        public Inventory build() {
            return new Inventory(this);
        }
    }
}
