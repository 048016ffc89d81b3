package dev.backoffice.payroll.internal;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.payroll.JournalRole;
import dev.backoffice.payroll.PayrollJournal;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.RunKind;
import dev.backoffice.payroll.RunRequest;
import org.joda.money.CurrencyUnit;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's payslips and its journal, from the employees' results. A regular run sums the totals by
 * role that each payslip's computation kept (no second pass over 100,000 payslips' lines); a
 * correction's journal is built from its difference payslips.
 *
 * @param payslips the payslips, in the order computed
 * @param journal  the run's journal
 */
record RunJournal(List<Payslip> payslips, PayrollJournal journal) {

    static RunJournal of(RunRequest request, CurrencyUnit currency, List<EmployeeCalculation.Result> results) {
        List<Payslip> payslips = new ArrayList<>(results.size());
        long[] totals = new long[JournalRole.values().length];
        for (EmployeeCalculation.Result r : results) {
            payslips.add(r.payslip());
            if (r.journalTotals() != null) {
                for (int i = 0; i < totals.length; i++) {
                    totals[i] = MoneyMath.addExact(totals[i], r.journalTotals()[i]);
                }
            }
        }
        PayrollJournal journal = request.kind() == RunKind.REGULAR
                ? Journals.of(request.id(), request.period(), request.payDate(), currency, totals)
                : Journals.of(request.id(), request.period(), request.payDate(), currency, payslips);
        return new RunJournal(payslips, journal);
    }
}
