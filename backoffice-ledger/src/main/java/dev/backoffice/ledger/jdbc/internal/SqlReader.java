package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.AccountState;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.LedgerReads;
import dev.backoffice.ledger.Movement;
import dev.backoffice.ledger.PeriodStatus;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads of one tenant, each a query on a connection given by the subclass. Every query is
 * scoped by {@link #t}, the tenant's key.
 */
abstract class SqlReader extends TenantScope implements LedgerReads {

    /** Work on a connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    SqlReader(TenantId tenant) {
        super(tenant);
    }

    /** Runs {@code work} on this reader's connection. */
    abstract <T> T read(SqlWork<T> work);

    static <T> T onConnection(Connection c, SqlWork<T> work) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException.Sql(e);
        }
    }

    @Override
    public Optional<Account> account(AccountId id) {
        return read(c -> LedgerSql.account(c, t, id));
    }

    @Override
    public Optional<Account> accountByCode(String code) {
        return read(c -> LedgerSql.accountByCode(c, t, code));
    }

    @Override
    public List<Account> accounts() {
        return read(c -> LedgerSql.accounts(c, t));
    }

    @Override
    public Optional<AccountState> state(AccountId id) {
        return read(c -> LedgerSql.state(c, t, id));
    }

    @Override
    public AccountCounters countersAsOf(AccountId id, LocalDate asOf) {
        return read(c -> LedgerSql.countersAsOf(c, t, id, asOf));
    }

    @Override
    public Map<AccountId, AccountCounters> countersAsOf(LocalDate asOf, boolean includeClosing) {
        return read(c -> LedgerSql.countersAsOf(c, t, asOf, includeClosing));
    }

    @Override
    public Optional<JournalEntry> entry(EntryId id) {
        return read(c -> LedgerSql.entryBy(c, t, "entry_id", id.value()));
    }

    @Override
    public Optional<JournalEntry> entryByIdempotencyKey(String key) {
        return read(c -> LedgerSql.entryBy(c, t, "idempotency_key", key));
    }

    @Override
    public Optional<JournalEntry> resolutionOf(EntryId pendingId) {
        return read(c -> LedgerSql.entryBy(c, t, "pending_id", pendingId.value()));
    }

    @Override
    public Optional<JournalEntry> reversalOf(EntryId entryId) {
        return read(c -> LedgerSql.entryBy(c, t, "reverses", entryId.value()));
    }

    @Override
    public List<Movement> postedMovements(AccountId account, LocalDate from, LocalDate to, LedgerReads.MovementPosition after,
                                          int limit) {
        return read(c -> LedgerSql.postedMovements(c, t, account, from, to, after, limit));
    }

    @Override
    public List<JournalEntry> journal(long afterSequence, int limit) {
        return read(c -> LedgerSql.journal(c, t, afterSequence, limit));
    }

    @Override
    public List<JournalEntry> expiredPendings(Instant expiredBy, int limit) {
        return read(c -> LedgerSql.expiredPendings(c, t, expiredBy, limit));
    }

    @Override
    public PeriodStatus periodStatus() {
        return read(c -> LedgerSql.period(c, t));
    }
}
