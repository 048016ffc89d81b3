package dev.backoffice.payroll.jdbc;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestHost;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.ContractTerms;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.PayrollEngine;
import dev.backoffice.payroll.PayrollReads;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.PolishTaxProfile;
import dev.backoffice.payroll.RunRequest;
import dev.backoffice.payroll.TenantPayrollStore;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC payroll store inside a host application's transaction (issue #18 item 1): an employee
 * hired and a run approved (payslips, year-to-date figures, audit record) land with the host's
 * commit and vanish with its rollback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PayrollHostTransactionContract {

    private static final YearMonth JANUARY = YearMonth.of(2025, 1);

    private final StoreKind kind;
    private TestDatabase db;
    private TestHost host;
    private JdbcPayrollStore store;
    private AuditStore audit;
    private PayrollEngine engine;

    PayrollHostTransactionContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void open() {
        db = kind.openDatabase();
        host = TestHost.over(db.dataSource());
        Jdbc jdbc = Jdbc.of(db.dataSource()).withHostTransactions(host);
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2025-02-01T09:00:00Z"));
        store = JdbcPayrollStore.create(jdbc);
        audit = JdbcAuditStore.create(jdbc, clock);
        engine = PayrollEngine.builder().store(store).audit(audit).clock(clock).build();
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @AfterEach
    void payrollNeverCommittedOrClosedTheHostsConnection() {
        assertThat(host.forbiddenCalls()).isEmpty();
    }

    /** Hires one employee (inside whatever transaction is open) in a fresh tenant. */
    private TenantId hire() {
        TenantId tenant = TenantId.of("t-" + UUID.randomUUID());
        TenantPayrollStore data = store.forTenant(tenant);
        Employee e = Employee.of("Anna", "Nowak", LocalDate.of(1990, 4, 1), PolishTaxProfile.standard());
        data.write(tx -> {
            tx.saveEmployee(e);
            tx.saveContract(Contract.of(e.id(), ContractTerms.monthly(LocalDate.of(2024, 1, 1), Money.parse("PLN 10000.00"))));
            return null;
        });
        return tenant;
    }

    @Test
    void aRunApprovedInsideTheHostsTransactionLandsWithItsCommit() {
        host.begin();
        TenantId tenant;
        PayrollRun run;
        try {
            tenant = hire();
            run = engine.forTenant(tenant).approve(RunRequest.regular("PL", JANUARY), "anna@hr");
        } finally {
            host.commit();
        }
        PayrollReads data = store.forTenant(tenant).read();
        assertThat(data.run(run.id())).contains(run);
        assertThat(data.ytd("PL", "2025")).hasSize(1);
        assertThat(audit.forTenant(tenant).size()).isEqualTo(1);
    }

    @Test
    void aRunApprovedInsideTheHostsTransactionVanishesWithItsRollback() {
        host.begin();
        TenantId tenant;
        PayrollRun run;
        try {
            tenant = hire();
            run = engine.forTenant(tenant).approve(RunRequest.regular("PL", JANUARY), "anna@hr");
        } finally {
            host.rollback();
        }
        PayrollReads data = store.forTenant(tenant).read();
        assertThat(data.run(run.id())).isEmpty();
        assertThat(data.runs(JANUARY)).isEmpty();
        assertThat(data.ytd("PL", "2025")).isEmpty();
        assertThat(data.employees()).isEmpty();
        assertThat(audit.forTenant(tenant).size()).isZero();
    }
}
