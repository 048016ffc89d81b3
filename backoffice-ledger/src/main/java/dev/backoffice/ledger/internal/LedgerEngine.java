package dev.backoffice.ledger.internal;

import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountFlag;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.AccountRef;
import dev.backoffice.ledger.AccountState;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryKind;
import dev.backoffice.ledger.EntryLine;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.LedgerErrorCode;
import dev.backoffice.ledger.Movement;
import dev.backoffice.ledger.PeriodStatus;
import dev.backoffice.ledger.Posting;
import dev.backoffice.ledger.Side;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The ledger's rules, free of storage: every store runs the same code.
 *
 * <p>Two steps. A <em>planner</em> ({@link #draft}, {@link #planPost}, {@link #planVoid},
 * {@link #planReversal}, {@link #planYearEnd}) turns a request into a {@link Draft}: the entry to
 * store and its {@link Movement}s (the counter changes), checking everything that needs no
 * balances (shape, amounts, balance per currency, pending state, reversal state). Then
 * {@link #apply} takes the drafts of one atomic unit and the locked accounts with their current
 * counters, and checks what needs them (accounts known, open, in the posting's currency; the
 * period; overflow; balance limits with TigerBeetle's pending semantics), returning either the
 * new counters or the first failure with its index. Pure: no I/O, no clock, no mutation of the
 * inputs.
 */
public final class LedgerEngine {

    private LedgerEngine() {
    }

    /**
     * An entry ready to be applied.
     *
     * @param index position in its batch
     * @param entry the entry to store
     * @param held  for a post of a hold, the hold's lines (released by it); otherwise null
     */
    public record Draft(int index, JournalEntry entry, List<EntryLine> held) {

        /** Its counter changes ({@link LedgerEngine#movements}), as a view computed on access. */
        public List<Movement> movements() {
            int size = movementCount(entry, held);
            return new java.util.AbstractList<>() {
                @Override
                public Movement get(int i) {
                    return movement(entry, held, i);
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }

    /** Receives the movements of an entry one at a time, without allocating them. */
    @FunctionalInterface
    public interface MovementSink {
        /** Movement {@code index}: {@code amount} (negative for a release) on a counter of {@code account}. */
        void accept(int index, AccountId account, Side side, boolean pending, long amount);
    }

    /**
     * What {@link #apply} decided.
     *
     * @param counters the new counters of every touched account
     */
    public record Applied(Map<AccountId, AccountCounters> counters) {
    }

    // ------------------------------------------------------------------ movements

    /**
     * The movements of {@code entry}: the one definition of what an entry does to counters,
     * used by the planners and by stores that derive movements instead of storing them.
     *
     * <ul>
     *   <li>standard, reversal, closing: each line moves its posted counter up;</li>
     *   <li>pending: each line moves its pending counter up;</li>
     *   <li>void and expiry: each line (the hold's lines) moves its pending counter down;</li>
     *   <li>post: the hold's lines ({@code held}) move pending counters down, then each line
     *       moves its posted counter up.</li>
     * </ul>
     *
     * @param held for a post, the lines of the hold it posts; otherwise ignored (may be null)
     */
    public static List<Movement> movements(JournalEntry entry, List<EntryLine> held) {
        Movement[] out = new Movement[movementCount(entry, held)];
        forEachMovement(entry, held, (i, account, side, pending, amount) ->
                out[i] = new Movement(entry.sequence(), entry.id(), i, account, entry.effectiveDate(), entry.kind(), side,
                        pending, amount));
        return List.of(out);
    }

    /** How many movements {@code entry} has ({@code held} as in {@link #movements}). */
    public static int movementCount(JournalEntry entry, List<EntryLine> held) {
        return entry.kind() == EntryKind.POST_PENDING ? held.size() + entry.lines().size() : entry.lines().size();
    }

    /** The movements of {@link #movements}, handed to {@code sink} in order. */
    public static void forEachMovement(JournalEntry entry, List<EntryLine> held, MovementSink sink) {
        List<EntryLine> lines = entry.lines();
        EntryKind kind = entry.kind();
        int k = 0;
        if (kind == EntryKind.POST_PENDING) {
            for (int i = 0; i < held.size(); i++) {
                EntryLine l = held.get(i);
                sink.accept(k++, l.account(), l.side(), true, -l.amount().getAmountMinorLong());
            }
        }
        boolean pending = kind == EntryKind.PENDING || kind == EntryKind.VOID_PENDING || kind == EntryKind.EXPIRE_PENDING;
        boolean release = kind == EntryKind.VOID_PENDING || kind == EntryKind.EXPIRE_PENDING;
        for (int i = 0; i < lines.size(); i++) {
            EntryLine l = lines.get(i);
            long amount = l.amount().getAmountMinorLong();
            sink.accept(k++, l.account(), l.side(), pending, release ? -amount : amount);
        }
    }

    /** Movement {@code index} of {@code entry} alone (see {@link #movements}); {@code held} as there. */
    public static Movement movement(JournalEntry entry, List<EntryLine> held, int index) {
        Movement[] found = new Movement[1];
        forEachMovement(entry, held, (i, account, side, pending, amount) -> {
            if (i == index) {
                found[0] = new Movement(entry.sequence(), entry.id(), i, account, entry.effectiveDate(), entry.kind(), side,
                        pending, amount);
            }
        });
        if (found[0] == null) {
            throw new IndexOutOfBoundsException(index);
        }
        return found[0];
    }

    // ------------------------------------------------------------------ planners

    /**
     * Drafts a new standard or pending entry: checks the shape of {@code request} (two or more
     * postings, positive amounts, balanced per currency, no account on both sides, expiry after
     * {@code now}) and resolves its account references with {@code resolver} (null for unknown).
     */
    public static Draft draft(int index, EntryRequest request, Function<AccountRef, AccountId> resolver,
                              EntryId id, long sequence, Instant now) {
        return draft(index, request, resolver, id, sequence, now, false);
    }

    /**
     * As {@link #draft(int, EntryRequest, Function, EntryId, long, Instant)}; with {@code replay}
     * the draft is only compared with a stored entry of the same id or key ({@link #sameContent}),
     * so the checks that depend on when it is made, or on rules newer than the stored entry (the
     * expiry against the clock, an account on both sides), are left to that comparison: the same
     * content returns the stored entry even after the hold's expiry passed.
     */
    public static Draft draft(int index, EntryRequest request, Function<AccountRef, AccountId> resolver,
                              EntryId id, long sequence, Instant now, boolean replay) {
        List<Posting> postings = request.postings();
        int n = postings.size();
        if (n < 2) {
            throw new Rejection(index, LedgerErrorCode.TOO_FEW_POSTINGS, "postings",
                    "an entry needs at least two postings", n);
        }
        if (n > EntryRequest.MAX_POSTINGS) {
            throw new Rejection(index, LedgerErrorCode.TOO_MANY_POSTINGS, "postings",
                    "an entry may have at most " + EntryRequest.MAX_POSTINGS + " postings", n);
        }
        checkBalanced(index, postings);
        if (!replay && request.expiresAt().isPresent() && !request.expiresAt().get().isAfter(now)) {
            throw new Rejection(index, LedgerErrorCode.INVALID_EXPIRY, "expiresAt", "must be after the booking instant " + now,
                    request.expiresAt().get());
        }
        EntryKind kind = request.pending() ? EntryKind.PENDING : EntryKind.STANDARD;
        EntryLine[] lines = new EntryLine[n];
        for (int i = 0; i < n; i++) {
            Posting p = postings.get(i);
            AccountId account = resolver.apply(p.account());
            if (account == null) {
                throw new Rejection(index, LedgerErrorCode.ACCOUNT_NOT_FOUND, "postings[" + i + "].account",
                        "no such account", p.account());
            }
            lines[i] = new EntryLine(account, p.side(), p.amount());
        }
        if (!replay) {
            checkAccountsOnOneSide(index, lines);
        }
        JournalEntry entry = new JournalEntry(id, sequence, kind, request.effectiveDate(), now, request.description(),
                request.metadata(), request.idempotencyKey(), List.of(lines), Optional.empty(), Optional.empty(),
                request.expiresAt());
        return new Draft(index, entry, null);
    }

    /**
     * No account may be both debited and credited by one entry (TigerBeetle: a transfer's accounts
     * must be different): it would inflate both of its counters and move nothing. An account may
     * appear several times on one side (the amounts add up).
     */
    private static void checkAccountsOnOneSide(int index, EntryLine[] lines) {
        int n = lines.length;
        if (n <= 16) {
            for (int i = 1; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    if (lines[i].side() != lines[j].side() && lines[i].account().equals(lines[j].account())) {
                        throw sameAccount(index, i, lines[i].account());
                    }
                }
            }
            return;
        }
        Map<AccountId, Side> sides = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Side before = sides.putIfAbsent(lines[i].account(), lines[i].side());
            if (before != null && before != lines[i].side()) {
                throw sameAccount(index, i, lines[i].account());
            }
        }
    }

    private static Rejection sameAccount(int index, int posting, AccountId account) {
        return new Rejection(index, LedgerErrorCode.ACCOUNTS_MUST_BE_DIFFERENT, "postings[" + posting + "].account",
                "is both debited and credited by this entry; an account may be on one side of an entry only", account);
    }

    private static void checkBalanced(int index, List<Posting> postings) {
        CurrencyUnit first = postings.get(0).amount().getCurrencyUnit();
        long net = 0;
        boolean single = true;
        for (int i = 0; i < postings.size(); i++) {
            Posting p = postings.get(i);
            Money amount = p.amount();
            long minor = minor(index, i, amount);
            if (minor <= 0) {
                throw new Rejection(index, LedgerErrorCode.NON_POSITIVE_AMOUNT, "postings[" + i + "].amount",
                        "must be greater than zero", amount);
            }
            if (!amount.getCurrencyUnit().equals(first)) {
                single = false;
                continue;
            }
            net = add(index, i, net, p.side() == Side.DEBIT ? minor : -minor);
        }
        if (single) {
            if (net != 0) {
                throw new Rejection(index, LedgerErrorCode.UNBALANCED, "postings",
                        "debits and credits differ by " + Money.ofMinor(first, Math.abs(net)) + " in " + first, net);
            }
            return;
        }
        Map<CurrencyUnit, Long> nets = new TreeMap<>();
        for (int i = 0; i < postings.size(); i++) {
            Posting p = postings.get(i);
            long minor = p.amount().getAmountMinorLong();
            int at = i;
            nets.merge(p.amount().getCurrencyUnit(), p.side() == Side.DEBIT ? minor : -minor, (a, b) -> add(index, at, a, b));
        }
        for (Map.Entry<CurrencyUnit, Long> e : nets.entrySet()) {
            if (e.getValue() != 0) {
                throw new Rejection(index, LedgerErrorCode.UNBALANCED, "postings",
                        "debits and credits differ by " + Money.ofMinor(e.getKey(), Math.abs(e.getValue())) + " in " + e.getKey(),
                        e.getValue());
            }
        }
    }

    /**
     * Plans posting a hold: in full ({@code amount} empty) or partly (a hold of one debit and one
     * credit line only; the remainder is released). The new entry is dated {@code date}.
     */
    public static Draft planPost(JournalEntry pending, Optional<JournalEntry> resolution, Optional<Money> amount,
                                 EntryId id, long sequence, Instant now, LocalDate date) {
        checkResolvable(pending, resolution, now);
        List<EntryLine> posted = pending.lines();
        if (amount.isPresent()) {
            Money a = amount.get();
            List<EntryLine> held = pending.lines();
            if (held.size() != 2 || held.get(0).side() == held.get(1).side()
                    || !held.get(0).amount().getCurrencyUnit().equals(held.get(1).amount().getCurrencyUnit())) {
                throw new Rejection(0, LedgerErrorCode.PARTIAL_POST_UNSUPPORTED, "amount",
                        "a partial post needs a hold of one debit and one credit line", held.size());
            }
            Money heldAmount = held.get(0).amount();
            if (!a.getCurrencyUnit().equals(heldAmount.getCurrencyUnit())) {
                throw new Rejection(0, LedgerErrorCode.CURRENCY_MISMATCH, "amount", "must be in " + heldAmount.getCurrencyUnit(), a);
            }
            long minor;
            try {
                minor = a.getAmountMinorLong();
            } catch (ArithmeticException e) {
                throw new Rejection(0, LedgerErrorCode.OVERFLOW, "amount", "does not fit in 64-bit minor units", a);
            }
            if (minor <= 0) {
                throw new Rejection(0, LedgerErrorCode.NON_POSITIVE_AMOUNT, "amount", "must be greater than zero", a);
            }
            if (minor > heldAmount.getAmountMinorLong()) {
                throw new Rejection(0, LedgerErrorCode.EXCEEDS_PENDING_AMOUNT, "amount",
                        "exceeds the held " + heldAmount, a);
            }
            posted = List.of(new EntryLine(held.get(0).account(), held.get(0).side(), a),
                    new EntryLine(held.get(1).account(), held.get(1).side(), a));
        }
        JournalEntry entry = new JournalEntry(id, sequence, EntryKind.POST_PENDING, date, now,
                "Post of " + pending.description(), Map.of(), Optional.empty(), posted, Optional.of(pending.id()),
                Optional.empty(), Optional.empty());
        return new Draft(0, entry, pending.lines());
    }

    /**
     * Plans voiding a hold, by request ({@link EntryKind#VOID_PENDING}) or because it expired
     * ({@link EntryKind#EXPIRE_PENDING}; then {@code now} is the expiry cut-off and the hold's
     * expiry is not a failure).
     */
    public static Draft planVoid(JournalEntry pending, Optional<JournalEntry> resolution, EntryKind kind,
                                 EntryId id, long sequence, Instant now, LocalDate date) {
        if (kind == EntryKind.EXPIRE_PENDING) {
            checkResolvable(pending, resolution, Instant.MIN);
        } else {
            checkResolvable(pending, resolution, now);
        }
        String what = kind == EntryKind.EXPIRE_PENDING ? "Expiry of " : "Void of ";
        JournalEntry entry = new JournalEntry(id, sequence, kind, date, now, what + pending.description(), Map.of(),
                Optional.empty(), pending.lines(), Optional.of(pending.id()), Optional.empty(), Optional.empty());
        return new Draft(0, entry, null);
    }

    private static void checkResolvable(JournalEntry pending, Optional<JournalEntry> resolution, Instant now) {
        if (pending.kind() != EntryKind.PENDING) {
            throw new Rejection(0, LedgerErrorCode.NOT_PENDING, "pendingId", "is a " + pending.kind() + " entry, not a hold",
                    pending.id());
        }
        if (resolution.isPresent()) {
            EntryKind k = resolution.get().kind();
            LedgerErrorCode code = k == EntryKind.POST_PENDING ? LedgerErrorCode.PENDING_ALREADY_POSTED
                    : k == EntryKind.VOID_PENDING ? LedgerErrorCode.PENDING_ALREADY_VOIDED : LedgerErrorCode.PENDING_EXPIRED;
            throw new Rejection(0, code, "pendingId", "the hold was already resolved by " + resolution.get().id(), pending.id());
        }
        if (pending.expiresAt().isPresent() && !pending.expiresAt().get().isAfter(now)) {
            throw new Rejection(0, LedgerErrorCode.PENDING_EXPIRED, "pendingId",
                    "the hold expired at " + pending.expiresAt().get(), pending.id());
        }
    }

    /**
     * Plans the reversal of {@code original}: the mirror entry (sides swapped), dated
     * {@code date} or the original's date if later. Holds and their voids cannot be reversed;
     * an entry is reversed at most once (a reversal may itself be reversed, once).
     */
    public static Draft planReversal(JournalEntry original, Optional<JournalEntry> existingReversal, String reason,
                                     EntryId id, long sequence, Instant now, LocalDate date) {
        EntryKind k = original.kind();
        if (k == EntryKind.PENDING || k == EntryKind.VOID_PENDING || k == EntryKind.EXPIRE_PENDING) {
            throw new Rejection(0, LedgerErrorCode.NOT_REVERSIBLE, "entryId",
                    "a " + k + " entry cannot be reversed; void the hold instead", original.id());
        }
        if (existingReversal.isPresent()) {
            throw new Rejection(0, LedgerErrorCode.ALREADY_REVERSED, "entryId",
                    "already reversed by " + existingReversal.get().id(), original.id());
        }
        LocalDate effective = original.effectiveDate().isAfter(date) ? original.effectiveDate() : date;
        List<EntryLine> lines = new ArrayList<>(original.lines().size());
        for (EntryLine l : original.lines()) {
            lines.add(new EntryLine(l.account(), l.side().opposite(), l.amount()));
        }
        JournalEntry entry = new JournalEntry(id, sequence, EntryKind.REVERSAL, effective, now,
                "Reversal of " + original.description() + ": " + reason, Map.of("reversal.reason", reason), Optional.empty(),
                lines, Optional.empty(), Optional.of(original.id()), Optional.empty());
        return new Draft(0, entry, null);
    }

    /**
     * Plans the year-end closing entry: zeroes every income and expense account's posted balance
     * (from {@code balances}, as of {@code yearEnd}) against the retained-earnings account of
     * its currency. Empty when there is nothing to move.
     *
     * @param accounts         the chart
     * @param balances         counters as of the year end
     * @param retainedEarnings one equity account per currency
     */
    public static Optional<Draft> planYearEnd(List<Account> accounts, Map<AccountId, AccountCounters> balances,
                                              Map<CurrencyUnit, Account> retainedEarnings, EntryId id, long sequence,
                                              Instant now, LocalDate yearEnd) {
        List<EntryLine> lines = new ArrayList<>();
        Map<CurrencyUnit, Long> toRetained = new TreeMap<>();
        for (Account a : accounts) {
            if (!a.type().isTemporary()) {
                continue;
            }
            AccountCounters c = balances.get(a.id());
            if (c == null || c.postedNetDebit() == 0) {
                continue;
            }
            long netDebit = c.postedNetDebit();
            CurrencyUnit cur = a.currency();
            if (!retainedEarnings.containsKey(cur)) {
                throw new Rejection(0, LedgerErrorCode.ACCOUNT_NOT_FOUND, "retainedEarnings",
                        "no retained-earnings account given for " + cur, cur);
            }
            lines.add(new EntryLine(a.id(), netDebit > 0 ? Side.CREDIT : Side.DEBIT, Money.ofMinor(cur, Math.abs(netDebit))));
            toRetained.merge(cur, netDebit, Math::addExact);
        }
        for (Map.Entry<CurrencyUnit, Long> e : toRetained.entrySet()) {
            long net = e.getValue();
            if (net != 0) {
                lines.add(new EntryLine(retainedEarnings.get(e.getKey()).id(), net > 0 ? Side.DEBIT : Side.CREDIT,
                        Money.ofMinor(e.getKey(), Math.abs(net))));
            }
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        JournalEntry entry = new JournalEntry(id, sequence, EntryKind.CLOSING, yearEnd, now, "Year-end close " + yearEnd,
                Map.of(), Optional.empty(), lines, Optional.empty(), Optional.empty(), Optional.empty());
        return Optional.of(new Draft(0, entry, null));
    }

    /**
     * Whether a stored entry has the same content as a new draft of the same request (everything
     * but id, sequence and booking instant): decides between returning the original and a
     * {@link LedgerErrorCode#IDEMPOTENCY_CONFLICT}.
     */
    public static boolean sameContent(JournalEntry stored, JournalEntry draft) {
        return stored.kind() == draft.kind()
                && stored.effectiveDate().equals(draft.effectiveDate())
                && stored.description().equals(draft.description())
                && stored.metadata().equals(draft.metadata())
                && stored.idempotencyKey().equals(draft.idempotencyKey())
                && stored.lines().equals(draft.lines())
                && stored.expiresAt().equals(draft.expiresAt());
    }

    // ------------------------------------------------------------------ apply

    /**
     * Applies {@code drafts} in order to the locked accounts, all or nothing.
     *
     * @param drafts the entries of one atomic unit
     * @param locked every account the drafts touch, with current counters (missing: unknown)
     * @param period the period status read under lock
     * @return the new counters of every touched account
     * @throws Rejection for the first failing draft (nothing applied)
     */
    public static Applied apply(List<Draft> drafts, Map<AccountId, AccountState> locked, PeriodStatus period) {
        if (drafts.size() == 1) { // the common case, without an intermediate map
            Touched t = applyOne(drafts.get(0), locked, period, null);
            return new Applied(SmallMap.of(t.ids, t.counters, t.size));
        }
        Map<AccountId, AccountCounters> working = new HashMap<>(8);
        for (int d = 0; d < drafts.size(); d++) {
            applyOne(drafts.get(d), locked, period, working).putInto(working);
        }
        return new Applied(working);
    }

    /** The accounts one entry touches and their new counters. */
    private static final class Touched {
        final AccountId[] ids;
        final AccountCounters[] counters;
        int size;

        Touched(int capacity) {
            ids = new AccountId[capacity];
            counters = new AccountCounters[capacity];
        }

        void putInto(Map<AccountId, AccountCounters> m) {
            for (int j = 0; j < size; j++) {
                m.put(ids[j], counters[j]);
            }
        }
    }

    private static Touched applyOne(Draft draft, Map<AccountId, AccountState> locked, PeriodStatus period,
                                    Map<AccountId, AccountCounters> working) {
        int index = draft.index();
        JournalEntry entry = draft.entry();
        if (period.isClosed(entry.effectiveDate())) {
            throw new Rejection(index, LedgerErrorCode.PERIOD_CLOSED, "effectiveDate",
                    "the period is closed through " + period.closedThrough().orElseThrow(), entry.effectiveDate());
        }
        boolean releasesOnly = entry.kind() == EntryKind.VOID_PENDING || entry.kind() == EntryKind.EXPIRE_PENDING;
        List<EntryLine> lines = entry.lines();
        for (int i = 0; i < lines.size(); i++) {
            EntryLine l = lines.get(i);
            AccountState state = locked.get(l.account());
            if (state == null) {
                throw new Rejection(index, LedgerErrorCode.ACCOUNT_NOT_FOUND, "postings[" + i + "].account", "no such account",
                        l.account());
            }
            Account account = state.account();
            if (!account.currency().equals(l.amount().getCurrencyUnit())) {
                throw new Rejection(index, LedgerErrorCode.CURRENCY_MISMATCH, "postings[" + i + "].amount",
                        "account " + account.code() + " holds " + account.currency(), l.amount());
            }
            if (account.closed() && !releasesOnly) {
                throw new Rejection(index, LedgerErrorCode.ACCOUNT_CLOSED, "postings[" + i + "].account",
                        "account " + account.code() + " is closed", account.code());
            }
        }
        // Compute new counters into scratch arrays first, so a failure leaves 'working' untouched.
        Touched t = new Touched(movementCount(entry, draft.held()));
        forEachMovement(entry, draft.held(), (i, account, side, pending, amount) -> {
            int slot = -1;
            for (int j = 0; j < t.size; j++) {
                if (t.ids[j].equals(account)) {
                    slot = j;
                    break;
                }
            }
            if (slot < 0) {
                slot = t.size++;
                t.ids[slot] = account;
                AccountCounters current = working == null ? null : working.get(account);
                if (current == null) {
                    AccountState s = locked.get(account);
                    if (s == null) {
                        throw new Rejection(index, LedgerErrorCode.ACCOUNT_NOT_FOUND, "postings", "no such account", account);
                    }
                    current = s.counters();
                }
                t.counters[slot] = current;
            }
            try {
                t.counters[slot] = t.counters[slot].apply(side, pending, amount);
            } catch (ArithmeticException e) {
                throw new Rejection(index, LedgerErrorCode.OVERFLOW, "postings",
                        "a counter of account " + locked.get(account).account().code() + " would overflow", amount);
            }
        });
        AccountId[] ids = t.ids;
        AccountCounters[] next = t.counters;
        int touched = t.size;
        for (int j = 0; j < touched; j++) {
            checkLimits(index, locked.get(ids[j]).account(), next[j]);
        }
        return t;
    }

    /** TigerBeetle's balance limits: pending amounts on the restricted side count, on the other side they do not. */
    static void checkLimits(int index, Account account, AccountCounters c) {
        if (account.flags().isEmpty()) {
            return;
        }
        try {
            if (account.has(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)
                    && c.debitsExceedCredits()) {
                throw new Rejection(index, LedgerErrorCode.INSUFFICIENT_FUNDS, "postings",
                        "account " + account.code() + " would have debits (posted + pending) exceeding its posted credits by "
                                + Money.ofMinor(account.currency(), c.debitsPosted() + c.debitsPending() - c.creditsPosted()),
                        account.code());
            }
            if (account.has(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)
                    && c.creditsExceedDebits()) {
                throw new Rejection(index, LedgerErrorCode.CREDITS_EXCEED_DEBITS, "postings",
                        "account " + account.code() + " would have credits (posted + pending) exceeding its posted debits by "
                                + Money.ofMinor(account.currency(), c.creditsPosted() + c.creditsPending() - c.debitsPosted()),
                        account.code());
            }
        } catch (ArithmeticException e) {
            throw new Rejection(index, LedgerErrorCode.OVERFLOW, "postings", "a counter of account " + account.code() + " would overflow",
                    account.code());
        }
    }

    // ------------------------------------------------------------------ helpers for reports

    /** The posted balance of {@code c} on {@code type}'s normal side, in minor units. */
    public static long normalBalance(AccountType type, AccountCounters c) {
        long netDebit = c.postedNetDebit();
        return type.normalSide() == Side.DEBIT ? netDebit : Math.negateExact(netDebit);
    }

    private static long minor(int index, int posting, Money amount) {
        try {
            return amount.getAmountMinorLong();
        } catch (ArithmeticException e) {
            throw new Rejection(index, LedgerErrorCode.OVERFLOW, "postings[" + posting + "].amount",
                    "does not fit in 64-bit minor units", amount);
        }
    }

    private static long add(int index, int posting, long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new Rejection(index, LedgerErrorCode.OVERFLOW, "postings[" + posting + "].amount",
                    "the sum of the postings would overflow", a);
        }
    }
}
