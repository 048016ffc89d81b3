package dev.backoffice.payroll.internal;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.JournalRole;
import dev.backoffice.payroll.LineEffect;
import dev.backoffice.payroll.PayrollComponent;
import dev.backoffice.payroll.PayrollRunId;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.RunKind;
import dev.backoffice.payroll.jurisdiction.PayslipSink;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/** Collects one payslip's lines and year-to-date deltas from a jurisdiction; not thread-safe. */
public final class PayslipAssembler implements PayslipSink {
    private final CurrencyUnit currency;
    private final PackedLines.Builder lines;
    private final String[] ytdKeys = new String[24];
    private final long[] ytdValues = new long[24];
    private int ytdSize;
    private long gross;
    private long deductions;
    private long employer;
    private final long[] roleTotals = new long[JournalRole.values().length];

    private final long[] cachedMinor = new long[8];
    private final Money[] cachedMoney = new Money[8];


    /** A new instance (internal classes have no public constructor). */
    public static PayslipAssembler create(CurrencyUnit currency) {
        return new PayslipAssembler(currency);
    }

    PayslipAssembler(CurrencyUnit currency) {
        this.currency = currency;
        this.lines = new PackedLines.Builder(currency);
    }

    /** Money for minor units, sharing instances for repeated values (bases and equal contributions recur). */
    private Money money(long minor) {
        int slot = (int) (minor ^ (minor >>> 32)) & 7;
        Money m = cachedMoney[slot];
        if (m != null && cachedMinor[slot] == minor) {
            return m;
        }
        m = Money.ofMinor(currency, minor);
        cachedMoney[slot] = m;
        cachedMinor[slot] = minor;
        return m;
    }

    @Override
    public void line(PayrollComponent component, String code, String label, LineEffect effect, JournalRole role, long amountMinor,
                     String rule, String parameter) {
        lines.add(component, code, label, effect, role, amountMinor, PackedLines.NO_BASE, null, rule, parameter);
        count(effect, role, amountMinor);
    }

    @Override
    public void line(PayrollComponent component, String code, String label, LineEffect effect, JournalRole role, long amountMinor,
                     long baseMinor, String rate, String rule, String parameter) {
        lines.add(component, code, label, effect, role, amountMinor, baseMinor, rate, rule, parameter);
        count(effect, role, amountMinor);
    }

    private void count(LineEffect effect, JournalRole role, long amount) {
        switch (effect) {
            case EARNING -> gross = MoneyMath.addExact(gross, amount);
            case DEDUCTION -> deductions = MoneyMath.addExact(deductions, amount);
            case EMPLOYER -> employer = MoneyMath.addExact(employer, amount);
            case INFO -> {
            }
        }
        if (role != null && (effect == LineEffect.DEDUCTION || effect == LineEffect.EMPLOYER)) {
            roleTotals[role.ordinal()] = MoneyMath.addExact(roleTotals[role.ordinal()], amount);
        }
    }

    /**
     * Journal totals of this payslip by role ordinal, including gross salary expense, employer
     * contribution expense and net pay: what {@link Journals#of} would derive from the lines.
     */
    public long[] journalTotals() {
        long[] t = roleTotals.clone();
        t[JournalRole.GROSS_SALARY_EXPENSE.ordinal()] += gross;
        t[JournalRole.EMPLOYER_CONTRIBUTION_EXPENSE.ordinal()] += employer;
        t[JournalRole.NET_PAY_PAYABLE.ordinal()] += gross - deductions;
        return t;
    }

    @Override
    public void ytd(String key, long delta) {
        for (int i = 0; i < ytdSize; i++) {
            if (ytdKeys[i].equals(key)) {
                ytdValues[i] = MoneyMath.addExact(ytdValues[i], delta);
                return;
            }
        }
        if (ytdSize == ytdKeys.length) {
            throw new IllegalStateException("more than " + ytdKeys.length + " year-to-date keys");
        }
        ytdKeys[ytdSize] = java.util.Objects.requireNonNull(key, "key");
        ytdValues[ytdSize++] = delta;
    }


    /** The deltas so far. */
    public Map<String, Long> ytdDelta() {
        return LongMap.of(ytdKeys, ytdValues, ytdSize);
    }

    /** Builds the payslip; adds the generic {@code gross}, {@code net} and {@code employer_cost} accumulators. */
    public Payslip build(PayrollRunId runId, Employee employee, YearMonth period, LocalDate payDate, String jurisdiction, String taxYear,
                         RunKind kind, Map<String, Long> ytdBefore) {
        long net = gross - deductions;
        ytd("gross", gross);
        ytd("net", net);
        ytd("employer_cost", employer);
        LongMap delta = LongMap.of(ytdKeys, ytdValues, ytdSize);
        LongMap after = LongMap.plus(ytdBefore, delta);
        return new Payslip(runId, employee.id(), employee.displayName(), period, payDate, jurisdiction, taxYear, kind, currency, lines.build(),
                money(gross), money(deductions), money(net), money(employer), after, delta);
    }
}
