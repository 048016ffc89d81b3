package dev.backoffice.payroll.internal;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.JournalRole;
import dev.backoffice.payroll.LineEffect;
import dev.backoffice.payroll.PayrollComponent;
import dev.backoffice.payroll.PayrollRunId;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.PayslipLine;
import dev.backoffice.payroll.RunKind;
import dev.backoffice.payroll.jurisdiction.Jurisdiction;
import org.joda.money.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes a correction payslip: the recomputed period minus what was approved for it. */
final class Corrections {
    private Corrections() {
    }

    private record Key(PayrollComponent component, String code, LineEffect effect, JournalRole role) {
    }

    static Payslip difference(PayrollRunId runId, Employee employee, YearMonth period, LocalDate payDate, Jurisdiction j, String taxYear,
                              Payslip recomputed, List<Payslip> approved, Map<String, Long> ytdNow) {
        Map<Key, long[]> sums = new LinkedHashMap<>();
        Map<Key, PayslipLine> exemplar = new HashMap<>();
        if (recomputed != null) {
            for (PayslipLine l : recomputed.lines()) {
                if (l.effect() == LineEffect.INFO) {
                    continue;
                }
                Key k = new Key(l.component(), l.code(), l.effect(), l.role());
                sums.computeIfAbsent(k, x -> new long[1])[0] += MoneyMath.toMinor(l.amount());
                exemplar.putIfAbsent(k, l);
            }
        }
        Map<String, Long> delta = new HashMap<>(recomputed == null ? Map.of() : recomputed.ytdDelta());
        for (Payslip p : approved) {
            for (PayslipLine l : p.lines()) {
                if (l.effect() == LineEffect.INFO) {
                    continue;
                }
                Key k = new Key(l.component(), l.code(), l.effect(), l.role());
                sums.computeIfAbsent(k, x -> new long[1])[0] -= MoneyMath.toMinor(l.amount());
                exemplar.putIfAbsent(k, l);
            }
            p.ytdDelta().forEach((key, v) -> delta.merge(key, -v, MoneyMath::addExact));
        }
        List<PayslipLine> lines = new ArrayList<>();
        long gross = 0;
        long deductions = 0;
        long employer = 0;
        for (Map.Entry<Key, long[]> e : sums.entrySet()) {
            long v = e.getValue()[0];
            if (v == 0) {
                continue;
            }
            PayslipLine x = exemplar.get(e.getKey());
            lines.add(new PayslipLine(x.component(), x.code(), x.label() + " (correction)", x.effect(), x.role(),
                    Money.ofMinor(j.currency(), v), null, null, x.rule(), x.parameter()));
            switch (x.effect()) {
                case EARNING -> gross += v;
                case DEDUCTION -> deductions += v;
                case EMPLOYER -> employer += v;
                case INFO -> {
                }
            }
        }
        delta.values().removeIf(v -> v == 0);
        if (lines.isEmpty() && delta.isEmpty()) {
            return null;
        }
        lines.sort(java.util.Comparator.comparing(PayslipLine::component));
        Map<String, Long> after = new HashMap<>(ytdNow);
        delta.forEach((k, v) -> after.merge(k, v, MoneyMath::addExact));
        return new Payslip(runId, employee.id(), employee.displayName(), period, payDate, j.code(), taxYear, RunKind.CORRECTION, j.currency(),
                lines, Money.ofMinor(j.currency(), gross), Money.ofMinor(j.currency(), deductions),
                Money.ofMinor(j.currency(), gross - deductions), Money.ofMinor(j.currency(), employer), after, delta);
    }
}
