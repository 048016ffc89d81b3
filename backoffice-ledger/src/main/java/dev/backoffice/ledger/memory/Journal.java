package dev.backoffice.ledger.memory;

import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryKind;
import dev.backoffice.ledger.EntryLine;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Side;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The journal of one tenant, stored in columns of primitives rather than as
 * {@link JournalEntry} objects.
 *
 * <p>Why: an in-memory ledger keeps every entry for ever, so nearly everything a post
 * allocates would survive, and a young collection would copy a graph of ~10 small objects per
 * entry (entry, id, UUID, lines, money, instant...) into the old generation: at a million entries
 * a second that tracing and copying was a fifth of the time, and pauses grew with the journal.
 * In columns an entry is ~100 bytes in a handful of large primitive arrays that the collector
 * copies as flat memory or not at all. Objects are made again when an entry is read
 * ({@link #entry}); reads are rarer than posts and the objects they make die young.
 *
 * <p>Entries are addressed by their <em>position</em> (0, 1, 2... in booking order). Lines are
 * stored with their account's dense index ({@link Accounts}) and a signed amount (debit
 * positive, credit negative: line amounts are always positive). Ids are found by bisection over
 * the (nearly all) entries whose ids arrived in increasing order, idempotency keys and other ids
 * through open-addressing {@link PositionIndex}es that hold positions only.
 *
 * <p>Not thread-safe: the store guards it with the tenant's lock.
 */
final class Journal {

    /** Account ids and currencies by dense index, as the store numbers its accounts. */
    interface Accounts {
        /** The dense index of {@code id}; the account must exist. */
        int indexOf(AccountId id);

        /** The id of the account with index {@code index}. */
        AccountId idAt(int index);

        /** The currency of the account with index {@code index}. */
        CurrencyUnit currencyAt(int index);
    }

    private static final EntryKind[] KINDS = EntryKind.values();

    // One entry is 8 longs in 'rows' (one cache line) and 4 references in 'refs':
    private static final int ID_HI = 0;
    private static final int ID_LO = 1;
    private static final int SEQUENCE = 2;
    private static final int BOOKED_SECONDS = 3;
    private static final int NANOS_DATE = 4;        // bookedAt nanos << 32 | effective date (epoch day)
    private static final int LINES_KIND = 5;        // first line << 8 | kind
    private static final int PENDING_REVERSE = 6;   // (position + 1) of the resolved hold << 32 | of the reversed entry
    private static final int RESOLVED_REVERSED = 7; // (position + 1) of this hold's resolution << 32 | of this entry's reversal
    private static final int ROW = 8;
    private static final int DESCRIPTION = 0;
    private static final int METADATA = 1;
    private static final int KEY = 2;
    private static final int EXPIRY = 3;
    private static final int REFS = 4;

    private int size;
    private int lineCount;
    private final Chunks.Longs rows = new Chunks.Longs();
    private final Chunks.Refs<Object> refs = new Chunks.Refs<>();
    /** Two longs per line: the account's dense index and the signed amount (debit positive). */
    private final Chunks.Longs lines = new Chunks.Longs();

    /*
     * Ids are found in two ways. Generated ids are UUIDv7 and strictly increasing in one JVM, so
     * nearly every entry's id is greater than every id before it: those positions are appended to
     * 'ordered' (sorted by id, searched by bisection), which costs nothing to maintain and answers
     * "is this new id taken?" with one comparison against the greatest id. The rest (ids supplied
     * by callers out of order) go to a hash index.
     */
    private final Chunks.Longs ordered = new Chunks.Longs();
    private int orderedSize;
    private final PositionIndex unordered = new PositionIndex() {
        @Override
        boolean matches(int position, long hi, long lo, String key) {
            return rows.get(ROW * position + ID_HI) == hi && rows.get(ROW * position + ID_LO) == lo;
        }
    };

    private final PositionIndex byKey = new PositionIndex() {
        @Override
        boolean matches(int position, long hi, long lo, String key) {
            return key.equals(refs.get(REFS * position + KEY));
        }
    };

    private long row(int position, int field) {
        return rows.get(ROW * position + field);
    }

    private static int high(long packed) {
        return (int) (packed >>> 32);
    }

    private static int low(long packed) {
        return (int) packed;
    }

    /** How many entries there are. */
    int size() {
        return size;
    }

    /** The position of the entry with {@code id}, or -1. */
    int find(EntryId id) {
        UUID u = id.value();
        long hi = u.getMostSignificantBits();
        long lo = u.getLeastSignificantBits();
        if (orderedSize == 0 || compareId(hi, lo, (int) ordered.get(orderedSize - 1)) > 0) {
            return -1; // greater than every id so far (ids in 'unordered' are below the greatest too)
        }
        int low = 0;
        int high = orderedSize - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int position = (int) ordered.get(mid);
            int c = compareId(hi, lo, position);
            if (c == 0) {
                return position;
            }
            if (c > 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return unordered.isEmpty() ? -1 : unordered.find(idHash(hi, lo), hi, lo, null);
    }

    /** Compares an id with the id at {@code position} (as unsigned 128-bit numbers). */
    private int compareId(long hi, long lo, int position) {
        int c = Long.compareUnsigned(hi, row(position, ID_HI));
        return c != 0 ? c : Long.compareUnsigned(lo, row(position, ID_LO));
    }

    private void indexId(int p) {
        long hi = row(p, ID_HI);
        long lo = row(p, ID_LO);
        if (orderedSize == 0 || compareId(hi, lo, (int) ordered.get(orderedSize - 1)) > 0) {
            ordered.set(orderedSize++, p);
        } else {
            unordered.add(idHash(hi, lo), p);
        }
    }

    /** The position of the entry with idempotency key {@code key}, or -1. */
    int findByKey(String key) {
        return byKey.find(key.hashCode(), 0, 0, key);
    }

    /** The position of the entry that resolved the hold at {@code position}, or -1. */
    int resolutionOf(int position) {
        return high(row(position, RESOLVED_REVERSED)) - 1;
    }

    /** The position of the reversal of the entry at {@code position}, or -1. */
    int reversalOf(int position) {
        return low(row(position, RESOLVED_REVERSED)) - 1;
    }

    long sequence(int position) {
        return row(position, SEQUENCE);
    }

    EntryKind kind(int position) {
        return KINDS[(int) (row(position, LINES_KIND) & 0xFF)];
    }

    EntryId id(int position) {
        return new EntryId(new UUID(row(position, ID_HI), row(position, ID_LO)));
    }

    /** The first position whose sequence is greater than {@code sequence} (sequences increase with position). */
    int firstAfterSequence(long sequence) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sequence(mid) <= sequence) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Whether {@code e} may be appended: its id, idempotency key, the hold it resolves and the
     * entry it reverses are all free. The store checks every entry of a unit of work before
     * appending any, so a unit either lands whole or not at all.
     */
    boolean accepts(JournalEntry e) {
        if (find(e.id()) >= 0 || (e.idempotencyKey().isPresent() && findByKey(e.idempotencyKey().get()) >= 0)) {
            return false;
        }
        if (e.pendingId().isPresent() && resolutionOf(require(e.pendingId().get())) >= 0) {
            return false;
        }
        return e.reverses().isEmpty() || reversalOf(require(e.reverses().get())) < 0;
    }

    private int require(EntryId target) {
        int p = find(target);
        if (p < 0) {
            throw new IllegalStateException("entry links to an unknown entry " + target);
        }
        return p;
    }

    /** Appends {@code e} (checked with {@link #accepts}) and returns its position. */
    int append(JournalEntry e, Accounts accounts) {
        int p = size;
        int r = ROW * p;
        UUID u = e.id().value();
        rows.set(r + ID_HI, u.getMostSignificantBits());
        rows.set(r + ID_LO, u.getLeastSignificantBits());
        rows.set(r + SEQUENCE, e.sequence());
        rows.set(r + BOOKED_SECONDS, e.bookedAt().getEpochSecond());
        rows.set(r + NANOS_DATE, ((long) e.bookedAt().getNano() << 32)
                | (Math.toIntExact(e.effectiveDate().toEpochDay()) & 0xFFFFFFFFL));
        rows.set(r + LINES_KIND, ((long) lineCount << 8) | e.kind().ordinal());
        int pending = e.pendingId().isPresent() ? require(e.pendingId().get()) : -1;
        int reversed = e.reverses().isPresent() ? require(e.reverses().get()) : -1;
        rows.set(r + PENDING_REVERSE, ((long) (pending + 1) << 32) | (reversed + 1));
        rows.set(r + RESOLVED_REVERSED, 0);
        int t = REFS * p;
        refs.set(t + DESCRIPTION, e.description());
        refs.set(t + METADATA, e.metadata().isEmpty() ? null : e.metadata());
        refs.set(t + KEY, e.idempotencyKey().orElse(null));
        refs.set(t + EXPIRY, e.expiresAt().orElse(null));
        List<EntryLine> entryLines = e.lines();
        for (int i = 0; i < entryLines.size(); i++) {
            EntryLine l = entryLines.get(i);
            long amount = l.amount().getAmountMinorLong();
            lines.set(2 * lineCount, accounts.indexOf(l.account()));
            lines.set(2 * lineCount + 1, l.side() == Side.DEBIT ? amount : -amount);
            lineCount++;
        }
        if (pending >= 0) { // this entry resolves that hold
            int at = ROW * pending + RESOLVED_REVERSED;
            rows.set(at, ((long) (p + 1) << 32) | (rows.get(at) & 0xFFFFFFFFL));
        }
        if (reversed >= 0) { // this entry reverses that one
            int at = ROW * reversed + RESOLVED_REVERSED;
            rows.set(at, (rows.get(at) & 0xFFFFFFFF00000000L) | (p + 1));
        }
        size++;
        indexId(p);
        if (e.idempotencyKey().isPresent()) {
            byKey.add(e.idempotencyKey().get().hashCode(), p);
        }
        return p;
    }

    /** The entry at {@code position}, as objects. */
    JournalEntry entry(int position, Accounts accounts) {
        int p = position;
        int t = REFS * p;
        @SuppressWarnings("unchecked")
        Map<String, String> meta = (Map<String, String>) refs.get(t + METADATA);
        long nanosDate = row(p, NANOS_DATE);
        long links = row(p, PENDING_REVERSE);
        return new JournalEntry(id(p), sequence(p), kind(p), LocalDate.ofEpochDay(low(nanosDate)),
                Instant.ofEpochSecond(row(p, BOOKED_SECONDS), high(nanosDate)), (String) refs.get(t + DESCRIPTION),
                meta == null ? Map.of() : meta, Optional.ofNullable((String) refs.get(t + KEY)), lines(p, accounts),
                high(links) == 0 ? Optional.empty() : Optional.of(id(high(links) - 1)),
                low(links) == 0 ? Optional.empty() : Optional.of(id(low(links) - 1)),
                Optional.ofNullable((Instant) refs.get(t + EXPIRY)));
    }

    /** The lines of the entry at {@code position}. */
    List<EntryLine> lines(int position, Accounts accounts) {
        int from = (int) (row(position, LINES_KIND) >>> 8);
        int to = position + 1 < size ? (int) (row(position + 1, LINES_KIND) >>> 8) : lineCount;
        EntryLine[] out = new EntryLine[to - from];
        for (int q = from; q < to; q++) {
            int account = (int) lines.get(2 * q);
            long amount = lines.get(2 * q + 1);
            out[q - from] = new EntryLine(accounts.idAt(account), amount > 0 ? Side.DEBIT : Side.CREDIT,
                    Money.ofMinor(accounts.currencyAt(account), Math.abs(amount)));
        }
        return List.of(out);
    }

    /** The lines of the hold that the post at {@code position} resolves (null for other kinds). */
    List<EntryLine> heldLines(int position, Accounts accounts) {
        return kind(position) == EntryKind.POST_PENDING ? lines(high(row(position, PENDING_REVERSE)) - 1, accounts) : null;
    }

    private static int idHash(long hi, long lo) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo;
        h ^= h >>> 32;
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /**
     * Hash to journal position, open addressing with linear probing. A slot holds the key's
     * 32-bit hash and the position ({@code hash << 32 | position + 1}; 0 is empty), so a probe
     * compares hashes in the one array it reads and touches the journal only on a hash match,
     * and growing rehashes without touching the journal. No allocation per entry.
     */
    private abstract static class PositionIndex {
        private long[] slots = new long[64];
        private int size;

        abstract boolean matches(int position, long hi, long lo, String key);

        boolean isEmpty() {
            return size == 0;
        }

        int find(int hash, long hi, long lo, String key) {
            int mask = slots.length - 1;
            for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
                long s = slots[i];
                if (s == 0) {
                    return -1;
                }
                if ((int) (s >>> 32) == hash && matches((int) s - 1, hi, lo, key)) {
                    return (int) s - 1;
                }
            }
        }

        void add(int hash, int position) {
            if ((size + 1) * 2 > slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                for (long s : old) {
                    if (s != 0) {
                        insert(s);
                    }
                }
            }
            insert(((long) hash << 32) | (position + 1L));
            size++;
        }

        private void insert(long slot) {
            int mask = slots.length - 1;
            int i = spread((int) (slot >>> 32)) & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = slot;
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }
    }
}
