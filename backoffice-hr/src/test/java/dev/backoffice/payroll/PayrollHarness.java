package dev.backoffice.payroll;

import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.payroll.memory.InMemoryPayrollStore;
import org.joda.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One tenant, an in-memory store and an engine on a fixed clock (and the tenant's payroll,
 * {@link #payroll}): the fixture of the golden tests,
 * shipped in the {@code backoffice-hr} test-jar so that anyone can check the payroll against
 * their own figures (see the module README, "Check it against your own figures").
 *
 * <pre>{@code
 * PayrollHarness h = new PayrollHarness();
 * h.hire(PolishTaxProfile.standard(), LocalDate.of(1985, 5, 5), LocalDate.of(2020, 1, 1), "PLN 10000.00");
 * Payslip january = h.approve("PL", YearMonth.of(2025, 1));
 * assertThat(january.amount(PolishLineCodes.PIT)).isEqualTo(PayrollHarness.m(january, "705.00"));
 * }</pre>
 */
public final class PayrollHarness {
    public final TenantId tenant = TenantId.of("golden");
    public final InMemoryPayrollStore store = InMemoryPayrollStore.create();
    public final InMemoryAuditStore audit;
    public final AdjustableClock clock;
    public final PayrollEngine engine;
    /** The tenant's payroll: {@code engine.forTenant(tenant)}. */
    public final TenantPayroll payroll;

    /** A harness whose employer has no settings (statutory defaults). */
    public PayrollHarness() {
        this(EmployerSettings.none());
    }

    /** A harness whose employer has these settings (e.g. its own accident-insurance rate). */
    public PayrollHarness(EmployerSettings settings) {
        clock = AdjustableClock.startingAt(Instant.parse("2025-01-31T12:00:00Z"));
        audit = InMemoryAuditStore.create(clock);
        engine = PayrollEngine.builder().store(store).audit(audit).clock(clock).employerSettings(tenant, settings).build();
        payroll = engine.forTenant(tenant);
    }

    /** Hires someone on open-ended monthly terms. */
    public Employee hire(TaxProfile profile, LocalDate birthDate, LocalDate start, String salary) {
        return hire(profile, birthDate, ContractTerms.monthly(start, Money.parse(salary)));
    }

    public Employee hire(TaxProfile profile, LocalDate birthDate, ContractTerms terms) {
        Employee e = Employee.of("Test", "Employee", birthDate, profile);
        payroll.saveEmployee(e);
        payroll.saveContract(Contract.of(e.id(), terms));
        return e;
    }

    /** Approves a regular run of {@code period} and returns its only payslip. */
    public Payslip approve(String jurisdiction, YearMonth period, PeriodInput... inputs) {
        PayrollRun run = payroll.approve(RunRequest.regular(jurisdiction, period).withInputs(inputs), "golden@test");
        return run.payslips().get(0);
    }

    /** Approves the regular runs of consecutive months and returns the payslips. */
    public List<Payslip> approveMonths(String jurisdiction, YearMonth first, int count, Function<YearMonth, PeriodInput[]> inputs) {
        List<Payslip> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            YearMonth m = first.plusMonths(i);
            out.add(approve(jurisdiction, m, inputs.apply(m)));
        }
        return out;
    }

    /** Shorthand for a money value in a payslip's currency. */
    public static Money m(Payslip p, String amount) {
        return Money.of(p.currency(), new java.math.BigDecimal(amount));
    }
}
