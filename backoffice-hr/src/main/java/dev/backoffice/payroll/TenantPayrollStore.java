package dev.backoffice.payroll;

import dev.backoffice.core.tenant.TenantId;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant's payroll data. Every multi-row write is atomic: it lands whole or not at all.
 */
public interface TenantPayrollStore {

    /** The tenant. */
    TenantId tenant();

    /** Creates or replaces an employee. */
    void saveEmployee(Employee employee);

    /** Creates or replaces many employees in one transaction. */
    void saveEmployees(List<Employee> employees);

    /** The employee, if known. */
    Optional<Employee> employee(EmployeeId id);

    /** Every employee, ordered by id. */
    List<Employee> employees();

    /**
     * Creates or replaces a contract (same id = a change). Fails with
     * {@code payroll.employee_not_found} for an unknown employee and {@code payroll.contract_overlap}
     * if it overlaps another contract of the employee; nothing is written then.
     */
    void saveContract(Contract contract);

    /** Creates or replaces many contracts in one transaction, with the same checks. */
    void saveContracts(List<Contract> contracts);

    /** The employee's contracts, by start date. */
    List<Contract> contracts(EmployeeId employee);

    /** Every contract covering at least one day of [{@code from}, {@code to}]. */
    List<Contract> contractsOverlapping(LocalDate from, LocalDate to);

    /** Year-to-date accumulators of every employee in {@code taxYear} (minor units by key). */
    Map<EmployeeId, Map<String, Long>> ytd(String jurisdiction, String taxYear);

    /**
     * The sum of year-to-date deltas of approved payslips of {@code taxYear} for periods from
     * {@code from} on (what to subtract from the current totals to get the totals before
     * {@code from}).
     */
    Map<EmployeeId, Map<String, Long>> ytdDeltasFrom(String jurisdiction, String taxYear, YearMonth from);

    /** Every approved payslip of the period (regular and corrections), in approval order. */
    List<Payslip> approvedPayslips(String jurisdiction, YearMonth period);

    /** Whether a regular run of the period was approved. */
    boolean regularRunApproved(String jurisdiction, YearMonth period);

    /** A counter that every approval increments: a run computed at version v may only be saved at v. */
    long version();

    /**
     * Saves an approved run, its payslips and journal, and adds its payslips' deltas to the
     * year-to-date accumulators, in one transaction; runs {@code alsoInTransaction} (the audit
     * record) inside it.
     *
     * @throws dev.backoffice.core.error.ConflictException      {@code payroll.stale_run} if the
     *                                                          version moved since {@code expectedVersion}
     * @throws dev.backoffice.core.error.RuleViolationException {@code payroll.period_already_approved}
     *                                                          for a second regular run of a period
     */
    void saveApprovedRun(PayrollRun run, long expectedVersion, Runnable alsoInTransaction);

    /** The run with its payslips. */
    Optional<PayrollRun> run(PayrollRunId id);

    /** Runs of a period (headers without payslips), in approval order. */
    List<PayrollRun> runs(YearMonth period);

    /** One payslip of a run. */
    Optional<Payslip> payslip(PayrollRunId run, EmployeeId employee);
}
