package dev.backoffice.payroll;

import dev.backoffice.core.store.TenantStore;

/**
 * One tenant's payroll data: {@link #read()} answers committed data ({@link PayrollReads}), and
 * {@link #write(java.util.function.Function)} runs its work in one transaction
 * ({@link PayrollTx}): everything it writes lands, or nothing does. The rules every store follows
 * (joining an enclosing JDBC transaction, work that may be rerun) are those of
 * {@link TenantStore}.
 *
 * <p>An approval is one write: the run with its payslips, journal and year-to-date totals, and
 * its audit record, land together:
 * <pre>{@code
 * store.forTenant(tenant).write(tx -> {
 *     if (tx.saveApprovedRun(run, expectedVersion)) {
 *         auditLog.append(event);   // a JdbcAuditStore on the same data source joins the transaction
 *     }
 *     return run;
 * });
 * }</pre>
 */
public interface TenantPayrollStore extends TenantStore<PayrollReads, PayrollTx> {
}
