package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.AccountState;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.Movement;
import dev.backoffice.ledger.PeriodStatus;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reads of one tenant, each a query on a connection given by the subclass. */
abstract class SqlReader implements LedgerStore.Reader {

    /** Work on a connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    protected final TenantId tenantId;
    protected final String tenant;

    SqlReader(TenantId tenantId) {
        this.tenantId = tenantId;
        this.tenant = tenantId.value();
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
    public TenantId tenant() {
        return tenantId;
    }

    @Override
    public Optional<Account> account(AccountId id) {
        return read(c -> LedgerSql.account(c, tenant, id));
    }

    @Override
    public Optional<Account> accountByCode(String code) {
        return read(c -> LedgerSql.accountByCode(c, tenant, code));
    }

    @Override
    public List<Account> accounts() {
        return read(c -> LedgerSql.accounts(c, tenant));
    }

    @Override
    public Optional<AccountState> state(AccountId id) {
        return read(c -> LedgerSql.state(c, tenant, id));
    }

    @Override
    public AccountCounters countersAsOf(AccountId id, LocalDate asOf) {
        return read(c -> LedgerSql.countersAsOf(c, tenant, id, asOf));
    }

    @Override
    public Map<AccountId, AccountCounters> countersAsOf(LocalDate asOf, boolean includeClosing) {
        return read(c -> LedgerSql.countersAsOf(c, tenant, asOf, includeClosing));
    }

    @Override
    public Optional<JournalEntry> entry(EntryId id) {
        return read(c -> LedgerSql.entryBy(c, tenant, "entry_id", id.value()));
    }

    @Override
    public Optional<JournalEntry> entryByIdempotencyKey(String key) {
        return read(c -> LedgerSql.entryBy(c, tenant, "idempotency_key", key));
    }

    @Override
    public Optional<JournalEntry> resolutionOf(EntryId pendingId) {
        return read(c -> LedgerSql.entryBy(c, tenant, "pending_id", pendingId.value()));
    }

    @Override
    public Optional<JournalEntry> reversalOf(EntryId entryId) {
        return read(c -> LedgerSql.entryBy(c, tenant, "reverses", entryId.value()));
    }

    @Override
    public List<Movement> postedMovements(AccountId account, LocalDate from, LocalDate to, LedgerStore.MovementPosition after,
                                          int limit) {
        return read(c -> LedgerSql.postedMovements(c, tenant, account, from, to, after, limit));
    }

    @Override
    public List<JournalEntry> journal(long afterSequence, int limit) {
        return read(c -> LedgerSql.journal(c, tenant, afterSequence, limit));
    }

    @Override
    public List<JournalEntry> expiredPendings(Instant expiredBy, int limit) {
        return read(c -> LedgerSql.expiredPendings(c, tenant, expiredBy, limit));
    }

    @Override
    public PeriodStatus periodStatus() {
        return read(c -> LedgerSql.period(c, tenant));
    }
}
