package dev.backoffice.payroll.internal;

import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.EmployeeId;
import dev.backoffice.payroll.PayrollErrorCode;
import dev.backoffice.payroll.PayrollReads;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.PeriodInput;
import dev.backoffice.payroll.RunKind;
import dev.backoffice.payroll.RunRequest;
import dev.backoffice.payroll.jurisdiction.Jurisdiction;
import dev.backoffice.payroll.jurisdiction.TaxYear;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run computes from, read from the store and checked before any payslip is
 * computed: who is in scope, their contracts in the period and inputs, their stored year to date
 * and (for a correction) what was approved for the period.
 *
 * @param jurisdiction the jurisdiction's rules
 * @param taxYear      the tax year of the pay date
 * @param request      the request
 * @param version      the tenant's payroll version, read first: an approval of these inputs
 *                     lands only if nothing was approved since
 * @param employees    employees in scope, by id
 * @param contracts    their contracts overlapping the period (only employees who have one)
 * @param inputs       the request's inputs, by employee
 * @param ytdNow       stored year-to-date totals
 * @param later        approved year-to-date deltas of the period and later ones
 * @param previous     approved payslips of the period, by employee (a correction's only)
 * @param ids          whom to compute, in id order: employees with a contract in the period,
 *                     and for a correction also those paid before whose contract left it
 */
record RunInputs(Jurisdiction jurisdiction, TaxYear taxYear, RunRequest request, long version,
                 Map<EmployeeId, Employee> employees, Map<EmployeeId, List<Contract>> contracts,
                 Map<EmployeeId, PeriodInput> inputs, Map<EmployeeId, Map<String, Long>> ytdNow,
                 Map<EmployeeId, Map<String, Long>> later, Map<EmployeeId, List<Payslip>> previous, List<EmployeeId> ids) {

    YearMonth period() {
        return request.period();
    }

    LocalDate from() {
        return request.period().atDay(1);
    }

    LocalDate to() {
        return request.period().atEndOfMonth();
    }

    /**
     * Reads and checks the inputs of {@code request}: the whole tenant, or {@code only} one
     * employee (then inputs of others are ignored).
     *
     * @throws dev.backoffice.core.error.RuleViolationException {@code payroll.period_already_approved},
     *         {@code payroll.nothing_to_correct}
     * @throws dev.backoffice.core.error.NotFoundException {@code payroll.employee_not_found}
     * @throws dev.backoffice.core.error.InvalidRequestException {@code payroll.no_contract_in_period},
     *         {@code payroll.currency_mismatch}, {@code payroll.birth_date_in_future}, and what the
     *         jurisdiction refuses of an employee
     */
    static RunInputs read(PayrollReads store, Jurisdiction j, RunRequest request, EmployeeId only) {
        TaxYear taxYear = j.taxYear(request.payDate());
        YearMonth period = request.period();
        long version = store.version();
        boolean regularDone = store.regularRunApproved(j.code(), period);
        if (request.kind() == RunKind.REGULAR && regularDone) {
            throw PayrollErrorCode.PERIOD_ALREADY_APPROVED.rule("the " + j.code() + " payroll of " + period + " is already approved; run a correction instead");
        }
        if (request.kind() == RunKind.CORRECTION && !regularDone) {
            throw PayrollErrorCode.NOTHING_TO_CORRECT.rule("the " + j.code() + " payroll of " + period + " has no approved run to correct");
        }
        LocalDate from = period.atDay(1);
        LocalDate to = period.atEndOfMonth();

        Map<EmployeeId, Employee> employees = new HashMap<>();
        Map<EmployeeId, List<Contract>> contracts = new HashMap<>();
        if (only == null) {
            for (Employee e : store.employees()) {
                if (e.profile().jurisdictionCode().equals(j.code())) {
                    employees.put(e.id(), e);
                }
            }
            for (Contract c : store.contractsOverlapping(from, to)) {
                if (employees.containsKey(c.employeeId())) {
                    contracts.computeIfAbsent(c.employeeId(), k -> new ArrayList<>(1)).add(c);
                }
            }
        } else {
            Employee e = store.employee(only).filter(x -> x.profile().jurisdictionCode().equals(j.code()))
                    .orElseThrow(() -> PayrollErrorCode.EMPLOYEE_NOT_FOUND.notFound("no " + j.code() + " employee " + only));
            employees.put(only, e);
            for (Contract c : store.contracts(only)) {
                if (c.overlaps(from, to)) {
                    contracts.computeIfAbsent(only, k -> new ArrayList<>(1)).add(c);
                }
            }
        }
        List<Contract> inScope = new ArrayList<>();
        contracts.values().forEach(inScope::addAll);
        inScope.sort(Comparator.comparing(Contract::id));
        InputChecks.currencies(j, inScope, request.inputs(), "inputs");
        Map<EmployeeId, PeriodInput> inputs = inputsByEmployee(j, request, only, employees, contracts);
        Map<EmployeeId, Map<String, Long>> ytdNow = store.ytd(j.code(), taxYear.label());
        Map<EmployeeId, Map<String, Long>> later = store.ytdDeltasFrom(j.code(), taxYear.label(), period);
        Map<EmployeeId, List<Payslip>> previous = new HashMap<>();
        if (request.kind() == RunKind.CORRECTION) {
            for (Payslip p : store.approvedPayslips(j.code(), period)) {
                previous.computeIfAbsent(p.employeeId(), k -> new ArrayList<>()).add(p);
            }
        }
        List<EmployeeId> ids = new ArrayList<>(contracts.keySet());
        for (EmployeeId id : previous.keySet()) {
            if (!contracts.containsKey(id) && (only == null || only.equals(id))) {
                ids.add(id);
            }
        }
        ids.sort(Comparator.naturalOrder());
        for (EmployeeId id : ids) {
            InputChecks.birthDate(employees.get(id), request.payDate());
            j.validate(employees.get(id), taxYear);
        }
        return new RunInputs(j, taxYear, request, version, employees, contracts, inputs, ytdNow, later, previous, ids);
    }

    /** The request's inputs by employee, each for an employee in scope with a contract in the period. */
    private static Map<EmployeeId, PeriodInput> inputsByEmployee(Jurisdiction j, RunRequest request, EmployeeId only,
                                                                 Map<EmployeeId, Employee> employees, Map<EmployeeId, List<Contract>> contracts) {
        Map<EmployeeId, PeriodInput> inputs = new HashMap<>();
        for (int i = 0; i < request.inputs().size(); i++) {
            PeriodInput in = request.inputs().get(i);
            if (only != null && !only.equals(in.employeeId())) {
                continue;
            }
            if (!employees.containsKey(in.employeeId())) {
                throw PayrollErrorCode.EMPLOYEE_NOT_FOUND.notFound("inputs[" + i + "]: no " + j.code() + " employee " + in.employeeId());
            }
            if (!contracts.containsKey(in.employeeId())) {
                throw PayrollErrorCode.NO_CONTRACT.invalid("inputs[" + i + "].employeeId",
                        "has no contract in " + request.period(), in.employeeId());
            }
            inputs.put(in.employeeId(), in);
        }
        return inputs;
    }
}
