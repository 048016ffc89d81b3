package dev.backoffice.payroll.internal;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.hr.Employee;
import dev.backoffice.payroll.JournalRole;
import dev.backoffice.payroll.LineEffect;
import dev.backoffice.payroll.PayrollComponent;
import dev.backoffice.payroll.PayrollRunId;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.PayslipLine;
import dev.backoffice.payroll.RunKind;
import dev.backoffice.payroll.jurisdiction.PayslipSink;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects one payslip's lines and year-to-date deltas from a jurisdiction; not thread-safe. */
public final class PayslipAssembler implements PayslipSink {
    private final CurrencyUnit currency;
    private final List<PayslipLine> lines = new ArrayList<>(24);
    private final Map<String, Long> ytdDelta = new HashMap<>();
    private long gross;
    private long deductions;
    private long employer;

    public PayslipAssembler(CurrencyUnit currency) {
        this.currency = currency;
    }

    @Override
    public void line(PayrollComponent component, String code, String label, LineEffect effect, JournalRole role, long amountMinor,
                     String rule, String parameter) {
        add(new PayslipLine(component, code, label, effect, role, Money.ofMinor(currency, amountMinor), null, null, rule, parameter), amountMinor);
    }

    @Override
    public void line(PayrollComponent component, String code, String label, LineEffect effect, JournalRole role, long amountMinor,
                     long baseMinor, String rate, String rule, String parameter) {
        add(new PayslipLine(component, code, label, effect, role, Money.ofMinor(currency, amountMinor), Money.ofMinor(currency, baseMinor),
                rate, rule, parameter), amountMinor);
    }

    private void add(PayslipLine line, long amount) {
        lines.add(line);
        switch (line.effect()) {
            case EARNING -> gross = MoneyMath.addExact(gross, amount);
            case DEDUCTION -> deductions = MoneyMath.addExact(deductions, amount);
            case EMPLOYER -> employer = MoneyMath.addExact(employer, amount);
            case INFO -> {
            }
        }
    }

    @Override
    public void ytd(String key, long delta) {
        ytdDelta.merge(key, delta, MoneyMath::addExact);
    }

    /** The lines so far. */
    public List<PayslipLine> lines() {
        return lines;
    }

    /** The deltas so far. */
    public Map<String, Long> ytdDelta() {
        return ytdDelta;
    }

    /** Builds the payslip; adds the generic {@code gross}, {@code net} and {@code employer_cost} accumulators. */
    public Payslip build(PayrollRunId runId, Employee employee, YearMonth period, LocalDate payDate, String jurisdiction, String taxYear,
                         RunKind kind, Map<String, Long> ytdBefore) {
        long net = gross - deductions;
        ytd("gross", gross);
        ytd("net", net);
        ytd("employer_cost", employer);
        Map<String, Long> after = new HashMap<>(ytdBefore);
        ytdDelta.forEach((k, v) -> after.merge(k, v, MoneyMath::addExact));
        return new Payslip(runId, employee.id(), employee.displayName(), period, payDate, jurisdiction, taxYear, kind, currency, lines,
                Money.ofMinor(currency, gross), Money.ofMinor(currency, deductions), Money.ofMinor(currency, net),
                Money.ofMinor(currency, employer), after, ytdDelta);
    }
}
