package dev.backoffice.ledger.internal;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.jdbc.Reruns;
import dev.backoffice.core.page.CursorSigner;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.AccountRef;
import dev.backoffice.ledger.AccountState;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.Balance;
import dev.backoffice.ledger.BalanceSheet;
import dev.backoffice.ledger.BatchRejectedException;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryKind;
import dev.backoffice.ledger.EntryLine;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.IncomeStatement;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.LedgerErrorCode;
import dev.backoffice.ledger.LedgerLimits;
import dev.backoffice.ledger.LedgerReads;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.LedgerTx;
import dev.backoffice.ledger.Movement;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.PeriodStatus;
import dev.backoffice.ledger.Statement;
import dev.backoffice.ledger.StatementLine;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.TenantLedgerStore;
import dev.backoffice.ledger.TrialBalance;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one implementation of {@link TenantLedger}: orchestrates a unit of work over any
 * {@link LedgerStore} (resolve, lock, run the {@link LedgerEngine}, write). Not API.
 */
public final class LedgerService implements TenantLedger {

    private static final Instant EARLIEST_INSTANT = LedgerLimits.MIN_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();

    /** The tenant's store handle, taken once: a write is then one call, with nothing to look up. */
    private final TenantLedgerStore store;
    private final TenantId tenant;
    private final Clock clock;
    private final AuditStore audit;
    private final LedgerReads reader;
    private final CursorSigner cursors;
    /** Where reports read: the replica when it holds this process's writes, else {@link #reader}. */
    private final ReportSource reports;
    /** Settles a lost commit outcome by identity, counting through the store's metrics. */
    private final Reruns reruns;


    /** A new instance (internal classes have no public constructor). */
    public static LedgerService create(LedgerStore store, TenantId tenant, Clock clock, AuditStore audit, CursorSigner cursors) {
        return new LedgerService(store, null, tenant, clock, audit, cursors);
    }

    /**
     * A new instance whose reports (trial balance, balance sheet, income statement, statements,
     * balances as of a date, the journal feed) read {@code replica} when it holds every entry this
     * instance wrote, and {@code store} otherwise; null {@code replica}: everything reads {@code store}.
     */
    public static LedgerService create(LedgerStore store, LedgerStore replica, TenantId tenant, Clock clock, AuditStore audit,
                                       CursorSigner cursors) {
        return new LedgerService(store, replica, tenant, clock, audit, cursors);
    }

    LedgerService(LedgerStore store, LedgerStore replica, TenantId tenant, Clock clock, AuditStore audit, CursorSigner cursors) {
        this.store = store.forTenant(tenant);
        this.tenant = tenant;
        this.clock = clock;
        this.audit = audit;
        this.cursors = cursors;
        this.reader = this.store.read();
        this.reports = new ReportSource(reader, replica == null ? null : replica.forTenant(tenant).read());
        this.reruns = Reruns.metered(store.metrics(), "ledger");
    }

    /** A date argument: not null and within {@link LedgerLimits}' range. */
    private static LocalDate date(LocalDate d, String field) {
        return LedgerLimits.checkDate(d, field);
    }

    /**
     * The booking instant: the clock's, truncated to microseconds, the precision SQL timestamps
     * keep, so an entry returned by a post equals the entry read back from any store.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // ------------------------------------------------------------------ chart

    @Override
    public Account open(OpenAccount command) {
        return openAll(List.of(Check.notNull(command, "command"))).get(0);
    }

    @Override
    public List<Account> openAll(List<OpenAccount> commands) {
        Check.notEmpty(commands, "commands");
        Instant now = now();
        // identities before the first attempt: a rerun after an unknown commit outcome recognises its own accounts
        List<AccountId> ids = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            ids.add(Check.notNull(commands.get(i), "commands[" + i + "]").id().orElseGet(AccountId::newId));
        }
        return reruns.run(rerun -> store.write(tx -> {
            Map<String, Account> opened = new HashMap<>();
            List<Account> result = new ArrayList<>(commands.size());
            for (int i = 0; i < commands.size(); i++) {
                OpenAccount c = commands.get(i);
                if (rerun) {
                    Optional<Account> mine = tx.account(ids.get(i)).filter(a -> a.code().equals(c.code()));
                    if (mine.isPresent()) { // stored by the attempt whose outcome was unknown
                        opened.put(c.code(), mine.get());
                        result.add(mine.get());
                        continue;
                    }
                }
                if (tx.accountByCode(c.code()).isPresent() || opened.containsKey(c.code())
                        || (c.id().isPresent() && tx.account(c.id().get()).isPresent())) {
                    throw LedgerErrorCode.ACCOUNT_EXISTS.exception("code", "an account with this code or id exists", c.code());
                }
                Optional<AccountId> parent = Optional.empty();
                if (c.parent().isPresent()) {
                    AccountRef ref = c.parent().get();
                    Account p = ref.code().map(opened::get).orElse(null);
                    if (p == null) {
                        p = find(tx, ref).orElseThrow(() -> LedgerErrorCode.ACCOUNT_NOT_FOUND.exception("parent", "no such account", ref));
                    }
                    if (p.type() != c.type() || !p.currency().equals(c.currency())) {
                        throw LedgerErrorCode.INVALID_PARENT.exception("parent",
                                "must have the same type and currency (" + p.type() + ", " + p.currency() + ")", ref);
                    }
                    parent = Optional.of(p.id());
                }
                Account a = new Account(ids.get(i), c.code(), c.name(), c.type(), c.currency(),
                        parent, c.flags(), false, now);
                tx.insertAccount(a);
                opened.put(a.code(), a);
                result.add(a);
            }
            return List.copyOf(result);
        }), () -> "accounts " + ids + ": read them with account(id)");
    }

    @Override
    public Account close(AccountRef ref) {
        Check.notNull(ref, "account");
        // closing is idempotent by nature, so a rerun after an unknown outcome is safe
        return reruns.run(rerun -> store.write(tx -> {
            Account a = find(tx, ref).orElseThrow(() -> notFound(ref));
            AccountState locked = tx.lockAccounts(List.of(a.id())).get(a.id());
            if (locked.account().closed()) {
                return locked.account();
            }
            Account closed = locked.account().asClosed();
            tx.updateAccount(closed);
            return closed;
        }), () -> "the closing of account " + ref + ": read it with account(ref)");
    }

    @Override
    public Account account(AccountRef ref) {
        Check.notNull(ref, "account");
        return find(reader, ref).orElseThrow(() -> notFound(ref));
    }

    @Override
    public List<Account> accounts() {
        return reader.accounts();
    }

    private static Optional<Account> find(LedgerReads r, AccountRef ref) {
        return ref.id().isPresent() ? r.account(ref.id().get()) : r.accountByCode(ref.code().get());
    }

    private static BackofficeException notFound(AccountRef ref) {
        return LedgerErrorCode.ACCOUNT_NOT_FOUND.exception("account", "no such account", ref);
    }

    private static AccountId resolve(LedgerReads r, AccountRef ref) {
        if (ref.id().isPresent()) {
            AccountId id = ref.id().get();
            return r.account(id).isPresent() ? id : null;
        }
        return r.accountByCode(ref.code().get()).map(Account::id).orElse(null);
    }

    // ------------------------------------------------------------------ posting

    @Override
    public JournalEntry post(EntryRequest request) {
        Check.notNull(request, "request");
        Instant now = now();
        EntryId id = request.id().orElseGet(EntryId::newId); // the identity, before the first attempt
        ReportSource.Write w = reports.begin();
        JournalEntry posted = single(() -> reruns.run(rerun -> store.write(tx -> {
            w.attempt();
            Object prepared = prepare(tx, request, 0, now, null, id, rerun, null);
            if (prepared instanceof JournalEntry) {
                return (JournalEntry) prepared; // a retry of a stored entry
            }
            LedgerEngine.Draft draft = (LedgerEngine.Draft) prepared;
            List<EntryLine> lines = draft.entry().lines();
            Collection<AccountId> touched;
            if (lines.size() == 2) {
                AccountId a = lines.get(0).account();
                AccountId b = lines.get(1).account();
                touched = a.equals(b) ? List.of(a) : List.of(a, b);
            } else {
                touched = new LinkedHashSet<>();
                lines.forEach(l -> touched.add(l.account()));
            }
            PeriodStatus period = tx.lockPeriodStatus(false);
            LedgerEngine.Applied applied = LedgerEngine.apply(List.of(draft), tx.lockAccounts(touched), period);
            w.wrote();
            tx.write(List.of(draft.entry()), draft.movements(), applied.counters());
            return draft.entry();
        }), () -> whereToLook(List.of(id))));
        w.acknowledged(posted);
        return posted;
    }

    /** How a caller finds out whether entries whose outcome is unknown were stored. */
    private static String whereToLook(List<EntryId> ids) {
        return (ids.size() == 1 ? "entry " + ids.get(0) : "the batch of entries " + ids)
                + ": read it with entry(id), or repeat the request with this id (it returns the stored entry or posts it once)";
    }

    @Override
    public List<JournalEntry> postAll(List<EntryRequest> requests) {
        checkBatch(requests);
        return write(requests, false);
    }

    @Override
    public List<JournalEntry> postAllNew(List<EntryRequest> requests) {
        checkBatch(requests);
        return write(requests, true);
    }

    /** A batch holds 1..{@link LedgerLimits#MAX_BATCH_ENTRIES} requests, none null (checked before anything is written). */
    private static void checkBatch(List<EntryRequest> requests) {
        Check.notEmpty(requests, "requests");
        Check.that(requests.size() <= LedgerLimits.MAX_BATCH_ENTRIES, "requests", "must hold at most " + LedgerLimits.MAX_BATCH_ENTRIES + " entries", requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Check.notNull(requests.get(i), "requests[" + i + "]");
        }
    }

    /** @param idsAreNew the caller made the ids just now ({@link #postAllNew}): on a first attempt they are not looked up */
    private List<JournalEntry> write(List<EntryRequest> requests, boolean idsAreNew) {
        Instant now = now();
        List<EntryId> ids = new ArrayList<>(requests.size()); // the identities, before the first attempt
        for (EntryRequest r : requests) {
            ids.add(r.id().orElseGet(EntryId::newId));
        }
        ReportSource.Write w = reports.begin();
        try {
            List<JournalEntry> posted = reruns.run(rerun -> store.write(tx -> {
                w.attempt();
                int n = requests.size();
                // a batch looks up the ids it must check in one query instead of one per entry
                // (ids the caller has just made are looked up only after an unknown outcome)
                Map<EntryId, JournalEntry> stored = idsAreNew && !rerun ? Map.of()
                        : n > 1 ? storedEntries(tx, requests, ids, rerun) : null;
                JournalEntry[] results = new JournalEntry[n];
                List<LedgerEngine.Draft> drafts = new ArrayList<>(n);
                Set<Object> seenKeys = n > 1 ? new HashSet<>() : null;
                Collection<AccountId> touched = new LinkedHashSet<>();
                Rejection firstFailure = null;
                for (int i = 0; i < n && firstFailure == null; i++) {
                    try {
                        draftOne(tx, requests.get(i), i, now, seenKeys, results, drafts, touched, ids.get(i), rerun, stored);
                    } catch (Rejection r) {
                        firstFailure = r; // entries before it may still fail earlier when applied
                    }
                }
                if (drafts.isEmpty()) {
                    if (firstFailure != null) {
                        throw firstFailure;
                    }
                    return List.of(results); // a whole replay: every entry stored with the same content
                }
                if (firstFailure == null && drafts.size() < n) {
                    throw partialReplay(requests, results);
                }
                PeriodStatus period = tx.lockPeriodStatus(false);
                Map<AccountId, AccountState> locked = tx.lockAccounts(touched);
                LedgerEngine.Applied applied = LedgerEngine.apply(drafts, locked, period);
                if (firstFailure != null) {
                    throw firstFailure;
                }
                List<JournalEntry> entries = new ArrayList<>(drafts.size());
                List<Movement> movements = drafts.size() == 1 ? drafts.get(0).movements() : new ArrayList<>();
                for (LedgerEngine.Draft d : drafts) {
                    entries.add(d.entry());
                    results[d.index()] = d.entry();
                    if (drafts.size() > 1) {
                        movements.addAll(d.movements());
                    }
                }
                w.wrote();
                tx.write(entries, movements, applied.counters());
                return List.of(results);
            }), () -> whereToLook(ids));
            w.acknowledged(posted.get(posted.size() - 1));
            return posted;
        } catch (Rejection r) {
            throw new BatchRejectedException(r.index(), r.toException());
        }
    }

    /**
     * A batch replay is all or nothing: a batch that holds both stored and new entries is refused,
     * naming the first entry whose state (stored or new) differs from entry 0's.
     */
    private static Rejection partialReplay(List<EntryRequest> requests, JournalEntry[] results) {
        boolean firstStored = results[0] != null;
        int i = 1;
        while (i < results.length && (results[i] != null) == firstStored) {
            i++;
        }
        EntryRequest r = requests.get(i);
        String field = r.idempotencyKey().isPresent() ? "idempotencyKey" : "id";
        Object value = r.idempotencyKey().isPresent() ? r.idempotencyKey().get() : r.id().orElse(null);
        return new Rejection(i, LedgerErrorCode.PARTIAL_BATCH_REPLAY, field, (results[i] != null
                ? "is already stored while entry 0 of the batch is new"
                : "is new while entry 0 of the batch is already stored")
                + ": a batch is replayed whole (every entry stored with the same content) or is new", value);
    }

    /** The stored entries among the ids of {@code requests} that {@link #prepare} would look up one by one. */
    private static Map<EntryId, JournalEntry> storedEntries(LedgerTx tx, List<EntryRequest> requests, List<EntryId> ids,
                                                            boolean rerun) {
        List<EntryId> lookUp = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).id().isPresent() || rerun) {
                lookUp.add(ids.get(i));
            }
        }
        return lookUp.isEmpty() ? Map.of() : tx.entries(lookUp);
    }

    private static void draftOne(LedgerTx tx, EntryRequest r, int i, Instant now, Set<Object> seenKeys,
                                 JournalEntry[] results, List<LedgerEngine.Draft> drafts, Collection<AccountId> touched,
                                 EntryId id, boolean rerun, Map<EntryId, JournalEntry> stored) {
        Object prepared = prepare(tx, r, i, now, seenKeys, id, rerun, stored);
        if (prepared instanceof JournalEntry) {
            results[i] = (JournalEntry) prepared;
            return;
        }
        LedgerEngine.Draft draft = (LedgerEngine.Draft) prepared;
        drafts.add(draft);
        for (EntryLine l : draft.entry().lines()) {
            touched.add(l.account());
        }
    }

    /**
     * Request {@code i} drafted by the engine ({@link LedgerEngine.Draft}), or the stored
     * {@link JournalEntry} when it is a retry with the same id or idempotency key and content.
     *
     * @param id    the entry's identity: the caller's id, or one assigned before the first attempt
     * @param rerun whether an earlier attempt's commit outcome is unknown. A fresh id assigned
     *              by us is looked up only then: on a first attempt nobody can have stored it (and
     *              the unique index on entry ids has the last word), so the common path costs no
     *              look-up
     * @param stored what a batch looked up at once ({@link #storedEntries}), or null to look up here
     */
    private static Object prepare(LedgerTx tx, EntryRequest r, int i, Instant now, Set<Object> seenKeys,
                                  EntryId id, boolean rerun, Map<EntryId, JournalEntry> stored) {
        Optional<JournalEntry> existing = Optional.empty();
        if (r.id().isPresent() || rerun) {
            existing = stored != null ? Optional.ofNullable(stored.get(id)) : tx.entry(id);
        }
        if (existing.isEmpty() && r.idempotencyKey().isPresent()) {
            existing = tx.entryByIdempotencyKey(r.idempotencyKey().get());
        }
        if (seenKeys != null) {
            if ((r.id().isPresent() && !seenKeys.add(r.id().get()))
                    || (r.idempotencyKey().isPresent() && !seenKeys.add(r.idempotencyKey().get()))) {
                throw new Rejection(i, LedgerErrorCode.DUPLICATE_IN_BATCH, "idempotencyKey",
                        "the batch holds this entry id or idempotency key twice", r.idempotencyKey().orElse(null));
            }
        }
        EntryId entryId = existing.map(JournalEntry::id).orElse(id);
        long seq = existing.isPresent() ? existing.get().sequence() : tx.nextSequence();
        // a replay is compared with what is stored, not validated against today's clock or rules
        LedgerEngine.Draft draft = LedgerEngine.draft(i, r, ref -> resolve(tx, ref), entryId, seq, now, existing.isPresent());
        if (existing.isPresent()) {
            if (!LedgerEngine.sameContent(existing.get(), draft.entry())) {
                throw new Rejection(i, LedgerErrorCode.IDEMPOTENCY_CONFLICT, r.idempotencyKey().isPresent() ? "idempotencyKey" : "id",
                        "an entry with this key or id exists with different content: " + existing.get().id(),
                        r.idempotencyKey().map(Object.class::cast).orElse(entryId));
            }
            return existing.get();
        }
        return draft;
    }

    @Override
    public JournalEntry postPending(EntryId pendingId) {
        Check.notNull(pendingId, "pendingId");
        return resolvePending(pendingId, EntryKind.POST_PENDING, Optional.empty(), Optional.empty());
    }

    @Override
    public JournalEntry postPending(EntryId pendingId, EntryId resolutionId) {
        Check.notNull(pendingId, "pendingId");
        Check.notNull(resolutionId, "resolutionId");
        return resolvePending(pendingId, EntryKind.POST_PENDING, Optional.empty(), Optional.of(resolutionId));
    }

    @Override
    public JournalEntry postPending(EntryId pendingId, Money amount) {
        Check.notNull(pendingId, "pendingId");
        Check.notNull(amount, "amount");
        return resolvePending(pendingId, EntryKind.POST_PENDING, Optional.of(amount), Optional.empty());
    }

    @Override
    public JournalEntry postPending(EntryId pendingId, Money amount, EntryId resolutionId) {
        Check.notNull(pendingId, "pendingId");
        Check.notNull(amount, "amount");
        Check.notNull(resolutionId, "resolutionId");
        return resolvePending(pendingId, EntryKind.POST_PENDING, Optional.of(amount), Optional.of(resolutionId));
    }

    @Override
    public JournalEntry voidPending(EntryId pendingId) {
        Check.notNull(pendingId, "pendingId");
        return resolvePending(pendingId, EntryKind.VOID_PENDING, Optional.empty(), Optional.empty());
    }

    @Override
    public JournalEntry voidPending(EntryId pendingId, EntryId resolutionId) {
        Check.notNull(pendingId, "pendingId");
        Check.notNull(resolutionId, "resolutionId");
        return resolvePending(pendingId, EntryKind.VOID_PENDING, Optional.empty(), Optional.of(resolutionId));
    }

    /**
     * @param callerId the resolution's id given by the caller; without one, an id is assigned
     *                 here, before the first attempt, so that a rerun after an unknown commit
     *                 outcome recognises the resolution it stored
     */
    private JournalEntry resolvePending(EntryId pendingId, EntryKind kind, Optional<Money> amount, Optional<EntryId> callerId) {
        Instant now = now();
        LocalDate today = today();
        EntryId id = callerId.orElseGet(EntryId::newId);
        ReportSource.Write w = reports.begin();
        JournalEntry resolution = single(() -> reruns.run(rerun -> store.write(tx -> {
            w.attempt();
            JournalEntry pending = tx.entry(pendingId).orElseThrow(() ->
                    LedgerErrorCode.ENTRY_NOT_FOUND.exception("pendingId", "no such entry", pendingId));
            // a caller's id may name another entry: looked up before locking, with the hold (one query in a group)
            Optional<JournalEntry> byId = callerId.isPresent() ? tx.entry(id) : Optional.empty();
            return resolveLocked(tx, pending, kind, amount, now, today, id, byId, w);
        }), () -> whereToLook(List.of(id))));
        w.acknowledged(resolution);
        return resolution;
    }

    /**
     * Whether {@code stored}, the resolution of {@code pending} with this call's id, is what this
     * call asks for: an identical retry (or a rerun after an unknown outcome) gets it back.
     */
    private static boolean sameResolution(JournalEntry stored, JournalEntry pending, EntryKind kind, Optional<Money> amount) {
        if (stored.kind() != kind || !stored.pendingId().equals(Optional.of(pending.id()))) {
            return false;
        }
        return amount.isPresent()
                ? stored.lines().stream().allMatch(l -> l.amount().equals(amount.get()))
                : kind != EntryKind.POST_PENDING || stored.lines().equals(pending.lines());
    }

    private JournalEntry resolveLocked(LedgerTx tx, JournalEntry pending, EntryKind kind, Optional<Money> amount,
                                       Instant now, LocalDate today, EntryId id, Optional<JournalEntry> byId,
                                       ReportSource.Write w) {
        PeriodStatus period = tx.lockPeriodStatus(false);
        Set<AccountId> ids = new LinkedHashSet<>();
        pending.lines().forEach(l -> ids.add(l.account()));
        Map<AccountId, AccountState> locked = tx.lockAccounts(ids);
        // read the resolution only after locking the hold's accounts: a concurrent resolver holds them too
        Optional<JournalEntry> resolution = tx.resolutionOf(pending.id());
        if (resolution.isPresent() && resolution.get().id().equals(id)) {
            if (!sameResolution(resolution.get(), pending, kind, amount)) {
                throw new Rejection(0, LedgerErrorCode.IDEMPOTENCY_CONFLICT, "resolutionId",
                        "the hold was resolved with this id differently: " + resolution.get().kind(), id);
            }
            return resolution.get(); // this very resolution: an identical retry, or a rerun after an unknown outcome
        }
        if (byId.isPresent()) {
            throw new Rejection(0, LedgerErrorCode.IDEMPOTENCY_CONFLICT, "resolutionId",
                    "another entry has this id: a " + byId.get().kind() + " entry", id);
        }
        LocalDate date = pending.effectiveDate().isAfter(today) ? pending.effectiveDate() : today;
        long seq = tx.nextSequence();
        LedgerEngine.Draft draft = kind == EntryKind.POST_PENDING
                ? LedgerEngine.planPost(pending, resolution, amount, id, seq, now, date)
                : LedgerEngine.planVoid(pending, resolution, kind, id, seq, now, date);
        LedgerEngine.Applied applied = LedgerEngine.apply(List.of(draft), locked, period);
        w.wrote();
        tx.write(List.of(draft.entry()), draft.movements(), applied.counters());
        return draft.entry();
    }

    @Override
    public List<JournalEntry> expirePending() {
        return expirePending(clock.instant());
    }

    @Override
    public List<JournalEntry> expirePending(Instant asOf) {
        Check.notNull(asOf, "asOf");
        Instant clockNow = clock.instant();
        if (asOf.isAfter(clockNow)) {
            throw LedgerErrorCode.AS_OF_IN_FUTURE.exception("asOf",
                    "is later than the ledger's clock (" + clockNow + "): a hold is never released before its expiry", asOf);
        }
        if (asOf.isBefore(EARLIEST_INSTANT)) {
            throw LedgerErrorCode.DATE_OUT_OF_RANGE.exception("asOf", "must not be before " + EARLIEST_INSTANT, asOf);
        }
        LocalDate day = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        List<JournalEntry> voids = new ArrayList<>();
        while (true) {
            List<JournalEntry> due = reader.expiredPendings(asOf, 256);
            int before = voids.size();
            for (JournalEntry pending : due) {
                EntryId voidId = EntryId.newId(); // the identity, before the first attempt
                ReportSource.Write w = reports.begin();
                JournalEntry v = reruns.run(rerun -> store.write(tx -> {
                    w.attempt();
                    Optional<JournalEntry> resolved = tx.resolutionOf(pending.id());
                    if (resolved.isPresent()) {
                        // ours (stored by an attempt whose outcome was unknown), or resolved meanwhile
                        return resolved.get().id().equals(voidId) ? resolved.get() : null;
                    }
                    try {
                        return resolveLocked(tx, pending, EntryKind.EXPIRE_PENDING, Optional.empty(),
                                asOf.truncatedTo(ChronoUnit.MICROS), day, voidId, Optional.empty(), w);
                    } catch (Rejection r) {
                        if (r.code() == LedgerErrorCode.PENDING_ALREADY_POSTED || r.code() == LedgerErrorCode.PENDING_ALREADY_VOIDED
                                || r.code() == LedgerErrorCode.PENDING_EXPIRED) {
                            return null;
                        }
                        throw r.toException();
                    }
                }), () -> whereToLook(List.of(voidId)) + " (the expiry of hold " + pending.id() + ")");
                w.acknowledged(v);
                if (v != null) {
                    voids.add(v);
                }
            }
            if (due.size() < 256 || voids.size() == before) {
                return List.copyOf(voids);
            }
        }
    }

    @Override
    public JournalEntry reverse(EntryId entryId, String reason) {
        Check.notNull(entryId, "entryId");
        Check.text(reason, "reason", LedgerLimits.MAX_REASON_LENGTH);
        Instant now = now();
        LocalDate today = today();
        EntryId reversalId = EntryId.newId(); // the identity, before the first attempt
        ReportSource.Write w = reports.begin();
        JournalEntry reversed = single(() -> reruns.run(rerun -> store.write(tx -> {
            w.attempt();
            JournalEntry original = tx.entry(entryId).orElseThrow(() ->
                    LedgerErrorCode.ENTRY_NOT_FOUND.exception("entryId", "no such entry", entryId));
            PeriodStatus period = tx.lockPeriodStatus(false);
            Set<AccountId> ids = new LinkedHashSet<>();
            original.lines().forEach(l -> ids.add(l.account()));
            Map<AccountId, AccountState> locked = tx.lockAccounts(ids);
            Optional<JournalEntry> reversal = tx.reversalOf(entryId);
            if (reversal.isPresent() && reversal.get().id().equals(reversalId)) {
                return reversal.get(); // stored by the attempt whose outcome was unknown
            }
            LedgerEngine.Draft draft = LedgerEngine.planReversal(original, reversal, reason, reversalId,
                    tx.nextSequence(), now, today);
            LedgerEngine.Applied applied = LedgerEngine.apply(List.of(draft), locked, period);
            w.wrote();
            tx.write(List.of(draft.entry()), draft.movements(), applied.counters());
            return draft.entry();
        }), () -> whereToLook(List.of(reversalId)) + " (the reversal of " + entryId + ")"));
        w.acknowledged(reversed);
        return reversed;
    }

    @Override
    public JournalEntry entry(EntryId id) {
        Check.notNull(id, "id");
        return reader.entry(id).orElseThrow(() -> LedgerErrorCode.ENTRY_NOT_FOUND.exception("id", "no such entry", id));
    }

    @Override
    public List<JournalEntry> journal(long afterSequence, int limit) {
        Check.positive(limit, "limit");
        return reports.report(r -> r.journal(afterSequence, Math.min(limit, 10_000)));
    }

    private static <T> T single(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (Rejection r) {
            throw r.toException();
        }
    }

    // ------------------------------------------------------------------ queries

    @Override
    public Balance balance(AccountRef ref) {
        Check.notNull(ref, "account");
        AccountId id = ref.id().isPresent() ? ref.id().get()
                : reader.accountByCode(ref.code().get()).map(Account::id).orElseThrow(() -> notFound(ref));
        AccountState s = reader.state(id).orElseThrow(() -> notFound(ref));
        return Balance.of(s.account(), s.counters());
    }

    @Override
    public Balance balance(AccountRef ref, LocalDate asOf) {
        date(asOf, "asOf");
        Account a = account(ref);
        return Balance.of(a, reports.report(r -> r.countersAsOf(a.id(), asOf)));
    }

    @Override
    public Statement statement(AccountRef ref, LocalDate from, LocalDate to, Optional<String> cursor, int pageSize) {
        date(from, "from");
        date(to, "to");
        Check.notNull(cursor, "cursor");
        Check.that(!to.isBefore(from), "to", "must not be before from", to);
        Check.that(pageSize > 0 && pageSize <= 1000, "pageSize", "must be 1..1000", pageSize);
        Account a = account(ref); // on the primary, like every account look-up: it may be new
        return reports.report(r -> statement(r, a, from, to, cursor, pageSize));
    }

    private Statement statement(LedgerReads reader, Account a, LocalDate from, LocalDate to, Optional<String> cursor, int pageSize) {
        String scope = StatementCursor.scope(a.id(), from, to);
        LedgerReads.MovementPosition after = null;
        long running;
        if (cursor.isPresent()) {
            StatementCursor c = StatementCursor.decode(cursors, tenant, scope, cursor.get());
            after = c.position();
            running = c.runningBalance();
        } else {
            running = LedgerEngine.normalBalance(a.type(), reader.countersAsOf(a.id(), from.minusDays(1)));
        }
        long opening = running;
        List<Movement> rows = reader.postedMovements(a.id(), from, to, after, pageSize + 1);
        boolean more = rows.size() > pageSize;
        List<StatementLine> lines = new ArrayList<>(Math.min(rows.size(), pageSize));
        Map<EntryId, JournalEntry> entries = new HashMap<>();
        for (int i = 0; i < rows.size() && i < pageSize; i++) {
            Movement m = rows.get(i);
            boolean increases = m.side() == a.type().normalSide();
            try {
                running = Math.addExact(running, increases ? m.amount() : -m.amount());
            } catch (ArithmeticException e) {
                throw LedgerErrorCode.OVERFLOW.exception("runningBalance", "of account " + a.code() + " does not fit in 64-bit minor units",
                        m.entryId());
            }
            JournalEntry e = entries.computeIfAbsent(m.entryId(), id -> reader.entry(id).orElseThrow());
            lines.add(new StatementLine(m.entryId(), m.sequence(), m.effectiveDate(), m.kind(),
                    e.description(), m.side(), Money.ofMinor(a.currency(), m.amount()), Money.ofMinor(a.currency(), running)));
        }
        Optional<String> next = Optional.empty();
        if (more) {
            Movement last = rows.get(pageSize - 1);
            next = Optional.of(new StatementCursor(new LedgerReads.MovementPosition(last.effectiveDate(), last.sequence(),
                    last.index()), running).encode(cursors, tenant, scope));
        }
        return new Statement(a, from, to, Money.ofMinor(a.currency(), opening), lines, next);
    }

    @Override
    public TrialBalance trialBalance(LocalDate asOf) {
        date(asOf, "asOf");
        return reports.report(r -> trialBalance(r, asOf));
    }

    private static TrialBalance trialBalance(LedgerReads reader, LocalDate asOf) {
        Map<AccountId, AccountCounters> counters = reader.countersAsOf(asOf, true);
        List<TrialBalance.Row> rows = new ArrayList<>();
        for (Account a : reader.accounts()) {
            AccountCounters c = counters.get(a.id());
            if (c == null) {
                continue;
            }
            long netDebit = c.postedNetDebit();
            Money zero = Money.zero(a.currency());
            rows.add(new TrialBalance.Row(a.id(), a.code(), a.name(), a.type(),
                    netDebit > 0 ? Money.ofMinor(a.currency(), netDebit) : zero,
                    netDebit < 0 ? Money.ofMinor(a.currency(), -netDebit) : zero));
        }
        return new TrialBalance(asOf, rows);
    }

    @Override
    public BalanceSheet balanceSheet(LocalDate asOf, CurrencyUnit currency) {
        date(asOf, "asOf");
        Check.notNull(currency, "currency");
        return reports.report(r -> balanceSheet(r, asOf, currency));
    }

    private static BalanceSheet balanceSheet(LedgerReads reader, LocalDate asOf, CurrencyUnit currency) {
        List<Account> chart = reader.accounts();
        Map<AccountId, AccountCounters> counters = reader.countersAsOf(asOf, true);
        ReportBuilder rb = new ReportBuilder(chart, counters, currency);
        var assets = rb.lines(AccountType.ASSET);
        var liabilities = rb.lines(AccountType.LIABILITY);
        var equity = rb.lines(AccountType.EQUITY);
        long earnings = Math.subtractExact(rb.total(AccountType.INCOME),
                rb.total(AccountType.EXPENSE));
        return new BalanceSheet(asOf, currency, assets, liabilities, equity,
                money(currency, rb.total(AccountType.ASSET)),
                money(currency, rb.total(AccountType.LIABILITY)),
                money(currency, rb.total(AccountType.EQUITY)), money(currency, earnings));
    }

    @Override
    public IncomeStatement incomeStatement(LocalDate from, LocalDate to, CurrencyUnit currency) {
        date(from, "from");
        date(to, "to");
        Check.notNull(currency, "currency");
        Check.that(!to.isBefore(from), "to", "must not be before from", to);
        return reports.report(r -> incomeStatement(r, from, to, currency));
    }

    private static IncomeStatement incomeStatement(LedgerReads reader, LocalDate from, LocalDate to, CurrencyUnit currency) {
        List<Account> chart = reader.accounts();
        Map<AccountId, AccountCounters> end = reader.countersAsOf(to, false);
        Map<AccountId, AccountCounters> start = reader.countersAsOf(from.minusDays(1), false);
        Map<AccountId, AccountCounters> diff = new HashMap<>();
        end.forEach((id, c) -> diff.put(id, c.minus(start.getOrDefault(id, AccountCounters.ZERO))));
        ReportBuilder rb = new ReportBuilder(chart, diff, currency);
        long income = rb.total(AccountType.INCOME);
        long expense = rb.total(AccountType.EXPENSE);
        return new IncomeStatement(from, to, currency, rb.lines(AccountType.INCOME),
                rb.lines(AccountType.EXPENSE), money(currency, income), money(currency, expense),
                money(currency, Math.subtractExact(income, expense)));
    }

    private static Money money(CurrencyUnit c, long minor) {
        return Money.ofMinor(c, minor);
    }

    // ------------------------------------------------------------------ periods

    @Override
    public PeriodStatus periodStatus() {
        return reader.periodStatus();
    }

    @Override
    public PeriodStatus closePeriod(LocalDate through, String actor) {
        date(through, "through");
        Check.text(actor, "actor", LedgerLimits.MAX_ACTOR_LENGTH);
        // idempotent by nature (closing what is closed changes and audits nothing): a rerun after
        // an unknown outcome finds the landed close and writes no second audit record
        return reruns.run(rerun -> store.write(tx -> {
            PeriodStatus current = tx.lockPeriodStatus(true);
            if (current.isClosed(through)) {
                return current;
            }
            PeriodStatus next = new PeriodStatus(Optional.of(through));
            tx.setPeriodStatus(next);
            audit.forTenant(tenant).append(AuditEvent.of(actor, "ledger.period_closed", "ledger/period",
                    details(current, next, null)));
            return next;
        }), () -> "the close through " + through + ": read periodStatus()");
    }

    @Override
    public PeriodStatus reopenPeriod(LocalDate from, String actor, String reason) {
        date(from, "from");
        Check.text(actor, "actor", LedgerLimits.MAX_ACTOR_LENGTH);
        Check.text(reason, "reason", LedgerLimits.MAX_REASON_LENGTH);
        PeriodStatus reopened = new PeriodStatus(Optional.of(from.minusDays(1)));
        return single(() -> reruns.run(rerun -> store.write(tx -> {
            PeriodStatus current = tx.lockPeriodStatus(true);
            if (rerun && current.equals(reopened)) {
                return current; // the attempt whose outcome was unknown landed
            }
            if (!current.isClosed(from)) {
                throw new Rejection(0, LedgerErrorCode.PERIOD_NOT_CLOSED, "from",
                        "is not in a closed period (closed through " + current.closedThrough().map(String::valueOf).orElse("nothing") + ")",
                        from);
            }
            PeriodStatus next = new PeriodStatus(Optional.of(from.minusDays(1)));
            tx.setPeriodStatus(next);
            audit.forTenant(tenant).append(AuditEvent.of(actor, "ledger.period_reopened", "ledger/period",
                    details(current, next, reason)));
            return next;
        }), () -> "the reopening from " + from + ": read periodStatus()"));
    }

    private static Map<String, String> details(PeriodStatus before, PeriodStatus after, String reason) {
        Map<String, String> d = new TreeMap<>();
        d.put("closedThroughBefore", before.closedThrough().map(String::valueOf).orElse("none"));
        d.put("closedThroughAfter", after.closedThrough().map(String::valueOf).orElse("none"));
        if (reason != null) {
            d.put("reason", reason);
        }
        return d;
    }

    @Override
    public Optional<JournalEntry> closeYear(LocalDate yearEnd, String actor, List<AccountRef> retainedEarnings) {
        date(yearEnd, "yearEnd");
        Check.text(actor, "actor", LedgerLimits.MAX_ACTOR_LENGTH);
        Check.notEmpty(retainedEarnings, "retainedEarnings");
        Instant now = now();
        EntryId closingId = EntryId.newId(); // the identity, before the first attempt
        ReportSource.Write w = reports.begin();
        Optional<JournalEntry> closing = single(() -> reruns.run(rerun -> store.write(tx -> {
            w.attempt();
            PeriodStatus current = tx.lockPeriodStatus(true);
            if (rerun && current.closedThrough().equals(Optional.of(yearEnd))) {
                return tx.entry(closingId); // the attempt whose outcome was unknown landed
            }
            if (current.isClosed(yearEnd)) {
                throw new Rejection(0, LedgerErrorCode.PERIOD_CLOSED, "yearEnd",
                        "the period is closed through " + current.closedThrough().orElseThrow(), yearEnd);
            }
            Map<CurrencyUnit, Account> re = new HashMap<>();
            for (int i = 0; i < retainedEarnings.size(); i++) {
                AccountRef ref = Check.notNull(retainedEarnings.get(i), "retainedEarnings[" + i + "]");
                Account a = find(tx, ref).orElseThrow(() -> notFound(ref));
                if (a.type() != AccountType.EQUITY) {
                    throw InvalidRequestException.of("retainedEarnings[" + i + "]", "must be an equity account", ref);
                }
                re.put(a.currency(), a);
            }
            List<Account> chart = tx.accounts();
            Optional<LedgerEngine.Draft> draft = LedgerEngine.planYearEnd(chart, tx.countersAsOf(yearEnd, true), re,
                    closingId, tx.nextSequence(), now, yearEnd);
            if (draft.isPresent()) {
                Set<AccountId> ids = new LinkedHashSet<>();
                draft.get().entry().lines().forEach(l -> ids.add(l.account()));
                LedgerEngine.Applied applied = LedgerEngine.apply(List.of(draft.get()), tx.lockAccounts(ids), current);
                w.wrote();
                tx.write(List.of(draft.get().entry()), draft.get().movements(), applied.counters());
            }
            PeriodStatus next = new PeriodStatus(Optional.of(yearEnd));
            tx.setPeriodStatus(next);
            Map<String, String> d = details(current, next, null);
            draft.ifPresent(x -> d.put("closingEntry", x.entry().id().toString()));
            audit.forTenant(tenant).append(AuditEvent.of(actor, "ledger.year_closed", "ledger/period", d));
            return draft.map(LedgerEngine.Draft::entry);
        }), () -> "the year-end close through " + yearEnd + " (closing entry " + closingId + "): read periodStatus() and entry(id)"));
        w.acknowledged(closing.orElse(null));
        return closing;
    }
}
