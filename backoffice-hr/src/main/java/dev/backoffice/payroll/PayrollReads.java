package dev.backoffice.payroll;

import dev.backoffice.core.store.TenantReads;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of one tenant's payroll data. Through {@link TenantPayrollStore#read()} each call reads
 * committed data on its own; through a {@link PayrollTx} it reads inside that write's transaction
 * and sees its own writes.
 */
public interface PayrollReads extends TenantReads {

    /**
     * The employee, if known.
     *
     * @param id the employee's id
     * @return the employee, or empty
     */
    Optional<Employee> employee(EmployeeId id);

    /**
     * Every employee, ordered by id (Java's {@link java.util.UUID} order, the engine's).
     *
     * @return the employees
     */
    List<Employee> employees();

    /**
     * The employee's contracts, by start date.
     *
     * @param employee the employee's id
     * @return the contracts, possibly none
     */
    List<Contract> contracts(EmployeeId employee);

    /**
     * Every contract covering at least one day of [{@code from}, {@code to}].
     *
     * @param from first day
     * @param to   last day
     * @return the contracts, in no particular order
     */
    List<Contract> contractsOverlapping(LocalDate from, LocalDate to);

    /**
     * Year-to-date accumulators of every employee in {@code taxYear}.
     *
     * @param jurisdiction the jurisdiction's code
     * @param taxYear      the tax year's label
     * @return minor units by accumulator key, by employee
     */
    Map<EmployeeId, Map<String, Long>> ytd(String jurisdiction, String taxYear);

    /**
     * The sum of year-to-date deltas of approved payslips of {@code taxYear} for periods from
     * {@code from} on: what to subtract from the current totals to get the totals before
     * {@code from}.
     *
     * @param jurisdiction the jurisdiction's code
     * @param taxYear      the tax year's label
     * @param from         the first period counted
     * @return minor units by accumulator key, by employee
     */
    Map<EmployeeId, Map<String, Long>> ytdDeltasFrom(String jurisdiction, String taxYear, YearMonth from);

    /**
     * Every approved payslip of the period (regular and corrections), in approval order.
     *
     * @param jurisdiction the jurisdiction's code
     * @param period       the period
     * @return the payslips
     */
    List<Payslip> approvedPayslips(String jurisdiction, YearMonth period);

    /**
     * Whether a regular run of the period was approved.
     *
     * @param jurisdiction the jurisdiction's code
     * @param period       the period
     * @return true once the period's regular run is stored
     */
    boolean regularRunApproved(String jurisdiction, YearMonth period);

    /**
     * A counter that every approval increments: a run computed at version v may only be saved
     * at v ({@link PayrollTx#saveApprovedRun}).
     *
     * @return the tenant's payroll version, 0 before the first approval
     */
    long version();

    /**
     * The run with its payslips.
     *
     * @param id the run's id
     * @return the approved run, or empty
     */
    Optional<PayrollRun> run(PayrollRunId id);

    /**
     * Runs of a period (headers without payslips), in approval order.
     *
     * @param period the period
     * @return the runs
     */
    List<PayrollRun> runs(YearMonth period);

    /**
     * One payslip of a run.
     *
     * @param run      the run's id
     * @param employee the employee's id
     * @return the payslip, or empty
     */
    Optional<Payslip> payslip(PayrollRunId run, EmployeeId employee);
}
