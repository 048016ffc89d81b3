package dev.backoffice.payroll.jdbc;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.CommitOutcomeContract;
import dev.backoffice.core.testing.CommitOutcomes.Fault;
import dev.backoffice.core.testing.CommitOutcomes.Probe;
import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.ContractTerms;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.PayrollEngine;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.RunRequest;
import dev.backoffice.payroll.PayrollReads;
import dev.backoffice.payroll.TenantPayroll;
import dev.backoffice.payroll.PolishTaxProfile;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failure of a payroll approval means (DESIGN.md section 11), with faults injected
 * between the JDBC payroll store and a real database: an approved run (its payslips, year-to-date
 * figures and audit record) is stored exactly once when the caller is told so, not at all when
 * told it failed, and never twice. Identity: the run id.
 */
abstract class PayrollCommitOutcomeContract extends CommitOutcomeContract {

    private AuditStore audit;
    private PayrollEngine engine;
    private JdbcPayrollStore store;
    private static final YearMonth JANUARY = YearMonth.of(2025, 1);

    /**
     * The contract on one kind of JDBC store.
     *
     * @param kind the database under test
     */
    PayrollCommitOutcomeContract(StoreKind kind) {
        super(kind);
    }

    @BeforeAll
    void open() {
        Jdbc jdbc = meteredJdbc();
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2025-02-01T09:00:00Z"));
        store = JdbcPayrollStore.create(jdbc);
        audit = JdbcAuditStore.create(jdbc, clock);
        engine = PayrollEngine.builder().store(store).audit(audit).clock(clock).build();
    }

    /** A fresh tenant with one employee, ready for its January payroll. */
    private TenantId company() {
        TenantId tenant = TenantId.of("t-" + UUID.randomUUID());
        TenantPayroll payroll = engine.forTenant(tenant);
        Employee e = Employee.of("Anna", "Nowak", LocalDate.of(1990, 4, 1), PolishTaxProfile.standard());
        payroll.saveEmployee(e);
        payroll.saveContract(Contract.of(e.id(), ContractTerms.monthly(LocalDate.of(2024, 1, 1), Money.parse("PLN 10000.00"))));
        return tenant;
    }

    private PayrollRun approveJanuary(TenantId tenant) {
        return engine.forTenant(tenant).approve(RunRequest.regular("PL", JANUARY), "anna@hr");
    }

    @Test
    void anApprovedRunIsStoredAndAuditedExactlyOnceWhateverTheFaultAndTheCallerIsToldSo() {
        TenantId probe1 = company();
        TenantId probe2 = company();
        Probe probe = probe(() -> approveJanuary(probe1), () -> approveJanuary(probe2));
        for (Fault fault : faults(probe)) {
            TenantId tenant = company();
            PayrollReads data = store.forTenant(tenant).read();
            toldMatchesStored(fault, () -> approveJanuary(tenant),
                    told -> data.run(told.id()).filter(told::equals).isPresent() ? 1 : 0,
                    () -> {
                        int runs = data.runs(JANUARY).size();
                        assertThat(audit.forTenant(tenant).size()).as(fault.name() + ": one audit record per stored run")
                                .isEqualTo(runs);
                        assertThat(data.ytd("PL", "2025").size()).as(fault.name() + ": year-to-date figures only with the run")
                                .isEqualTo(runs);
                        return runs;
                    }, 1);
            assertThat(audit.forTenant(tenant).verify().intact()).isTrue();
        }
    }

    @Test
    void anApprovalWhoseCommitAcknowledgementIsLostIsCountedAsResolvedByLookup() {
        TenantId probe = company();
        int before = faulty().commits();
        approveJanuary(probe);
        int commitsOfAnApproval = faulty().commits() - before; // its write commits last
        TenantId tenant = company();
        metrics().clear();
        faulty().loseCommitAck(commitsOfAnApproval);
        PayrollRun told = approveJanuary(tenant);
        assertThat(store.forTenant(tenant).read().runs(JANUARY)).extracting(PayrollRun::id).containsExactly(told.id());
        assertThat(metrics().get(Meters.OUTCOME_RESOLVED + "|module|payroll")).as(metrics().toString()).isEqualTo(1);
        assertThat(metrics().get(Meters.OUTCOME_UNKNOWN)).isZero();
    }
}
