package dev.backoffice.payroll.internal;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.payroll.JournalLine;
import dev.backoffice.payroll.JournalRole;
import dev.backoffice.payroll.LineEffect;
import dev.backoffice.payroll.PayrollJournal;
import dev.backoffice.payroll.PayrollRunId;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.PayslipLine;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds a run's journal from its payslips. */
public final class Journals {
    private Journals() {
    }

    /**
     * Debits gross salary expense (sum of gross) and employer contribution expense (sum of
     * employer lines); credits each deduction and employer line to its role, and net pay. A role
     * whose total is negative (a correction, a tax refund) is posted on the opposite side.
     */
    public static PayrollJournal of(PayrollRunId runId, YearMonth period, LocalDate payDate, CurrencyUnit currency, List<Payslip> payslips) {
        Map<JournalRole, Long> totals = new EnumMap<>(JournalRole.class);
        for (Payslip p : payslips) {
            add(totals, JournalRole.GROSS_SALARY_EXPENSE, MoneyMath.toMinor(p.gross()));
            add(totals, JournalRole.EMPLOYER_CONTRIBUTION_EXPENSE, MoneyMath.toMinor(p.employerCost()));
            add(totals, JournalRole.NET_PAY_PAYABLE, MoneyMath.toMinor(p.net()));
            for (PayslipLine l : p.lines()) {
                if ((l.effect() == LineEffect.DEDUCTION || l.effect() == LineEffect.EMPLOYER) && l.role() != null) {
                    add(totals, l.role(), MoneyMath.toMinor(l.amount()));
                }
            }
        }
        return fromTotals(runId, period, payDate, currency, totals);
    }

    /** A journal from totals by role (e.g. summed {@code PayslipAssembler#journalTotals()}). */
    public static PayrollJournal of(PayrollRunId runId, YearMonth period, LocalDate payDate, CurrencyUnit currency, long[] totalsByRole) {
        Map<JournalRole, Long> totals = new EnumMap<>(JournalRole.class);
        for (JournalRole r : JournalRole.values()) {
            if (totalsByRole[r.ordinal()] != 0) {
                totals.put(r, totalsByRole[r.ordinal()]);
            }
        }
        return fromTotals(runId, period, payDate, currency, totals);
    }

    private static PayrollJournal fromTotals(PayrollRunId runId, YearMonth period, LocalDate payDate, CurrencyUnit currency,
                                             Map<JournalRole, Long> totals) {
        List<JournalLine> lines = new ArrayList<>();
        for (JournalRole.Side side : JournalRole.Side.values()) {
            for (Map.Entry<JournalRole, Long> e : totals.entrySet()) {
                long v = e.getValue();
                if (v == 0) {
                    continue;
                }
                JournalRole.Side normal = e.getKey().normalSide();
                JournalRole.Side actual = v > 0 ? normal : (normal == JournalRole.Side.DEBIT ? JournalRole.Side.CREDIT : JournalRole.Side.DEBIT);
                if (actual == side) {
                    lines.add(new JournalLine(e.getKey(), actual, Money.ofMinor(currency, Math.abs(v))));
                }
            }
        }
        return new PayrollJournal(runId, period, payDate, currency, lines);
    }

    private static void add(Map<JournalRole, Long> totals, JournalRole role, long amount) {
        totals.merge(role, amount, MoneyMath::addExact);
    }
}
