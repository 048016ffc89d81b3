package dev.backoffice.examples.demo;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.examples.demo.scenario.Scenario;
import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.ContractId;
import dev.backoffice.payroll.ContractTerms;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.EmployeeId;
import dev.backoffice.payroll.PolishTaxProfile;
import dev.backoffice.payroll.StudentLoanPlan;
import dev.backoffice.payroll.TaxProfile;
import dev.backoffice.payroll.UkTaxProfile;
import dev.backoffice.payroll.Bonus;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.PayrollRunId;
import dev.backoffice.payroll.PeriodInput;
import dev.backoffice.payroll.RunKind;
import dev.backoffice.payroll.RunRequest;
import dev.backoffice.payroll.RunStatus;
import dev.backoffice.payroll.TenantPayroll;
import org.joda.money.CurrencyUnit;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hires the scenario's staff (idempotently: ids derive from the tenant and the employee
 * reference) and runs, approves and returns the month's regular payroll. A rerun finds the
 * approved run and returns it instead of running the period twice.
 */
final class PayrollStep {

    private PayrollStep() {
    }

    static EmployeeId employeeId(String tenant, String ref) {
        return EmployeeId.of(uuid("employee:" + tenant + ":" + ref));
    }

    /** The employees by scenario reference, saved to the store if missing. */
    static Map<String, Employee> hire(TenantPayroll payroll, Scenario.Entity entity, CurrencyUnit currency) {
        Map<String, Employee> byRef = new LinkedHashMap<>();
        List<Employee> newEmployees = new ArrayList<>();
        List<Contract> newContracts = new ArrayList<>();
        for (Scenario.EmployeeSpec spec : entity.employees()) {
            EmployeeId id = employeeId(entity.tenant(), spec.ref());
            Employee employee = payroll.employee(id).orElse(null);
            if (employee == null) {
                employee = new Employee(id, spec.givenName(), spec.familyName(), spec.birthDate(), profile(entity.country(), spec));
                newEmployees.add(employee);
                Contract contract = new Contract(ContractId.of(uuid("contract:" + entity.tenant() + ":" + spec.ref())), id,
                        spec.start(), spec.end().orElse(null),
                        List.of(ContractTerms.monthly(spec.start(), MoneyMath.of(currency, spec.monthlySalary(), RoundingMode.UNNECESSARY))));
                newContracts.add(contract);
            }
            byRef.put(spec.ref(), employee);
        }
        if (!newEmployees.isEmpty()) {
            payroll.saveEmployees(newEmployees);
            payroll.saveContracts(newContracts);
        }
        return byRef;
    }

    /** The approved regular run of {@code month}: found if an earlier run approved it, else computed and approved now. */
    static PayrollRun run(TenantPayroll payroll, Scenario.Entity entity, YearMonth month,
                          CurrencyUnit currency, String actor) {
        PayrollRunId runId = PayrollRunId.of(uuid("payroll-run:" + entity.tenant() + ":" + month + ":regular"));
        var existing = payroll.run(runId);
        if (existing.isPresent() && existing.get().status() == RunStatus.APPROVED) {
            return existing.get();
        }
        List<PeriodInput> inputs = new ArrayList<>();
        for (Scenario.EmployeeSpec spec : entity.employees()) {
            if (spec.bonus().isPresent()) {
                inputs.add(PeriodInput.builder(employeeId(entity.tenant(), spec.ref()))
                        .bonus(Bonus.of("Bonus", MoneyMath.of(currency, spec.bonus().get(), RoundingMode.UNNECESSARY)))
                        .build());
            }
        }
        RunRequest request = new RunRequest(runId, entity.country(), month, entity.payDate(), RunKind.REGULAR, inputs);
        return payroll.approve(request, actor);
    }

    private static TaxProfile profile(String country, Scenario.EmployeeSpec spec) {
        if (country.equals("GB")) {
            UkTaxProfile uk = UkTaxProfile.of(spec.taxCode().orElseThrow(), spec.niCategory().orElseThrow());
            return spec.studentLoan().map(plan -> uk.withStudentLoans(StudentLoanPlan.valueOf(plan))).orElse(uk);
        }
        PolishTaxProfile pl = PolishTaxProfile.standard();
        return spec.ppk().orElse(false) ? pl.withPpk() : pl;
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
