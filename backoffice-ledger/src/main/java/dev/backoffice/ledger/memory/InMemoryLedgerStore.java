package dev.backoffice.ledger.memory;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.AccountState;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryKind;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.LedgerErrorCode;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.Movement;
import dev.backoffice.ledger.PeriodStatus;
import dev.backoffice.ledger.EntryLine;
import dev.backoffice.ledger.internal.LedgerEngine;

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
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * A {@link LedgerStore} in memory: for tests, demos and single-process apps that keep the
 * journal elsewhere. Thread-safe.
 *
 * <p>One read-write lock per tenant: a unit of work holds the write lock (so units of one
 * tenant run one at a time and never deadlock), buffers its writes and applies them only when
 * the work returns, so a failing unit leaves no trace. The current state of one account
 * ({@link Reader#state}) is read without locking from an immutable snapshot; other reads take
 * the read lock.
 */
public final class InMemoryLedgerStore implements LedgerStore {

    private final ConcurrentMap<TenantId, TenantData> tenants = new ConcurrentHashMap<>();

    private InMemoryLedgerStore() {
    }

    /** An empty store. */
    public static InMemoryLedgerStore create() {
        return new InMemoryLedgerStore();
    }

    private TenantData data(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        TenantData d = tenants.get(tenant);
        return d != null ? d : tenants.computeIfAbsent(tenant, TenantData::new);
    }

    @Override
    public <T> T inTransaction(TenantId tenant, Function<Tx, T> work) {
        Check.notNull(work, "work");
        TenantData d = data(tenant);
        d.lock.writeLock().lock();
        try {
            MemoryTx tx = new MemoryTx(d);
            T result = work.apply(tx);
            tx.commit();
            return result;
        } finally {
            d.lock.writeLock().unlock();
        }
    }

    @Override
    public Reader reader(TenantId tenant) {
        return new MemoryReader(data(tenant));
    }

    /**
     * One account: its current state (immutable snapshot) and where its movements are, in
     * booking order, packed as {@code journalPosition << 20 | movementIndex}. Movements are not
     * stored: they are derived from the journal by {@link LedgerEngine#movement}, which keeps
     * the heap small (and the garbage collector fast) at millions of entries.
     */
    private static final class Slot {
        volatile AccountState state;
        long[] refs = new long[4];
        int size;

        Slot(AccountState state) {
            this.state = state;
        }

        void add(long ref) {
            if (size == refs.length) {
                refs = Arrays.copyOf(refs, size * 2);
            }
            refs[size++] = ref;
        }
    }

    private static final Comparator<JournalEntry> BY_EXPIRY = Comparator
            .comparing((JournalEntry e) -> e.expiresAt().orElseThrow()).thenComparingLong(JournalEntry::sequence);
    private static final Comparator<Movement> BY_POSITION = Comparator.comparing(Movement::effectiveDate)
            .thenComparingLong(Movement::sequence).thenComparingInt(Movement::index);

    private static final class TenantData {
        final TenantId tenant;
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        final ConcurrentHashMap<AccountId, Slot> accounts = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, AccountId> byCode = new ConcurrentHashMap<>();
        final EntryIndex entries = new EntryIndex();
        final ArrayList<JournalEntry> journal = new ArrayList<>();
        final HashMap<String, JournalEntry> byKey = new HashMap<>();
        final HashMap<EntryId, JournalEntry> resolutions = new HashMap<>();
        final HashMap<EntryId, JournalEntry> reversals = new HashMap<>();
        final TreeSet<JournalEntry> expiring = new TreeSet<>(BY_EXPIRY);
        volatile PeriodStatus period = PeriodStatus.open();
        long sequence;

        TenantData(TenantId tenant) {
            this.tenant = tenant;
        }

        /** The entry with {@code id}, or null. */
        JournalEntry entry(EntryId id) {
            int p = entries.get(id);
            return p < 0 ? null : journal.get(p);
        }

        /** The movement a slot reference points at. */
        Movement movement(long ref) {
            JournalEntry e = journal.get((int) (ref >>> 20));
            List<EntryLine> held = e.kind() == EntryKind.POST_PENDING ? entry(e.pendingId().orElseThrow()).lines() : null;
            return LedgerEngine.movement(e, held, (int) (ref & 0xFFFFF));
        }
    }

    private static class MemoryReader implements Reader {
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

        @Override
        public TenantId tenant() {
            return d.tenant;
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
            lockRead();
            try {
                Slot s = d.accounts.get(id);
                AccountCounters c = s == null ? null : sum(d, s, asOf, true);
                return c == null ? AccountCounters.ZERO : c;
            } finally {
                unlockRead();
            }
        }

        private static AccountCounters sum(TenantData d, Slot s, LocalDate asOf, boolean includeClosing) {
            AccountCounters c = null;
            for (int i = 0; i < s.size; i++) {
                Movement m = d.movement(s.refs[i]);
                if (!m.effectiveDate().isAfter(asOf) && (includeClosing || m.kind() != EntryKind.CLOSING)) {
                    c = c == null ? AccountCounters.ZERO.apply(m) : c.apply(m);
                }
            }
            return c;
        }

        @Override
        public Map<AccountId, AccountCounters> countersAsOf(LocalDate asOf, boolean includeClosing) {
            lockRead();
            try {
                Map<AccountId, AccountCounters> out = new HashMap<>();
                for (Map.Entry<AccountId, Slot> e : d.accounts.entrySet()) {
                    AccountCounters c = sum(d, e.getValue(), asOf, includeClosing);
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
                return Optional.ofNullable(d.entry(id));
            } finally {
                unlockRead();
            }
        }

        @Override
        public Optional<JournalEntry> entryByIdempotencyKey(String key) {
            lockRead();
            try {
                return Optional.ofNullable(d.byKey.get(key));
            } finally {
                unlockRead();
            }
        }

        @Override
        public Optional<JournalEntry> resolutionOf(EntryId pendingId) {
            lockRead();
            try {
                return Optional.ofNullable(d.resolutions.get(pendingId));
            } finally {
                unlockRead();
            }
        }

        @Override
        public Optional<JournalEntry> reversalOf(EntryId entryId) {
            lockRead();
            try {
                return Optional.ofNullable(d.reversals.get(entryId));
            } finally {
                unlockRead();
            }
        }

        @Override
        public List<Movement> postedMovements(AccountId account, LocalDate from, LocalDate to, MovementPosition after, int limit) {
            lockRead();
            try {
                Slot s = d.accounts.get(account);
                if (s == null) {
                    return List.of();
                }
                List<Movement> hits = new ArrayList<>();
                for (int i = 0; i < s.size; i++) {
                    Movement m = d.movement(s.refs[i]);
                    if (m.pending() || m.effectiveDate().isBefore(from) || m.effectiveDate().isAfter(to)) {
                        continue;
                    }
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
                List<JournalEntry> j = d.journal;
                int lo = 0;
                int hi = j.size();
                while (lo < hi) { // first index with sequence > afterSequence
                    int mid = (lo + hi) >>> 1;
                    if (j.get(mid).sequence() <= afterSequence) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                return List.copyOf(j.subList(lo, Math.min(j.size(), lo + limit)));
            } finally {
                unlockRead();
            }
        }

        @Override
        public List<JournalEntry> expiredPendings(Instant expiredBy, int limit) {
            lockRead();
            try {
                List<JournalEntry> out = new ArrayList<>();
                for (JournalEntry e : d.expiring) {
                    if (out.size() >= limit || e.expiresAt().orElseThrow().isAfter(expiredBy)) {
                        break;
                    }
                    out.add(e);
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
    private static final class MemoryTx extends MemoryReader implements Tx {
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
        public Optional<Account> account(AccountId id) {
            if (newAccounts != null) {
                Account a = newAccounts.get(id);
                if (a != null) {
                    return Optional.of(a);
                }
            }
            return super.account(id);
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
            if (ids.size() <= 2) { // the common two-posting case, without a HashMap
                var it = ids.iterator();
                AccountId a = it.hasNext() ? it.next() : null;
                AccountId b = it.hasNext() ? it.next() : null;
                AccountState sa = a == null ? null : current(a);
                AccountState sb = b == null ? null : current(b);
                if (sa != null && sb != null && !a.equals(b)) {
                    return Map.of(a, sa, b, sb);
                }
                if (sa != null) {
                    return Map.of(a, sa);
                }
                return sb != null ? Map.of(b, sb) : Map.of();
            }
            Map<AccountId, AccountState> out = new HashMap<>(ids.size() * 2);
            for (AccountId id : ids) {
                AccountState st = current(id);
                if (st != null) {
                    out.put(id, st);
                }
            }
            return out;
        }

        private AccountState current(AccountId id) {
            Slot s = d.accounts.get(id);
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
            for (JournalEntry e : entries) {
                if (d.entries.get(e.id()) >= 0 || (e.idempotencyKey().isPresent() && d.byKey.containsKey(e.idempotencyKey().get()))
                        || (e.pendingId().isPresent() && d.resolutions.containsKey(e.pendingId().get()))
                        || (e.reverses().isPresent() && d.reversals.containsKey(e.reverses().get()))) {
                    throw LedgerErrorCode.IDEMPOTENCY_CONFLICT.exception("id", "an entry with this id, key or target exists", e.id());
                }
            }
            // Movements are not kept: commit derives them from the entries (LedgerEngine.forEachMovement).
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

        void commit() {
            d.sequence = sequence;
            if (newAccounts != null) {
                for (Account a : newAccounts.values()) {
                    d.accounts.put(a.id(), new Slot(new AccountState(a, AccountCounters.ZERO)));
                    d.byCode.put(a.code(), a.id());
                }
            }
            if (changedAccounts != null) {
                for (Account a : changedAccounts.values()) {
                    Slot s = d.accounts.get(a.id());
                    s.state = new AccountState(a, s.state.counters());
                }
            }
            if (newEntries != null) {
                int base = d.journal.size();
                for (JournalEntry e : newEntries) {
                    d.entries.put(e.id(), d.journal.size());
                    d.journal.add(e);
                    if (e.idempotencyKey().isPresent()) {
                        d.byKey.put(e.idempotencyKey().get(), e);
                    }
                    if (e.pendingId().isPresent()) {
                        d.resolutions.put(e.pendingId().get(), e);
                        JournalEntry pending = d.entry(e.pendingId().get());
                        if (pending != null && pending.expiresAt().isPresent()) {
                            d.expiring.remove(pending);
                        }
                    }
                    if (e.reverses().isPresent()) {
                        d.reversals.put(e.reverses().get(), e);
                    }
                    if (e.kind() == EntryKind.PENDING && e.expiresAt().isPresent()) {
                        d.expiring.add(e);
                    }
                }
                for (int k = 0; k < newEntries.size(); k++) { // index each movement under its account
                    JournalEntry e = newEntries.get(k);
                    long pos = base + k;
                    List<EntryLine> held = e.kind() == EntryKind.POST_PENDING ? d.entry(e.pendingId().orElseThrow()).lines() : null;
                    LedgerEngine.forEachMovement(e, held, (i, account, side, pending, amount) ->
                            d.accounts.get(account).add((pos << 20) | i));
                }
                for (Map.Entry<AccountId, AccountCounters> c : newCounters.entrySet()) {
                    Slot s = d.accounts.get(c.getKey());
                    s.state = s.state.with(c.getValue());
                }
            }
            if (newPeriod != null) {
                d.period = newPeriod;
            }
        }
    }
}
