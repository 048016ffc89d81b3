package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountId;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts this store has read, per tenant, so that resolving a posting's account costs no round
 * trip. Only committed rows enter it: rows read from the database (by lookups and by the account
 * locks of each group) and the accounts a group created, once it committed; never this process's
 * uncommitted writes.
 * Safe because what the group path uses it for never changes once committed: an account's id,
 * code, currency and type. Its {@code closed} flag may be stale here, which is harmless: the
 * rule engine reads {@code closed} and the counters from the rows locked {@code FOR UPDATE}.
 */
public final class AccountCache {

    AccountCache() {
    }

    /** An empty cache (internal classes have no public constructor). */
    public static AccountCache create() {
        return new AccountCache();
    }

    private static final int MAX_PER_TENANT = 1_000_000;

    private final Map<TenantId, Tenant> tenants = new ConcurrentHashMap<>();

    Tenant of(TenantId tenant) {
        return tenants.computeIfAbsent(tenant, t -> new Tenant());
    }

    static final class Tenant {
        /**
         * The period status the last group of this tenant read, or null: the next group's units
         * are discovered against it before its transaction begins, and discovered again in the
         * rare case the period changed meanwhile (see {@code GroupRun}).
         */
        volatile dev.backoffice.ledger.PeriodStatus lastPeriod;
        final Map<AccountId, Account> byId = new ConcurrentHashMap<>();
        final Map<String, Account> byCode = new ConcurrentHashMap<>();

        void put(Account a) {
            if (byId.size() >= MAX_PER_TENANT) {
                byId.clear();
                byCode.clear();
            }
            byId.put(a.id(), a);
            byCode.put(a.code(), a);
        }
    }
}
