package dev.backoffice.core.store.placement;

import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Where each tenant lives: the key of its database ({@code "eu"}, {@code "uk"},
 * {@code "acme-dedicated"}). One placement serves every module of a deployment, so a tenant is
 * never split: its ledger, orders, payroll, archive, audit log and invoices resolve the same key
 * and therefore the same database, and a transaction over several of them (an invoice and its
 * journal entry, a period close and its audit record) stays on one database.
 *
 * <pre>{@code
 * TenantPlacement placement = TenantPlacement.of(Map.of(
 *         TenantId.of("acme-gmbh"), "eu",
 *         TenantId.of("acme-ltd"), "uk"));
 * }</pre>
 *
 * A tenant the placement does not know is {@code storage.tenant_not_placed}, naming it; the call
 * reads and writes nothing. Implementations are thread-safe and answer quickly (they are asked on
 * every call of a placed store): a lookup in memory, not a query.
 */
@FunctionalInterface
public interface TenantPlacement {

    /**
     * The key of the database {@code tenant} lives in.
     *
     * @throws StorageException {@code storage.tenant_not_placed} when the tenant is not placed
     * @throws dev.backoffice.core.error.InvalidRequestException if {@code tenant} is null
     */
    String placeOf(TenantId tenant);

    /** Every tenant in {@code placements} lives in the database its key names; no other tenant is placed. */
    static TenantPlacement of(Map<TenantId, String> placements) {
        Check.notNull(placements, "placements");
        Map<TenantId, String> copy = new LinkedHashMap<>();
        placements.forEach((tenant, key) -> copy.put(Check.notNull(tenant, "placements.tenant"), Check.notBlank(key, "placements.key")));
        Map<TenantId, String> fixed = Map.copyOf(copy);
        return new TenantPlacement() {
            @Override
            public String placeOf(TenantId tenant) {
                Check.notNull(tenant, "tenant");
                String key = fixed.get(tenant);
                if (key == null) {
                    throw notPlaced(tenant);
                }
                return key;
            }

            @Override
            public String toString() {
                return "TenantPlacement" + new TreeSet<>(fixed.values());
            }
        };
    }

    /**
     * Each tenant lives where {@code rule} says (a lookup in the application's tenant
     * directory, a rule on the tenant id); a null or blank answer means not placed.
     */
    static TenantPlacement by(Function<? super TenantId, String> rule) {
        Check.notNull(rule, "rule");
        return tenant -> {
            Check.notNull(tenant, "tenant");
            String key = rule.apply(tenant);
            if (key == null || key.isBlank()) {
                throw notPlaced(tenant);
            }
            return key;
        };
    }

    /** Every tenant in the one database {@code key} (the placement of a single-database deployment). */
    static TenantPlacement single(String key) {
        Check.notBlank(key, "key");
        return by(tenant -> key);
    }

    /** The error for a tenant no placement knows: {@code storage.tenant_not_placed}, naming it. */
    static StorageException notPlaced(TenantId tenant) {
        return CoreErrorCode.STORAGE_TENANT_NOT_PLACED.storage("tenant " + tenant + " is not placed in any database: "
                + "add it to the TenantPlacement (nothing was read or written)", null);
    }
}
