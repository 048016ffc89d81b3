package dev.backoffice.payroll.internal;

import dev.backoffice.payroll.JournalRole;
import dev.backoffice.payroll.LineEffect;
import dev.backoffice.payroll.PayrollComponent;
import dev.backoffice.payroll.PayslipLine;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * An immutable list of payslip lines packed into parallel arrays (amounts as longs, strings shared
 * across payslips); {@link #get} builds the {@link PayslipLine} on demand. A payslip's lines then
 * cost a handful of arrays instead of ~60 objects, which keeps a 100,000-employee run's live heap
 * (and its garbage-collection pauses) small.
 */
public final class PackedLines extends AbstractList<PayslipLine> implements RandomAccess {
    private static final PayrollComponent[] COMPONENTS = PayrollComponent.values();
    private static final LineEffect[] EFFECTS = LineEffect.values();
    private static final JournalRole[] ROLES = JournalRole.values();
    /** Marks "no base". */
    static final long NO_BASE = Long.MIN_VALUE;

    private final CurrencyUnit currency;
    private final int size;
    private final byte[] kinds; // component << 4 | effect
    private final byte[] roles; // ordinal + 1, 0 = none
    private final long[] amounts;
    private final long[] bases;
    private final String[] strings; // 6 per line: code, label, rate, rule, parameter, (unused)

    PackedLines(CurrencyUnit currency, int size, byte[] kinds, byte[] roles, long[] amounts, long[] bases, String[] strings) {
        this.currency = currency;
        this.size = size;
        this.kinds = kinds;
        this.roles = roles;
        this.amounts = amounts;
        this.bases = bases;
        this.strings = strings;
    }

    /** Collects lines; not thread-safe; {@link #build()} once. */
    static final class Builder {
        private final CurrencyUnit currency;
        private int size;
        private byte[] kinds = new byte[16];
        private byte[] roles = new byte[16];
        private long[] amounts = new long[16];
        private long[] bases = new long[16];
        private String[] strings = new String[16 * 5];

        Builder(CurrencyUnit currency) {
            this.currency = currency;
        }

        void add(PayrollComponent component, String code, String label, LineEffect effect, JournalRole role, long amount, long base,
                 String rate, String rule, String parameter) {
            // Validate as PayslipLine's constructor would, without building one.
            if (component == null || effect == null || code == null || code.isBlank() || label == null || label.isBlank()
                    || rule == null || rule.isBlank()) {
                new PayslipLine(component, code, label, effect, role, Money.ofMinor(currency, amount), null, rate, rule, parameter);
            }
            if (size == kinds.length) {
                int n = size * 2;
                kinds = Arrays.copyOf(kinds, n);
                roles = Arrays.copyOf(roles, n);
                amounts = Arrays.copyOf(amounts, n);
                bases = Arrays.copyOf(bases, n);
                strings = Arrays.copyOf(strings, n * 5);
            }
            kinds[size] = (byte) (component.ordinal() << 4 | effect.ordinal());
            roles[size] = (byte) (role == null ? 0 : role.ordinal() + 1);
            amounts[size] = amount;
            bases[size] = base;
            int s = size * 5;
            strings[s] = code;
            strings[s + 1] = label;
            strings[s + 2] = rate;
            strings[s + 3] = rule;
            strings[s + 4] = parameter;
            size++;
        }

        PackedLines build() {
            return new PackedLines(currency, size, Arrays.copyOf(kinds, size), Arrays.copyOf(roles, size), Arrays.copyOf(amounts, size),
                    Arrays.copyOf(bases, size), Arrays.copyOf(strings, size * 5));
        }
    }

    @Override
    public PayslipLine get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int s = index * 5;
        return new PayslipLine(COMPONENTS[kinds[index] >> 4], strings[s], strings[s + 1], EFFECTS[kinds[index] & 0xF],
                roles[index] == 0 ? null : ROLES[roles[index] - 1], Money.ofMinor(currency, amounts[index]),
                bases[index] == NO_BASE ? null : Money.ofMinor(currency, bases[index]), strings[s + 2], strings[s + 3], strings[s + 4]);
    }

    @Override
    public int size() {
        return size;
    }

    /** The sum of the amounts of lines with {@code effect}, in minor units, without building lines. */
    public long sum(LineEffect effect) {
        long total = 0;
        for (int i = 0; i < size; i++) {
            if ((kinds[i] & 0xF) == effect.ordinal()) {
                total = Math.addExact(total, amounts[i]);
            }
        }
        return total;
    }

    /** The currency of every line. */
    public CurrencyUnit currency() {
        return currency;
    }
}
