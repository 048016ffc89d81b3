package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.internal.Invariants;
import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.AccountState;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.LedgerErrorCode;
import dev.backoffice.ledger.LedgerTx;
import dev.backoffice.ledger.Movement;
import dev.backoffice.ledger.PeriodStatus;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;

/**
 * A unit of work run alone in its own transaction (or joined to the caller's): every read and
 * write goes straight to the connection. Used for the rare operations that must not share a
 * group (period closes with their audit record, year-end, expiry sweeps), for work whose thread
 * already has a transaction open, and as the fallback when a group fails for a non-retryable
 * reason.
 */
public final class DirectTx extends SqlReader implements LedgerTx {

    private final Connection c;
    private final Dialect dialect;
    private final SequenceBlocks sequences;
    private boolean periodLocked;
    /** The current days of the accounts this transaction locked or created (see {@link CurrentDays}). */
    private final CurrentDays currentDays = new CurrentDays();
    /** The accounts this transaction locked or created: the only ones whose counters it may write. */
    private final Set<AccountId> lockedOrCreated = new HashSet<>();

    private int entriesWritten;
    /** The tenant's sequence floor once read (see {@link SequenceBlocks#floor}); -1 before the first number. */
    private long floor = -1;
    /** Whether this unit of work created or changed an account: the cache then no longer speaks for it. */
    private boolean createdHere;
    /**
     * Accounts this transaction looked up, by code and by id: a batch of entries names the same
     * few accounts again and again, and an account's definition changes only through
     * {@link #insertAccount} and {@link #updateAccount} (which forget them). Balances are not
     * part of it: they come from {@link #lockAccounts}.
     */
    private final Map<String, Optional<Account>> byCode = new HashMap<>();
    private final Map<AccountId, Optional<Account>> byId = new HashMap<>();

    /**
     * The store's cache of committed accounts of this tenant, or null: a definition found there
     * costs no round trip. It is the group path's cache, used by the same rule (see
     * {@link AccountCache}): id, code, currency and type never change once committed, and the
     * {@code closed} flag and counters the engine checks come from the rows {@link #lockAccounts}
     * locks, not from here.
     */
    private final AccountCache.Tenant cache;

    DirectTx(Connection c, Dialect dialect, TenantId tenant, SequenceBlocks sequences) {
        this(c, dialect, tenant, sequences, null);
    }

    DirectTx(Connection c, Dialect dialect, TenantId tenant, SequenceBlocks sequences, AccountCache.Tenant cache) {
        super(tenant);
        this.c = c;
        this.dialect = dialect;
        this.sequences = sequences;
        this.cache = cache;
    }

    @Override
    <T> T read(SqlWork<T> work) {
        return onConnection(c, work);
    }

    @Override
    public Optional<Account> accountByCode(String code) {
        Optional<Account> a = byCode.get(code);
        if (a == null && cache != null && !createdHere) {
            Account known = cache.byCode.get(code);
            a = known == null ? null : Optional.of(known);
        }
        if (a == null) {
            a = super.accountByCode(code);
            byCode.put(code, a);
        }
        return a;
    }

    @Override
    public Optional<Account> account(AccountId id) {
        Optional<Account> a = byId.get(id);
        if (a == null && cache != null && !createdHere) {
            Account known = cache.byId.get(id);
            a = known == null ? null : Optional.of(known);
        }
        if (a == null) {
            a = super.account(id);
            byId.put(id, a);
        }
        return a;
    }

    /** One query for the whole batch. */
    @Override
    public Map<EntryId, JournalEntry> entries(Collection<EntryId> ids) {
        Map<EntryId, JournalEntry> found = new HashMap<>();
        for (JournalEntry e : read(conn -> LedgerSql.entriesById(conn, dialect, t, ids))) {
            found.put(e.id(), e);
        }
        return found;
    }

    /**
     * On H2 the tenant's period row is locked first (exclusively, as every H2 writer of this store
     * does) when this unit of work has not locked it yet: account locks are then never taken by two
     * transactions of one tenant at once, in any order, so they cannot deadlock.
     */
    @Override
    public Map<AccountId, AccountState> lockAccounts(Collection<AccountId> ids) {
        if (dialect != Dialect.POSTGRESQL && !periodLocked) {
            lockPeriodStatus(false);
        }
        Map<AccountId, AccountState> locked = read(conn -> LedgerSql.lockAccounts(conn, dialect, t, ids, currentDays));
        lockedOrCreated.addAll(locked.keySet());
        return locked;
    }

    @Override
    public PeriodStatus lockPeriodStatus(boolean exclusive) {
        PeriodStatus status = read(conn -> LedgerSql.lockPeriod(conn, dialect, t, exclusive));
        periodLocked = true;
        return status;
    }

    @Override
    public long nextSequence() {
        return read(conn -> {
            if (floor < 0) {
                floor = sequences.floor(conn, tenant()); // once per unit of work: see SequenceBlocks
            }
            return sequences.next(conn, floor);
        });
    }

    @Override
    public void insertAccount(Account account) {
        byCode.clear();
        byId.clear();
        createdHere = true;
        read(conn -> {
            if (LedgerSql.accountByCode(conn, t, account.code()).isPresent()
                    || LedgerSql.account(conn, t, account.id()).isPresent()) {
                throw LedgerErrorCode.ACCOUNT_EXISTS.exception("code", "an account with this code or id exists", account.code());
            }
            try {
                LedgerSql.insertAccounts(conn, t, List.of(account));
                currentDays.remember(account.id(), CurrentDays.Day.NONE); // a new row has no day yet
                lockedOrCreated.add(account.id());
            } catch (SQLException e) {
                if (dialect.isUniqueViolation(e)) {
                    throw LedgerErrorCode.ACCOUNT_EXISTS.exception("code", "an account with this code or id exists", account.code());
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public void updateAccount(Account account) {
        byCode.clear();
        byId.clear();
        createdHere = true;
        read(conn -> {
            LedgerSql.updateClosed(conn, t, List.of(account));
            return null;
        });
    }

    @Override
    public void write(List<JournalEntry> entries, List<Movement> movements, Map<AccountId, AccountCounters> counters) {
        Invariants.entriesBalance(entries);
        Invariants.accountsLocked(counters.keySet(), lockedOrCreated);
        read(conn -> {
            LedgerSql.write(conn, dialect, t, entries, movements, counters, currentDays);
            return null;
        });
        entriesWritten += entries.size();
    }

    /**
     * The accounts this unit of work read from the database, for the store's cache once its own
     * transaction has committed (never when it joined the caller's, which may still roll back).
     */
    void rememberCommitted() {
        if (cache == null) {
            return;
        }
        byId.values().forEach(a -> a.ifPresent(cache::put));
        byCode.values().forEach(a -> a.ifPresent(cache::put));
    }

    /** Entries this unit of work wrote (for the metrics, once its transaction is over). */
    int entriesWritten() {
        return entriesWritten;
    }

    @Override
    public void setPeriodStatus(PeriodStatus status) {
        read(conn -> {
            LedgerSql.setPeriod(conn, dialect, t, status);
            return null;
        });
    }
}
