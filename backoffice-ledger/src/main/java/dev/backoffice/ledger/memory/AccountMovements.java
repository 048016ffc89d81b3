package dev.backoffice.ledger.memory;

import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.EntryKind;
import dev.backoffice.ledger.Side;

/**
 * The movements of one account in booking order, packed as three longs each: where it comes
 * from ({@code journalPosition << 20 | movementIndex}), its signed amount, and
 * {@code epochDay << 16 | kind << 8 | side << 1 | pending}. Balances as of a date and statements
 * scan this array alone, without touching the journal. Not thread-safe (tenant lock).
 */
final class AccountMovements {

    private static final EntryKind[] KINDS = EntryKind.values();
    private static final Side[] SIDES = Side.values();

    private final Chunks.Longs data = new Chunks.Longs();
    private int size;

    int size() {
        return size;
    }

    void add(int position, int index, long epochDay, EntryKind kind, Side side, boolean pending, long amount) {
        int at = 3 * size;
        data.set(at, ((long) position << 20) | index);
        data.set(at + 1, amount);
        data.set(at + 2, (epochDay << 16) | ((long) kind.ordinal() << 8) | ((long) side.ordinal() << 1) | (pending ? 1 : 0));
        size++;
    }

    int position(int i) {
        return (int) (data.get(3 * i) >>> 20);
    }

    int index(int i) {
        return (int) (data.get(3 * i) & 0xFFFFF);
    }

    long amount(int i) {
        return data.get(3 * i + 1);
    }

    long epochDay(int i) {
        return data.get(3 * i + 2) >> 16;
    }

    EntryKind kind(int i) {
        return KINDS[(int) (data.get(3 * i + 2) >>> 8) & 0xFF];
    }

    Side side(int i) {
        return SIDES[(int) (data.get(3 * i + 2) >>> 1) & 1];
    }

    boolean pending(int i) {
        return (data.get(3 * i + 2) & 1) != 0;
    }

    /**
     * The counters after every movement dated on or before {@code epochDay} (closing entries
     * only if {@code includeClosing}), or null when there is none.
     */
    AccountCounters sum(long epochDay, boolean includeClosing) {
        AccountCounters c = null;
        for (int i = 0; i < size; i++) {
            if (epochDay(i) <= epochDay && (includeClosing || kind(i) != EntryKind.CLOSING)) {
                c = (c == null ? AccountCounters.ZERO : c).apply(side(i), pending(i), amount(i));
            }
        }
        return c;
    }
}
