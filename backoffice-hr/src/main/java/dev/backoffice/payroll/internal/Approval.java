package dev.backoffice.payroll.internal;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.payroll.EmployerSettings;
import dev.backoffice.payroll.PayrollEngine;
import dev.backoffice.payroll.PayrollErrorCode;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.RunRequest;
import dev.backoffice.payroll.TenantPayrollStore;
import org.joda.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * Approves a run: computes it on committed data, then stores it and its audit record in one
 * write of the store, at the version its inputs were read at. When another approval of the
 * tenant landed in between ({@code payroll.stale_run}), the run is computed again, a few times.
 */
final class Approval {

    /** The engine's logger: operators configure payroll logging under the engine's name. */
    private static final Logger log = LoggerFactory.getLogger(PayrollEngine.class);

    /** Computations of one approval before {@code payroll.stale_run} reaches the caller. */
    private static final int MAX_ATTEMPTS = 3;

    private final TenantPayrollStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final RunComputer computer;

    Approval(TenantPayrollStore store, AuditLog audit, Clock clock, RunComputer computer) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.computer = computer;
    }

    PayrollRun approve(RunRequest request, String actor, EmployerSettings settings) {
        for (int attempt = 1; ; attempt++) {
            RunComputer.Computed c = computer.compute(store.read(), settings, request, null);
            PayrollRun approved = c.run().approved(actor, clock.instant());
            AuditEvent event = auditEvent(approved, actor);
            try {
                store.write(tx -> {
                    // false: an earlier attempt of this write landed with its audit record (a rerun after an unknown outcome)
                    if (tx.saveApprovedRun(approved, c.version())) {
                        audit.append(event);
                    }
                    return approved;
                });
            } catch (ConflictException e) {
                if (!PayrollErrorCode.STALE_RUN.code().equals(e.code()) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            // Ids and counts only: never a name, a tax reference or an amount of pay.
            log.info("payroll run {} approved: {} {} {}, {} payslips", approved.id(), approved.jurisdiction(),
                    approved.kind(), approved.period(), approved.payslips().size());
            return approved;
        }
    }

    private static AuditEvent auditEvent(PayrollRun run, String actor) {
        Map<String, String> d = new TreeMap<>();
        d.put("period", run.period().toString());
        d.put("payDate", run.payDate().toString());
        d.put("jurisdiction", run.jurisdiction());
        d.put("kind", run.kind().name());
        d.put("payslips", Integer.toString(run.payslips().size()));
        d.put("journalDebits", run.journal().totalDebits().toString());
        long gross = 0;
        long net = 0;
        for (Payslip p : run.payslips()) {
            gross += MoneyMath.toMinor(p.gross());
            net += MoneyMath.toMinor(p.net());
        }
        d.put("gross", Money.ofMinor(run.currency(), gross).toString());
        d.put("net", Money.ofMinor(run.currency(), net).toString());
        return AuditEvent.of(actor, "payroll.run_approved", "payroll-run/" + run.id(), d);
    }
}
