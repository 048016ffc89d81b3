package dev.backoffice.ledger.internal;

import dev.backoffice.core.logging.LogContext;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountRef;
import dev.backoffice.ledger.Balance;
import dev.backoffice.ledger.BalanceSheet;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.IncomeStatement;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.PeriodStatus;
import dev.backoffice.ledger.Statement;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.TrialBalance;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's front door: every call runs with the tenant and the operation
 * ({@code ledger.<method>}) in the SLF4J MDC ({@link LogContext}), then goes to
 * {@link LedgerService}. Once per call, never per entry: a batch of entries, or a group commit
 * that carries many callers' entries, costs one context per call (and one per group on the
 * committer's thread, see {@code GroupCommitRunner}).
 */
public final class LoggingTenantLedger implements TenantLedger {

    private final TenantLedger delegate;
    private final TenantId tenant;

    private LoggingTenantLedger(TenantLedger delegate, TenantId tenant) {
        this.delegate = delegate;
        this.tenant = tenant;
    }

    /**
     * Wraps {@code delegate}, the ledger of {@code tenant}.
     *
     * @param delegate the ledger that does the work
     * @param tenant the tenant put in the MDC
     * @return the front door
     */
    public static TenantLedger create(TenantLedger delegate, TenantId tenant) {
        return new LoggingTenantLedger(delegate, tenant);
    }

    @Override
    public Account open(OpenAccount command) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.open")) {
            return delegate.open(command);
        }
    }

    @Override
    public List<Account> openAll(List<OpenAccount> commands) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.openAll")) {
            return delegate.openAll(commands);
        }
    }

    @Override
    public Account close(AccountRef account) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.close")) {
            return delegate.close(account);
        }
    }

    @Override
    public Account account(AccountRef ref) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.account")) {
            return delegate.account(ref);
        }
    }

    @Override
    public List<Account> accounts() {
        try (LogContext ignored = LogContext.open(tenant, "ledger.accounts")) {
            return delegate.accounts();
        }
    }

    @Override
    public JournalEntry post(EntryRequest request) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.post")) {
            return delegate.post(request);
        }
    }

    @Override
    public List<JournalEntry> postAll(List<EntryRequest> requests) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.postAll")) {
            return delegate.postAll(requests);
        }
    }

    @Override
    public List<JournalEntry> postAllNew(List<EntryRequest> requests) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.postAll")) {
            return delegate.postAllNew(requests);
        }
    }

    @Override
    public JournalEntry postPending(EntryId pendingId) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.postPending")) {
            return delegate.postPending(pendingId);
        }
    }

    @Override
    public JournalEntry postPending(EntryId pendingId, EntryId resolutionId) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.postPending")) {
            return delegate.postPending(pendingId, resolutionId);
        }
    }

    @Override
    public JournalEntry postPending(EntryId pendingId, Money amount) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.postPending")) {
            return delegate.postPending(pendingId, amount);
        }
    }

    @Override
    public JournalEntry postPending(EntryId pendingId, Money amount, EntryId resolutionId) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.postPending")) {
            return delegate.postPending(pendingId, amount, resolutionId);
        }
    }

    @Override
    public JournalEntry voidPending(EntryId pendingId) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.voidPending")) {
            return delegate.voidPending(pendingId);
        }
    }

    @Override
    public JournalEntry voidPending(EntryId pendingId, EntryId resolutionId) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.voidPending")) {
            return delegate.voidPending(pendingId, resolutionId);
        }
    }

    @Override
    public List<JournalEntry> expirePending(Instant asOf) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.expirePending")) {
            return delegate.expirePending(asOf);
        }
    }

    @Override
    public List<JournalEntry> expirePending() {
        try (LogContext ignored = LogContext.open(tenant, "ledger.expirePending")) {
            return delegate.expirePending();
        }
    }

    @Override
    public JournalEntry reverse(EntryId entryId, String reason) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.reverse")) {
            return delegate.reverse(entryId, reason);
        }
    }

    @Override
    public JournalEntry entry(EntryId id) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.entry")) {
            return delegate.entry(id);
        }
    }

    @Override
    public List<JournalEntry> journal(long afterSequence, int limit) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.journal")) {
            return delegate.journal(afterSequence, limit);
        }
    }

    @Override
    public Balance balance(AccountRef account) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.balance")) {
            return delegate.balance(account);
        }
    }

    @Override
    public Balance balance(AccountRef account, LocalDate asOf) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.balance")) {
            return delegate.balance(account, asOf);
        }
    }

    @Override
    public Statement statement(AccountRef account, LocalDate from, LocalDate to, Optional<String> cursor, int pageSize) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.statement")) {
            return delegate.statement(account, from, to, cursor, pageSize);
        }
    }

    @Override
    public TrialBalance trialBalance(LocalDate asOf) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.trialBalance")) {
            return delegate.trialBalance(asOf);
        }
    }

    @Override
    public BalanceSheet balanceSheet(LocalDate asOf, CurrencyUnit currency) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.balanceSheet")) {
            return delegate.balanceSheet(asOf, currency);
        }
    }

    @Override
    public IncomeStatement incomeStatement(LocalDate from, LocalDate to, CurrencyUnit currency) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.incomeStatement")) {
            return delegate.incomeStatement(from, to, currency);
        }
    }

    @Override
    public PeriodStatus periodStatus() {
        try (LogContext ignored = LogContext.open(tenant, "ledger.periodStatus")) {
            return delegate.periodStatus();
        }
    }

    @Override
    public PeriodStatus closePeriod(LocalDate through, String actor) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.closePeriod")) {
            return delegate.closePeriod(through, actor);
        }
    }

    @Override
    public PeriodStatus reopenPeriod(LocalDate from, String actor, String reason) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.reopenPeriod")) {
            return delegate.reopenPeriod(from, actor, reason);
        }
    }

    @Override
    public Optional<JournalEntry> closeYear(LocalDate yearEnd, String actor, List<AccountRef> retainedEarnings) {
        try (LogContext ignored = LogContext.open(tenant, "ledger.closeYear")) {
            return delegate.closeYear(yearEnd, actor, retainedEarnings);
        }
    }
}
