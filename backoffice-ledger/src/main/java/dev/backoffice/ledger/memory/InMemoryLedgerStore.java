package dev.backoffice.ledger.memory;

import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.ledger.internal.Invariants;
import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.AccountState;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryKind;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.LedgerErrorCode;
import dev.backoffice.ledger.LedgerReads;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.LedgerTx;
import dev.backoffice.ledger.Movement;
import dev.backoffice.ledger.PeriodStatus;
import dev.backoffice.ledger.TenantLedgerStore;
import dev.backoffice.ledger.internal.LedgerEngine;
import dev.backoffice.ledger.internal.SmallMap;
import org.joda.money.CurrencyUnit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * A {@link LedgerStore} in memory: for tests, demos and single-process apps that keep the
 * journal elsewhere. Thread-safe.
 *
 * <p>Each tenant's handle ({@link #forTenant}) holds that tenant's data and is kept for the
 * life of the store. One read-write lock per tenant: a unit of work holds the write lock (so
 * units of one tenant run one at a time and never deadlock), buffers its writes and applies them
 * only when the work returns, so a failing unit leaves no trace. The current state of one account
 * ({@link LedgerReads#state}) is read without locking from an immutable snapshot; other reads take
 * the read lock.
 *
 * <p>Entries are kept in columns of primitives ({@link Journal}) and each account's movements in
 * one packed array ({@link AccountMovements}), not as objects: a long-lived in-memory journal
 * of millions of entries then costs the garbage collector almost nothing.
 */
public final class InMemoryLedgerStore extends TenantScopedStore<TenantLedgerStore> implements LedgerStore {

    private InMemoryLedgerStore() {
        super(Handles.KEPT);
    }

    /** An empty store. */
    public static InMemoryLedgerStore create() {
        return new InMemoryLedgerStore();
    }

    /** A tenant's data, made on the tenant's first use and kept. */
    @Override
    protected TenantLedgerStore open(TenantId tenant) {
        return new TenantData(tenant);
    }

    /** One account: its dense index, its current state (an immutable snapshot) and its movements. */
    private static final class Slot {
        final int index;
        volatile AccountState state;
        final AccountMovements movements = new AccountMovements();

        Slot(int index, AccountState state) {
            this.index = index;
            this.state = state;
        }
    }

    /** A hold with an expiry, in expiry order. */
    private record Hold(Instant expiresAt, long sequence, int position) implements Comparable<Hold> {
        @Override
        public int compareTo(Hold o) {
            int c = expiresAt.compareTo(o.expiresAt);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    private static final Comparator<Movement> BY_POSITION = Comparator.comparing(Movement::effectiveDate)
            .thenComparingLong(Movement::sequence).thenComparingInt(Movement::index);

    /** One tenant's handle and data. */
    private static final class TenantData extends TenantScope implements TenantLedgerStore, Journal.Accounts {
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        final ConcurrentHashMap<AccountId, Slot> accounts = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, AccountId> byCode = new ConcurrentHashMap<>();
        /** The same slots for units of work (under the write lock): a cheaper lookup. */
        final AccountIndex<Slot> slots = new AccountIndex<>();
        Slot[] byIndex = new Slot[16];
        int accountCount;
        final Journal journal = new Journal();
        final TreeSet<Hold> expiring = new TreeSet<>();
        volatile PeriodStatus period = PeriodStatus.open();
        long sequence;
        /** Journal positions below this have their movements filed under their accounts. */
        int indexed;
        /** The read view: it holds nothing but this tenant's data, so one serves every caller. */
        private final MemoryReader reader = new MemoryReader(this);

        TenantData(TenantId tenant) {
            super(tenant);
        }

        @Override
        public LedgerReads read() {
            return reader;
        }

        @Override
        public <T> T write(Function<? super LedgerTx, ? extends T> work) {
            Check.notNull(work, "work");
            lock.writeLock().lock();
            try {
                MemoryTx tx = new MemoryTx(this);
                T result = work.apply(tx);
                tx.commit();
                return result;
            } finally {
                lock.writeLock().unlock();
            }
        }

        Slot addAccount(Account a) {
            if (accountCount == byIndex.length) {
                byIndex = Arrays.copyOf(byIndex, accountCount * 2);
            }
            Slot s = new Slot(accountCount, new AccountState(a, AccountCounters.ZERO));
            byIndex[accountCount++] = s;
            accounts.put(a.id(), s);
            slots.put(a.id(), s);
            byCode.put(a.code(), a.id());
            return s;
        }

        @Override
        public int indexOf(AccountId id) {
            return accounts.get(id).index;
        }

        @Override
        public AccountId idAt(int index) {
            return byIndex[index].state.account().id();
        }

        @Override
        public CurrencyUnit currencyAt(int index) {
            return byIndex[index].state.account().currency();
        }

        /** The entry at {@code position}, or empty for -1. */
        Optional<JournalEntry> entryAt(int position) {
            return position < 0 ? Optional.empty() : Optional.of(journal.entry(position, this));
        }

        /**
         * Files the movements of every entry appended since the last call under their accounts
         * (write lock held). Done on demand, by the first read that needs movements, rather than
         * by each post: scattering two movements into two random accounts' arrays was a third of
         * a post's time, and most posts are never read back per account before many others
         * follow them. The entries between two calls are always whole units of work, so what a
         * reader sees is a consistent prefix of the journal.
         */
        void indexMovements() {
            int size = journal.size();
            for (int p = indexed; p < size; p++) {
                int position = p;
                JournalEntry e = journal.entry(p, this);
                long day = e.effectiveDate().toEpochDay();
                EntryKind kind = e.kind();
                LedgerEngine.forEachMovement(e, journal.heldLines(p, this), (i, account, side, pending, amount) ->
                        accounts.get(account).movements.add(position, i, day, kind, side, pending, amount));
            }
            indexed = size;
        }

        /** Movement {@code i} of {@code slot} as a value. */
        Movement movement(Slot slot, int i) {
            AccountMovements m = slot.movements;
            int p = m.position(i);
            return new Movement(journal.sequence(p), journal.id(p), m.index(i), slot.state.account().id(),
                    LocalDate.ofEpochDay(m.epochDay(i)), m.kind(i), m.side(i), m.pending(i), m.amount(i));
        }
    }

    private static class MemoryReader implements LedgerReads {
        final TenantData d;

        MemoryReader(TenantData d) {
            this.d = d;
        }

        void lockRead() {
            d.lock.readLock().lock();
        }

        void unlockRead() {
            d.lock.readLock().unlock();
        }

        /** Takes the read lock with every committed entry's movements filed under its accounts. */
        void lockReadIndexed() {
            d.lock.readLock().lock();
            if (d.indexed == d.journal.size()) {
                return;
            }
            d.lock.readLock().unlock();
            d.lock.writeLock().lock();
            try {
                d.indexMovements();
                d.lock.readLock().lock(); // downgrade: no writer can slip in between
            } finally {
                d.lock.writeLock().unlock();
            }
        }

        @Override
        public TenantId tenant() {
            return d.tenant();
        }

        @Override
        public Optional<Account> account(AccountId id) {
            Slot s = d.accounts.get(id);
            return s == null ? Optional.empty() : Optional.of(s.state.account());
        }

        @Override
        public Optional<Account> accountByCode(String code) {
            AccountId id = d.byCode.get(code);
            return id == null ? Optional.empty() : account(id);
        }

        @Override
        public List<Account> accounts() {
            List<Account> list = new ArrayList<>(d.accounts.size());
            for (Slot s : d.accounts.values()) {
                list.add(s.state.account());
            }
            list.sort(Comparator.comparing(Account::code));
            return list;
        }

        @Override
        public Optional<AccountState> state(AccountId id) {
            Slot s = d.accounts.get(id);
            return s == null ? Optional.empty() : Optional.of(s.state);
        }

        @Override
        public AccountCounters countersAsOf(AccountId id, LocalDate asOf) {
            lockReadIndexed();
            try {
                Slot s = d.accounts.get(id);
                AccountCounters c = s == null ? null : s.movements.sum(asOf.toEpochDay(), true);
                return c == null ? AccountCounters.ZERO : c;
            } finally {
                unlockRead();
            }
        }

        @Override
        public Map<AccountId, AccountCounters> countersAsOf(LocalDate asOf, boolean includeClosing) {
            lockReadIndexed();
            try {
                Map<AccountId, AccountCounters> out = new HashMap<>();
                for (Map.Entry<AccountId, Slot> e : d.accounts.entrySet()) {
                    AccountCounters c = e.getValue().movements.sum(asOf.toEpochDay(), includeClosing);
                    if (c != null) {
                        out.put(e.getKey(), c);
                    }
                }
                return out;
            } finally {
                unlockRead();
            }
        }

        @Override
        public Optional<JournalEntry> entry(EntryId id) {
            lockRead();
            try {
                return d.entryAt(d.journal.find(id));
            } finally {
                unlockRead();
            }
        }

        @Override
        public Optional<JournalEntry> entryByIdempotencyKey(String key) {
            lockRead();
            try {
                return d.entryAt(d.journal.findByKey(key));
            } finally {
                unlockRead();
            }
        }

        @Override
        public Optional<JournalEntry> resolutionOf(EntryId pendingId) {
            lockRead();
            try {
                int p = d.journal.find(pendingId);
                return p < 0 ? Optional.empty() : d.entryAt(d.journal.resolutionOf(p));
            } finally {
                unlockRead();
            }
        }

        @Override
        public Optional<JournalEntry> reversalOf(EntryId entryId) {
            lockRead();
            try {
                int p = d.journal.find(entryId);
                return p < 0 ? Optional.empty() : d.entryAt(d.journal.reversalOf(p));
            } finally {
                unlockRead();
            }
        }

        @Override
        public List<Movement> postedMovements(AccountId account, LocalDate from, LocalDate to, MovementPosition after, int limit) {
            lockReadIndexed();
            try {
                Slot s = d.accounts.get(account);
                if (s == null) {
                    return List.of();
                }
                List<Movement> hits = new ArrayList<>();
                AccountMovements ms = s.movements;
                long first = from.toEpochDay();
                long last = to.toEpochDay();
                for (int i = 0; i < ms.size(); i++) {
                    if (ms.pending(i) || ms.epochDay(i) < first || ms.epochDay(i) > last) {
                        continue;
                    }
                    Movement m = d.movement(s, i);
                    if (after != null && compare(m, after) <= 0) {
                        continue;
                    }
                    hits.add(m);
                }
                hits.sort(BY_POSITION);
                return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
            } finally {
                unlockRead();
            }
        }

        private static int compare(Movement m, MovementPosition p) {
            int c = m.effectiveDate().compareTo(p.effectiveDate());
            if (c != 0) {
                return c;
            }
            c = Long.compare(m.sequence(), p.sequence());
            return c != 0 ? c : Integer.compare(m.index(), p.index());
        }

        @Override
        public List<JournalEntry> journal(long afterSequence, int limit) {
            lockRead();
            try {
                Journal j = d.journal;
                int from = j.firstAfterSequence(afterSequence);
                int to = (int) Math.min(j.size(), (long) from + limit);
                List<JournalEntry> out = new ArrayList<>(Math.max(0, to - from));
                for (int p = from; p < to; p++) {
                    out.add(j.entry(p, d));
                }
                return List.copyOf(out);
            } finally {
                unlockRead();
            }
        }

        @Override
        public List<JournalEntry> expiredPendings(Instant expiredBy, int limit) {
            lockRead();
            try {
                List<JournalEntry> out = new ArrayList<>();
                for (Hold h : d.expiring) {
                    if (out.size() >= limit || h.expiresAt().isAfter(expiredBy)) {
                        break;
                    }
                    out.add(d.journal.entry(h.position(), d));
                }
                return out;
            } finally {
                unlockRead();
            }
        }

        @Override
        public PeriodStatus periodStatus() {
            return d.period;
        }
    }

    /** A unit of work: reads see committed data plus this unit's new accounts; writes apply at commit. */
    private static final class MemoryTx extends MemoryReader implements LedgerTx, Journal.Accounts {
        /** Slots this unit of work looked up, by key identity: one entry's ids are looked up many times. */
        private final AccountId[] seenIds = new AccountId[4];
        private final Slot[] seenSlots = new Slot[4];
        private int seen;
        private Map<AccountId, Account> newAccounts;
        private Map<AccountId, Account> changedAccounts;
        private List<JournalEntry> newEntries;
        private Map<AccountId, AccountCounters> newCounters;
        private PeriodStatus newPeriod;
        private long sequence;

        MemoryTx(TenantData d) {
            super(d);
            this.sequence = d.sequence;
        }

        // The write lock is held: read locks are re-entrant but unnecessary.
        @Override
        void lockRead() {
        }

        @Override
        void unlockRead() {
        }

        @Override
        void lockReadIndexed() {
            d.indexMovements();
        }

        /** The committed slot of {@code id}, or null. */
        private Slot slot(AccountId id) {
            for (int i = 0; i < seen; i++) {
                if (seenIds[i] == id) {
                    return seenSlots[i];
                }
            }
            Slot s = d.slots.get(id);
            if (s != null && seen < seenIds.length) {
                seenIds[seen] = id;
                seenSlots[seen++] = s;
            }
            return s;
        }

        @Override
        public int indexOf(AccountId id) {
            return slot(id).index;
        }

        @Override
        public AccountId idAt(int index) {
            return d.idAt(index);
        }

        @Override
        public CurrencyUnit currencyAt(int index) {
            return d.currencyAt(index);
        }

        @Override
        public Optional<Account> account(AccountId id) {
            if (newAccounts != null) {
                Account a = newAccounts.get(id);
                if (a != null) {
                    return Optional.of(a);
                }
            }
            Slot s = slot(id);
            return s == null ? Optional.empty() : Optional.of(s.state.account());
        }

        @Override
        public Optional<Account> accountByCode(String code) {
            if (newAccounts != null) {
                for (Account a : newAccounts.values()) {
                    if (a.code().equals(code)) {
                        return Optional.of(a);
                    }
                }
            }
            return super.accountByCode(code);
        }

        @Override
        public Map<AccountId, AccountState> lockAccounts(Collection<AccountId> ids) {
            // The write lock is held: every account is locked already; return their current states.
            AccountId[] keys = new AccountId[ids.size()];
            AccountState[] states = new AccountState[keys.length];
            int n = 0;
            for (AccountId id : ids) {
                AccountState st = current(id);
                if (st != null) {
                    keys[n] = id;
                    states[n++] = st;
                }
            }
            return SmallMap.of(keys, states, n);
        }

        private AccountState current(AccountId id) {
            Slot s = slot(id);
            AccountState st = s == null ? null : s.state;
            if (st == null && newAccounts != null && newAccounts.containsKey(id)) {
                st = new AccountState(newAccounts.get(id), AccountCounters.ZERO);
            }
            if (st != null && changedAccounts != null && changedAccounts.containsKey(id)) {
                st = new AccountState(changedAccounts.get(id), st.counters());
            }
            if (st != null && newCounters != null && newCounters.containsKey(id)) {
                st = st.with(newCounters.get(id));
            }
            return st;
        }

        @Override
        public PeriodStatus lockPeriodStatus(boolean exclusive) {
            return newPeriod != null ? newPeriod : d.period;
        }

        @Override
        public long nextSequence() {
            return ++sequence;
        }

        @Override
        public void insertAccount(Account account) {
            if (account(account.id()).isPresent() || accountByCode(account.code()).isPresent()) {
                throw LedgerErrorCode.ACCOUNT_EXISTS.exception("code", "an account with this code or id exists", account.code());
            }
            if (newAccounts == null) {
                newAccounts = new java.util.LinkedHashMap<>();
            }
            newAccounts.put(account.id(), account);
        }

        @Override
        public void updateAccount(Account account) {
            if (newAccounts != null && newAccounts.containsKey(account.id())) {
                newAccounts.put(account.id(), account);
                return;
            }
            if (changedAccounts == null) {
                changedAccounts = new HashMap<>();
            }
            changedAccounts.put(account.id(), account);
        }

        @Override
        public void write(List<JournalEntry> entries, List<Movement> movements, Map<AccountId, AccountCounters> counters) {
            Invariants.entriesBalance(entries);
            if (!d.lock.isWriteLockedByCurrentThread()) { // every account of the tenant is locked by its write lock
                throw new IllegalStateException("invariant broken: a unit of work writes without its tenant's lock");
            }
            for (int i = 0; i < entries.size(); i++) {
                JournalEntry e = entries.get(i);
                if (!d.journal.accepts(e)) {
                    throw LedgerErrorCode.IDEMPOTENCY_CONFLICT.exception("id", "an entry with this id, key or target exists", e.id());
                }
            }
            // Movements are not kept as given: commit derives them from the entries (LedgerEngine.forEachMovement).
            if (newEntries == null) {
                newEntries = entries;
                newCounters = counters;
            } else {
                newEntries = concat(newEntries, entries);
                Map<AccountId, AccountCounters> c = new HashMap<>(newCounters);
                c.putAll(counters);
                newCounters = c;
            }
        }

        private static <E> List<E> concat(List<E> a, List<E> b) {
            List<E> out = new ArrayList<>(a.size() + b.size());
            out.addAll(a);
            out.addAll(b);
            return out;
        }

        @Override
        public void setPeriodStatus(PeriodStatus status) {
            newPeriod = Check.notNull(status, "status");
        }

        /** Appends {@code e} to the journal and its movements to its accounts. */
        private void append(JournalEntry e) {
            int position = d.journal.append(e, this);
            if (e.kind() == EntryKind.PENDING && e.expiresAt().isPresent()) {
                d.expiring.add(new Hold(e.expiresAt().get(), e.sequence(), position));
            }
            if (e.pendingId().isPresent()) {
                JournalEntry hold = d.journal.entry(d.journal.find(e.pendingId().get()), d);
                if (hold.expiresAt().isPresent()) {
                    d.expiring.remove(new Hold(hold.expiresAt().get(), hold.sequence(), -1));
                }
            }
        }

        void commit() {
            d.sequence = sequence;
            if (newAccounts != null) {
                for (Account a : newAccounts.values()) {
                    d.addAccount(a);
                }
            }
            if (changedAccounts != null) {
                for (Account a : changedAccounts.values()) {
                    Slot s = d.accounts.get(a.id());
                    s.state = new AccountState(a, s.state.counters());
                }
            }
            if (newEntries != null) {
                for (int k = 0; k < newEntries.size(); k++) {
                    append(newEntries.get(k));
                }
                newCounters.forEach((id, counters) -> {
                    Slot s = slot(id);
                    s.state = s.state.with(counters);
                });
            }
            if (newPeriod != null) {
                d.period = newPeriod;
            }
        }
    }
}
