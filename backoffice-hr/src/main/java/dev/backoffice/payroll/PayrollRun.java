package dev.backoffice.payroll;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A payroll run for one tenant, one period and one jurisdiction: its payslips and its journal.
 * A preview is computed and not stored; an approved run is stored and never changes.
 *
 * @param id           the run's id
 * @param tenant       the employer
 * @param period       the pay period (a calendar month)
 * @param payDate      the date pay is made (it decides the tax year and, in the UK, the tax month)
 * @param jurisdiction the rules used
 * @param kind         regular or correction
 * @param status       preview or approved
 * @param computedAt   when it was computed
 * @param approvedBy   who approved it ({@code null} for a preview)
 * @param approvedAt   when ({@code null} for a preview)
 * @param currency     the currency of every amount
 * @param payslips     one per employee, ordered by employee id
 * @param journal      the balanced journal of the run
 */
public record PayrollRun(PayrollRunId id, TenantId tenant, YearMonth period, LocalDate payDate, String jurisdiction,
                         RunKind kind, RunStatus status, Instant computedAt, String approvedBy, Instant approvedAt,
                         CurrencyUnit currency, List<Payslip> payslips, PayrollJournal journal) {
    public PayrollRun {
        Check.notNull(id, "id");
        Check.notNull(tenant, "tenant");
        Check.notNull(period, "period");
        Check.notNull(payDate, "payDate");
        Check.notBlank(jurisdiction, "jurisdiction");
        Check.notNull(kind, "kind");
        Check.notNull(status, "status");
        Check.notNull(computedAt, "computedAt");
        Check.notNull(currency, "currency");
        payslips = List.copyOf(Check.notNull(payslips, "payslips"));
        Check.notNull(journal, "journal");
        if (status == RunStatus.APPROVED) {
            Check.notBlank(approvedBy, "approvedBy");
            Check.notNull(approvedAt, "approvedAt");
        }
    }

    /** The same run, approved by {@code actor} at {@code at}. */
    public PayrollRun approved(String actor, Instant at) {
        return new PayrollRun(id, tenant, period, payDate, jurisdiction, kind, RunStatus.APPROVED, computedAt, actor, at, currency,
                payslips, journal);
    }

    /** The same run header without payslips (what listings return). */
    public PayrollRun withoutPayslips() {
        return new PayrollRun(id, tenant, period, payDate, jurisdiction, kind, status, computedAt, approvedBy, approvedAt, currency,
                List.of(), journal);
    }
}
