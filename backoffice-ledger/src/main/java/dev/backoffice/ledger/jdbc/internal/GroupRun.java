package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.internal.Invariants;
import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.AccountState;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.LedgerErrorCode;
import dev.backoffice.ledger.LedgerReads;
import dev.backoffice.ledger.LedgerTx;
import dev.backoffice.ledger.Movement;
import dev.backoffice.ledger.PeriodStatus;
import org.joda.money.CurrencyUnit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One group commit: the units of work of many callers of one tenant, in one database
 * transaction. See {@code JdbcLedgerStore} for the design; in short:
 *
 * <ol>
 *   <li><b>Period</b>: the tenant's period row is locked {@code FOR SHARE} (the first lock).</li>
 *   <li><b>Discovery</b>: each work runs against a {@link DiscoverTx} that answers reads from
 *       what is known, records what is not (answering speculatively so that one round collects
 *       every read of a batch), and stops the work at {@code lockAccounts}, recording the ids.
 *       What was missing is fetched in one query per kind and the speculating works run again,
 *       for at most {@value #ROUNDS} rounds. Works are pure up to {@code lockAccounts}, so
 *       running them again is harmless.</li>
 *   <li><b>Lock</b>: every account of the group in one {@code SELECT ... ORDER BY account_id
 *       FOR UPDATE}: one global order for every writer of every process, hence no deadlock.</li>
 *   <li><b>Apply</b>: each work runs for real against a {@link FinalTx} whose writes are staged
 *       and see the writes of the works before it (counters, entries, accounts). A work that
 *       throws loses only its own stage and gets its own error.</li>
 *   <li><b>Flush</b>: each touched account updated once with its final counters, entries,
 *       movements and daily snapshots inserted in bulk; then one commit for all.</li>
 * </ol>
 * Works that must run alone (exclusive period lock, whole-ledger reads) or that stray outside
 * what the group locked are set aside and run after the group, each in its own transaction.
 */
final class GroupRun {

    static final int ROUNDS = 4;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GroupRun.class);
    private int rounds;

    private final Connection c;
    private final Dialect dialect;
    private final String isolationSql;
    private final boolean optimisticKeys;
    private final String tenant;
    private final TenantId tenantId;
    private final SequenceBlocks sequences;
    /** The tenant's sequence floor once read (see {@link SequenceBlocks#floor}); -1 before the group's first number. */
    private long floor = -1;
    private final AccountCache.Tenant cache;
    private final List<GroupRequest> requests;

    // per request
    private final Slot[] slots;

    // known reads
    private final Set<AccountId> absentIds = new HashSet<>();
    private final Set<String> absentCodes = new HashSet<>();
    private final Map<EntryId, Optional<JournalEntry>> byId = new HashMap<>();
    private final Map<String, Optional<JournalEntry>> byKey = new HashMap<>();
    /** Keys actually looked up (with optimistic keys, the others in {@code byKey} are guesses). */
    private final Set<String> fetchedKeys = new HashSet<>();
    private final Map<EntryId, Optional<JournalEntry>> byPending = new HashMap<>();
    private final Map<EntryId, Optional<JournalEntry>> byReverses = new HashMap<>();

    // reads to fetch after the current discovery round
    private final Set<AccountId> needIds = new HashSet<>();
    private final Set<String> needCodes = new HashSet<>();
    private final Set<EntryId> needEntryIds = new HashSet<>();
    private final Set<String> needKeys = new HashSet<>();
    private final Set<EntryId> needPending = new HashSet<>();
    private final Set<EntryId> needReverses = new HashSet<>();

    private PeriodStatus period;
    private final CurrentDays currentDays = new CurrentDays();
    private Set<AccountId> lockedIds;
    private Map<AccountId, AccountState> locked;

    // the group's applied writes
    private final List<JournalEntry> entries = new ArrayList<>();
    private final List<Movement> movements = new ArrayList<>();
    private final Map<AccountId, AccountCounters> counters = new LinkedHashMap<>();
    private final Map<AccountId, Account> newAccounts = new LinkedHashMap<>();
    private final Map<String, Account> newByCode = new HashMap<>();
    private final Map<AccountId, Account> updatedAccounts = new LinkedHashMap<>();
    private final Map<EntryId, JournalEntry> gEntries = new HashMap<>();
    private final Map<String, JournalEntry> gByKey = new HashMap<>();
    private final Map<EntryId, JournalEntry> gByPending = new HashMap<>();
    private final Map<EntryId, JournalEntry> gByReverses = new HashMap<>();

    private static final class Slot {
        boolean discovered;
        boolean speculated;
        boolean solo;
        /** The work asked for an idempotency key that was taken as new without a lookup. */
        boolean keyGuessed;
        Set<AccountId> lockIds;
        // outcome of the final pass
        boolean ok;
        Object value;
        RuntimeException error;
    }

    /** Stops a work in discovery. */
    private static final class Stop extends RuntimeException {
        static final Stop INSTANCE = new Stop();

        private Stop() {
            super("discovery stop", null, false, false);
        }
    }

    /** Sets a work aside to run alone. */
    private static final class Alone extends RuntimeException {
        static final Alone INSTANCE = new Alone();

        private Alone() {
            super("run alone", null, false, false);
        }
    }

    /**
     * @param optimisticKeys whether idempotency keys are taken as new without looking them up
     *                       (the unique index refuses a replayed one; see {@code GroupCommitRunner})
     * @param isolationSql the statement that sets the transaction's isolation level, run first
     *                     (the transaction is opened by {@code Jdbc.inTransactionIsolationInline})
     */
    GroupRun(Connection c, Dialect dialect, String isolationSql, TenantId tenant, SequenceBlocks sequences,
             AccountCache.Tenant cache, List<GroupRequest> requests, boolean optimisticKeys) {
        this.c = c;
        this.optimisticKeys = optimisticKeys;
        this.isolationSql = isolationSql;
        this.dialect = dialect;
        this.tenantId = tenant;
        this.tenant = tenant.value();
        this.sequences = sequences;
        this.cache = cache;
        this.requests = requests;
        this.slots = new Slot[requests.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
        }
    }

    /**
     * Runs the group inside the caller's (Jdbc) transaction; outcomes are delivered by {@link #complete}.
     *
     * <p>On PostgreSQL, when the tenant's last period is known, the units are first discovered
     * against it and the cached accounts, before the transaction begins; if that needs nothing
     * from the database (the common case: accounts cached, idempotency keys taken as new), the
     * transaction begins and takes every lock in one round trip ({@link LedgerSql#beginAndLock}).
     * Otherwise, or when the period read under lock differs from the one guessed, discovery runs
     * (again) inside the transaction, as it always does on H2.
     */
    void execute() throws SQLException {
        long t0 = System.nanoTime();
        PeriodStatus guess = dialect == Dialect.POSTGRESQL ? cache.lastPeriod : null;
        boolean oneTrip = false;
        if (guess != null) {
            period = guess;
            discoverRound();
            oneTrip = !anythingNeeded();
            if (!oneTrip) {
                resetDiscovery();
            }
        }
        if (oneTrip) {
            rounds = 1;
            lockedIds = lockSet();
            LedgerSql.Begun begun = LedgerSql.beginAndLock(c, isolationSql, tenant, lockedIds, currentDays);
            if (begun.period() == null) {
                throw new SQLException("the period row of tenant " + tenant + " vanished");
            }
            locked = begun.locked();
            period = begun.period();
            if (!period.equals(guess)) {
                // closed or reopened since the last group: discover again; a unit that now needs
                // an account outside what was locked is set aside by FinalTx.lockAccounts
                resetDiscovery();
                discover();
            }
        } else {
            period = LedgerSql.beginGroup(c, dialect, isolationSql, tenant);
            discover();
            lockedIds = lockSet();
            locked = LedgerSql.lockAccounts(c, dialect, tenant, lockedIds, currentDays);
        }
        cache.lastPeriod = period;
        for (AccountState state : locked.values()) {
            cache.put(state.account()); // committed rows, just read: the next group resolves them with no round trip
        }
        long t3 = System.nanoTime();
        for (int i = 0; i < slots.length; i++) {
            if (!slots[i].solo) {
                applyFinal(i);
            }
        }
        long t4 = System.nanoTime();
        flush();
        if (log.isDebugEnabled()) {
            long t5 = System.nanoTime();
            log.debug("group of {}: begin, discovery ({} rounds) and lock of {} accounts {} us ({}), apply {} us, flush {} us",
                    slots.length, rounds, lockedIds.size(), (t3 - t0) / 1000, oneTrip ? "one round trip" : "separately",
                    (t4 - t3) / 1000, (t5 - t4) / 1000);
        }
    }

    /** The accounts the discovered units will lock. */
    private Set<AccountId> lockSet() {
        Set<AccountId> ids = new HashSet<>();
        for (Slot s : slots) {
            if (!s.solo && s.lockIds != null) {
                ids.addAll(s.lockIds);
            }
        }
        return ids;
    }

    private void discover() throws SQLException {
        for (int round = 0; round < ROUNDS; round++) {
            boolean any = discoverRound();
            rounds = round + 1;
            if (!any || !fetchNeeded()) {
                break;
            }
        }
        for (Slot s : slots) {
            if (!s.discovered) {
                s.solo = true; // still guessing after every round: run it alone
            }
        }
    }

    /** Runs every unit not yet discovered against what is known; false when there was none. */
    private boolean discoverRound() {
        boolean any = false;
        for (int i = 0; i < slots.length; i++) {
            Slot s = slots[i];
            if (s.solo || s.discovered) {
                continue;
            }
            any = true;
            s.speculated = false;
            s.lockIds = null;
            DiscoverTx tx = new DiscoverTx(s);
            try {
                requests.get(i).work.apply(tx);
            } catch (Stop stop) {
                // reached lockAccounts or a write
            } catch (Alone alone) {
                s.solo = true;
                continue;
            } catch (StorageException e) {
                throw e;
            } catch (RuntimeException e) {
                // a rule failure before locking: the final pass will meet it again
            }
            s.discovered = !s.speculated;
        }
        return any;
    }

    /** Whether the last discovery round recorded reads that must be fetched. */
    private boolean anythingNeeded() {
        return !needIds.isEmpty() || !needCodes.isEmpty() || !needEntryIds.isEmpty() || !needKeys.isEmpty()
                || !needPending.isEmpty() || !needReverses.isEmpty();
    }

    /** Forgets what discovery found (not what was fetched), to run it again from the start. */
    private void resetDiscovery() {
        needIds.clear();
        needCodes.clear();
        needEntryIds.clear();
        needKeys.clear();
        needPending.clear();
        needReverses.clear();
        for (Slot s : slots) {
            s.discovered = false;
            s.speculated = false;
            s.lockIds = null;
        }
    }

    /** Fetches what the last round missed; false when nothing was missing. */
    private boolean fetchNeeded() throws SQLException {
        boolean any = false;
        if (!needIds.isEmpty() || !needCodes.isEmpty()) {
            any = true;
            for (Account a : LedgerSql.accounts(c, dialect, tenant, needIds, needCodes)) {
                cache.put(a);
            }
            for (AccountId id : needIds) {
                if (!cache.byId.containsKey(id)) {
                    absentIds.add(id);
                }
            }
            for (String code : needCodes) {
                if (!cache.byCode.containsKey(code)) {
                    absentCodes.add(code);
                }
            }
            needIds.clear();
            needCodes.clear();
        }
        any |= fetchEntries("entry_id", needEntryIds, byId, e -> e.id());
        fetchedKeys.addAll(needKeys);
        any |= fetchEntries("idempotency_key", needKeys, byKey, e -> e.idempotencyKey().orElseThrow());
        any |= fetchEntries("pending_id", needPending, byPending, e -> e.pendingId().orElseThrow());
        any |= fetchEntries("reverses", needReverses, byReverses, e -> e.reverses().orElseThrow());
        return any;
    }

    private <K> boolean fetchEntries(String column, Set<K> need, Map<K, Optional<JournalEntry>> known,
                                     java.util.function.Function<JournalEntry, K> key) throws SQLException {
        if (need.isEmpty()) {
            return false;
        }
        List<Object> values = new ArrayList<>(need.size());
        boolean uuid = false;
        for (K k : need) {
            if (k instanceof EntryId id) {
                values.add(id.value());
                uuid = true;
            } else {
                values.add(k);
            }
        }
        for (K k : need) {
            known.put(k, Optional.empty());
        }
        for (JournalEntry e : LedgerSql.entriesBy(c, dialect, tenant, column, values, uuid)) {
            known.put(key.apply(e), Optional.of(e));
        }
        need.clear();
        return true;
    }

    private void applyFinal(int i) {
        Slot s = slots[i];
        FinalTx tx = new FinalTx();
        try {
            Object value = requests.get(i).work.apply(tx);
            tx.commitStage();
            s.ok = true;
            s.value = value;
        } catch (Alone alone) {
            s.solo = true;
        } catch (StorageException e) {
            throw e;
        } catch (RuntimeException e) {
            s.error = e;
        }
    }

    private void flush() throws SQLException {
        if (!newAccounts.isEmpty()) {
            LedgerSql.insertAccounts(c, tenant, new ArrayList<>(newAccounts.values()));
        }
        if (!updatedAccounts.isEmpty()) {
            LedgerSql.updateClosed(c, tenant, updatedAccounts.values());
        }
        if (!entries.isEmpty() || !counters.isEmpty()) {
            Invariants.entriesBalance(entries);
            Invariants.accountsLocked(counters.keySet(), id -> lockedIds.contains(id) || newAccounts.containsKey(id));
            LedgerSql.write(c, dialect, tenant, entries, movements, counters, currentDays);
        }
    }

    /** After commit: delivers each outcome; returns the requests to run alone. */
    List<GroupRequest> complete() {
        for (Account created : newAccounts.values()) {
            cache.put(created); // committed now
        }
        List<GroupRequest> alone = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            Slot s = slots[i];
            GroupRequest r = requests.get(i);
            if (s.solo) {
                alone.add(r);
            } else if (s.ok) {
                r.succeed(s.value);
            } else if (s.keyGuessed) {
                // failed on a key taken as new without a lookup: it may be a replay of a stored entry,
                // which answers with that entry whatever today's rules say; run it alone, looking the key up
                alone.add(r);
            } else {
                r.fail(s.error);
            }
        }
        return alone;
    }

    /**
     * After a commit with an unknown outcome: fails every unit that was in the commit with
     * {@code unknown}, delivers the rule failures (their stage was never written) and returns the
     * units set aside to run alone (they were not in the commit).
     */
    List<GroupRequest> failUnknown(RuntimeException unknown) {
        List<GroupRequest> alone = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            Slot s = slots[i];
            GroupRequest r = requests.get(i);
            if (s.solo) {
                alone.add(r);
            } else if (s.error != null) {
                r.fail(s.error);
            } else {
                r.fail(unknown);
            }
        }
        return alone;
    }

    int size() {
        return slots.length;
    }

    /**
     * The failures this group answers itself ({@link #complete} hands them to their callers; units
     * run alone are not among them), for the metrics: read before {@code complete} releases the callers.
     */
    List<Throwable> answeredFailures() {
        List<Throwable> out = new ArrayList<>();
        for (Slot s : slots) {
            if (!s.solo && !s.ok && !s.keyGuessed && s.error != null) {
                out.add(s.error);
            }
        }
        return out;
    }

    /** Entries this group wrote, for the metrics. */
    int entriesWritten() {
        return entries.size();
    }

    /** Rows this group wrote (accounts and entries), for the statistics keeper. */
    long rowsWritten() {
        return newAccounts.size() + entries.size() + movements.size();
    }

    // ------------------------------------------------------------------ discovery view

    private static Account placeholder(AccountId id, String code) {
        return new Account(id, code, "?", AccountType.ASSET, CurrencyUnit.EUR, Optional.empty(), Set.of(), false, Instant.EPOCH);
    }

    /**
     * What both passes of a group share: whole-ledger reads and period changes do not belong in
     * a group (such work runs alone, in its own transaction), and the period was locked once for
     * the whole group.
     */
    private abstract class GroupTx implements LedgerTx {

        @Override
        public void setPeriodStatus(PeriodStatus status) {
            throw Alone.INSTANCE;
        }

        @Override
        public List<Account> accounts() {
            throw Alone.INSTANCE;
        }

        @Override
        public Optional<AccountState> state(AccountId id) {
            throw Alone.INSTANCE;
        }

        @Override
        public AccountCounters countersAsOf(AccountId id, LocalDate asOf) {
            throw Alone.INSTANCE;
        }

        @Override
        public Map<AccountId, AccountCounters> countersAsOf(LocalDate asOf, boolean includeClosing) {
            throw Alone.INSTANCE;
        }

        @Override
        public List<Movement> postedMovements(AccountId account, LocalDate from, LocalDate to,
                                              LedgerReads.MovementPosition after, int limit) {
            throw Alone.INSTANCE;
        }

        @Override
        public List<JournalEntry> journal(long afterSequence, int limit) {
            throw Alone.INSTANCE;
        }

        @Override
        public List<JournalEntry> expiredPendings(Instant expiredBy, int limit) {
            throw Alone.INSTANCE;
        }

        @Override
        public PeriodStatus periodStatus() {
            return period;
        }
    }

    /** Reads from what is known, guesses and records the rest, stops at the first lock or write. */
    private final class DiscoverTx extends GroupTx {
        private final Slot slot;
        private long fakeSequence = 1;

        DiscoverTx(Slot slot) {
            this.slot = slot;
        }

        @Override
        public TenantId tenant() {
            return tenantId;
        }

        @Override
        public Optional<Account> account(AccountId id) {
            Account a = cache.byId.get(id);
            if (a != null) {
                return Optional.of(a);
            }
            if (absentIds.contains(id)) {
                return Optional.empty();
            }
            needIds.add(id);
            slot.speculated = true;
            return Optional.of(placeholder(id, "?" + id));
        }

        @Override
        public Optional<Account> accountByCode(String code) {
            Account a = cache.byCode.get(code);
            if (a != null) {
                return Optional.of(a);
            }
            if (absentCodes.contains(code)) {
                return Optional.empty();
            }
            needCodes.add(code);
            slot.speculated = true;
            return Optional.of(placeholder(AccountId.newId(), code));
        }

        private <K> Optional<JournalEntry> known(Map<K, Optional<JournalEntry>> known, Set<K> need, K key) {
            Optional<JournalEntry> e = known.get(key);
            if (e != null) {
                return e;
            }
            need.add(key);
            slot.speculated = true;
            return Optional.empty();
        }

        @Override
        public Optional<JournalEntry> entry(EntryId id) {
            return known(byId, needEntryIds, id);
        }

        @Override
        public Optional<JournalEntry> entryByIdempotencyKey(String key) {
            if (optimisticKeys) {
                if (!fetchedKeys.contains(key)) {
                    slot.keyGuessed = true;
                }
                byKey.putIfAbsent(key, Optional.empty()); // taken as new: the unique index has the last word
            }
            return known(byKey, needKeys, key);
        }

        @Override
        public Optional<JournalEntry> resolutionOf(EntryId pendingId) {
            return known(byPending, needPending, pendingId);
        }

        @Override
        public Optional<JournalEntry> reversalOf(EntryId entryId) {
            return known(byReverses, needReverses, entryId);
        }

        @Override
        public Map<AccountId, AccountState> lockAccounts(Collection<AccountId> ids) {
            slot.lockIds = new HashSet<>(ids);
            throw Stop.INSTANCE;
        }

        @Override
        public PeriodStatus lockPeriodStatus(boolean exclusive) {
            if (exclusive) {
                throw Alone.INSTANCE;
            }
            return period;
        }

        @Override
        public long nextSequence() {
            return fakeSequence++;
        }

        @Override
        public void insertAccount(Account account) {
            throw Stop.INSTANCE;
        }

        @Override
        public void updateAccount(Account account) {
            throw Stop.INSTANCE;
        }

        @Override
        public void write(List<JournalEntry> e, List<Movement> m, Map<AccountId, AccountCounters> k) {
            throw Stop.INSTANCE;
        }
    }

    // ------------------------------------------------------------------ final view

    /** Reads through the group's own writes, stages its writes, locks only what the group holds. */
    private final class FinalTx extends GroupTx {
        private boolean afterLock;
        private final List<JournalEntry> sEntries = new ArrayList<>(2);
        private final List<Movement> sMovements = new ArrayList<>(4);
        private final Map<AccountId, AccountCounters> sCounters = new HashMap<>(4);
        private final Map<AccountId, Account> sNew = new LinkedHashMap<>(2);
        private final Map<AccountId, Account> sUpdated = new HashMap<>(2);

        void commitStage() {
            for (JournalEntry e : sEntries) {
                entries.add(e);
                gEntries.put(e.id(), e);
                e.idempotencyKey().ifPresent(k -> gByKey.put(k, e));
                e.pendingId().ifPresent(p -> gByPending.put(p, e));
                e.reverses().ifPresent(r -> gByReverses.put(r, e));
            }
            movements.addAll(sMovements);
            counters.putAll(sCounters);
            for (Account a : sNew.values()) {
                newAccounts.put(a.id(), a);
                newByCode.put(a.code(), a);
                currentDays.remember(a.id(), CurrentDays.Day.NONE); // a new row has no day yet
            }
            for (Account a : sUpdated.values()) {
                if (newAccounts.containsKey(a.id())) {
                    newAccounts.put(a.id(), a);
                    newByCode.put(a.code(), a);
                } else {
                    updatedAccounts.put(a.id(), a);
                }
            }
        }

        private <T> T direct(SqlReader.SqlWork<T> work) {
            return SqlReader.onConnection(c, work);
        }

        @Override
        public TenantId tenant() {
            return tenantId;
        }

        @Override
        public Optional<Account> account(AccountId id) {
            Account a = sUpdated.get(id);
            if (a == null) {
                a = sNew.get(id);
            }
            if (a == null) {
                a = updatedAccounts.get(id);
            }
            if (a == null) {
                a = newAccounts.get(id);
            }
            if (a == null) {
                a = cache.byId.get(id);
            }
            if (a != null) {
                return Optional.of(a);
            }
            if (absentIds.contains(id)) {
                return Optional.empty();
            }
            return direct(conn -> LedgerSql.account(conn, tenant, id));
        }

        @Override
        public Optional<Account> accountByCode(String code) {
            for (Account a : sNew.values()) {
                if (a.code().equals(code)) {
                    return Optional.of(sUpdated.getOrDefault(a.id(), a));
                }
            }
            Account a = newByCode.get(code);
            if (a == null) {
                a = cache.byCode.get(code);
            }
            if (a != null) {
                Account fresher = sUpdated.get(a.id());
                if (fresher == null) {
                    fresher = updatedAccounts.get(a.id());
                }
                return Optional.of(fresher != null ? fresher : a);
            }
            if (absentCodes.contains(code)) {
                return Optional.empty();
            }
            return direct(conn -> LedgerSql.accountByCode(conn, tenant, code));
        }

        private Optional<JournalEntry> lookup(java.util.function.Predicate<JournalEntry> staged, JournalEntry inGroup,
                                              Optional<JournalEntry> prefetched, String column, Object value) {
            for (JournalEntry e : sEntries) {
                if (staged.test(e)) {
                    return Optional.of(e);
                }
            }
            if (inGroup != null) {
                return Optional.of(inGroup);
            }
            if (!afterLock && prefetched != null) {
                return prefetched;
            }
            // after the accounts are locked, read what is committed now (a concurrent resolver
            // of the same hold holds the same locks, so this read cannot go stale)
            return direct(conn -> LedgerSql.entryBy(conn, tenant, column, value));
        }

        @Override
        public Optional<JournalEntry> entry(EntryId id) {
            return lookup(e -> e.id().equals(id), gEntries.get(id), byId.get(id), "entry_id", id.value());
        }

        @Override
        public Optional<JournalEntry> entryByIdempotencyKey(String key) {
            return lookup(e -> e.idempotencyKey().filter(key::equals).isPresent(), gByKey.get(key), byKey.get(key),
                    "idempotency_key", key);
        }

        @Override
        public Optional<JournalEntry> resolutionOf(EntryId pendingId) {
            return lookup(e -> e.pendingId().filter(pendingId::equals).isPresent(), gByPending.get(pendingId),
                    byPending.get(pendingId), "pending_id", pendingId.value());
        }

        @Override
        public Optional<JournalEntry> reversalOf(EntryId entryId) {
            return lookup(e -> e.reverses().filter(entryId::equals).isPresent(), gByReverses.get(entryId),
                    byReverses.get(entryId), "reverses", entryId.value());
        }

        @Override
        public Map<AccountId, AccountState> lockAccounts(Collection<AccountId> ids) {
            afterLock = true;
            Map<AccountId, AccountState> out = new HashMap<>(ids.size() * 2);
            for (AccountId id : ids) {
                Account created = sNew.containsKey(id) ? sNew.get(id) : newAccounts.get(id);
                if (created != null) {
                    Account a = sUpdated.getOrDefault(id, created);
                    out.put(id, new AccountState(a, counters.getOrDefault(id, AccountCounters.ZERO)));
                    continue;
                }
                if (!lockedIds.contains(id)) {
                    throw Alone.INSTANCE; // strayed outside what the group locked: run it alone
                }
                AccountState s = locked.get(id);
                if (s == null) {
                    continue; // no such account
                }
                Account a = sUpdated.get(id);
                if (a == null) {
                    a = updatedAccounts.getOrDefault(id, s.account());
                }
                out.put(id, new AccountState(a, counters.getOrDefault(id, s.counters())));
            }
            return out;
        }

        @Override
        public PeriodStatus lockPeriodStatus(boolean exclusive) {
            if (exclusive) {
                throw Alone.INSTANCE;
            }
            return period;
        }

        @Override
        public long nextSequence() {
            return direct(conn -> {
                if (floor < 0) {
                    floor = sequences.floor(conn, tenantId); // once per group: see SequenceBlocks
                }
                return sequences.next(conn, floor);
            });
        }

        @Override
        public void insertAccount(Account account) {
            if (newAccounts.containsKey(account.id()) || sNew.containsKey(account.id())
                    || newByCode.containsKey(account.code()) || accountByCode(account.code()).isPresent()) {
                throw LedgerErrorCode.ACCOUNT_EXISTS.exception("code", "an account with this code or id exists", account.code());
            }
            sNew.put(account.id(), account);
        }

        @Override
        public void updateAccount(Account account) {
            sUpdated.put(account.id(), account);
        }

        @Override
        public void write(List<JournalEntry> e, List<Movement> m, Map<AccountId, AccountCounters> k) {
            sEntries.addAll(e);
            sMovements.addAll(m);
            sCounters.putAll(k);
        }
    }
}
