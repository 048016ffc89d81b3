package dev.backoffice.payroll;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.payroll.jdbc.JdbcPayrollStore;
import dev.backoffice.payroll.memory.InMemoryPayrollStore;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every {@link PayrollStore} meets, run against the in-memory store, H2 and
 * PostgreSQL (one subclass each, naming its {@link StoreKind}). Each test gets a fresh store.
 */
public abstract class PayrollStoreContract {

    private final StoreKind kind;
    private final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2025-02-01T09:00:00Z"));
    private final TenantId tenant = TenantId.of("acme");
    private TestDatabase db;
    private PayrollStore store;
    private AuditStore audit;
    private TenantPayroll payroll;
    private TenantPayrollStore data;

    /**
     * The contract on one kind of store.
     *
     * @param kind the store under test
     */
    protected PayrollStoreContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void setUp() {
        if (kind.jdbc()) {
            db = kind.openDatabase();
            store = JdbcPayrollStore.create(db.jdbc());
            audit = JdbcAuditStore.create(db.jdbc(), clock);
        } else {
            store = InMemoryPayrollStore.create();
            audit = InMemoryAuditStore.create(clock);
        }
        payroll = PayrollEngine.builder().store(store).audit(audit).clock(clock).build().forTenant(tenant);
        data = store.forTenant(tenant);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private Employee polish(String salary) {
        Employee e = Employee.of("Anna", "Nowak", LocalDate.of(1990, 4, 1), PolishTaxProfile.standard());
        payroll.saveEmployee(e);
        payroll.saveContract(Contract.of(e.id(), ContractTerms.monthly(LocalDate.of(2024, 1, 1), Money.parse(salary))));
        return e;
    }

    @Test
    void employees_round_trip() {
        Employee e = Employee.of("John", "Smith", LocalDate.of(1980, 1, 2),
                UkTaxProfile.of("S1257L", "A").withStudentLoans(StudentLoanPlan.PLAN_4, StudentLoanPlan.POSTGRADUATE));
        payroll.saveEmployee(e);
        assertThat(data.read().employee(e.id())).contains(e);
        Employee changed = e.withProfile(UkTaxProfile.of("K100", "A"));
        payroll.saveEmployee(changed);
        assertThat(data.read().employees()).containsExactly(changed);
    }

    @Test
    void tenants_do_not_see_each_other() {
        polish("PLN 5000.00");
        assertThat(store.forTenant(TenantId.of("other")).read().employees()).isEmpty();
        assertThat(store.forTenant(TenantId.of("other")).read().contractsOverlapping(LocalDate.MIN, LocalDate.MAX)).isEmpty();
    }

    @Test
    void contracts_round_trip_with_changes_over_time() {
        Employee e = polish("PLN 5000.00");
        Contract c = data.read().contracts(e.id()).get(0);
        Contract changed = c.withChange(ContractTerms.monthly(LocalDate.of(2025, 6, 1), Money.parse("PLN 5500.00"))).endingOn(LocalDate.of(2025, 12, 31));
        payroll.saveContract(changed);
        assertThat(data.read().contracts(e.id())).containsExactly(changed);
        assertThat(data.read().contractsOverlapping(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31))).isEmpty();
        assertThat(data.read().contractsOverlapping(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31))).containsExactly(changed);
    }

    @Test
    void overlapping_contract_is_refused_and_nothing_is_written() {
        Employee e = polish("PLN 5000.00");
        Contract first = data.read().contracts(e.id()).get(0).endingOn(LocalDate.of(2024, 12, 31));
        Contract fine = new Contract(ContractId.newId(), e.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30),
                List.of(ContractTerms.monthly(LocalDate.of(2025, 1, 1), Money.parse("PLN 6000.00"))));
        Contract overlapping = Contract.of(e.id(), ContractTerms.monthly(LocalDate.of(2025, 6, 1), Money.parse("PLN 7000.00")));
        assertThatThrownBy(() -> payroll.saveContracts(List.of(first, fine, overlapping)))
                .isInstanceOf(RuleViolationException.class)
                .extracting(x -> ((BackofficeException) x).code()).isEqualTo(PayrollErrorCode.CONTRACT_OVERLAP.code());
        assertThat(data.read().contracts(e.id())).hasSize(1).first().extracting(Contract::end).isNull();
    }

    @Test
    void contract_of_an_unknown_employee_is_refused() {
        assertThatThrownBy(() -> payroll.saveContract(Contract.of(EmployeeId.newId(), ContractTerms.monthly(LocalDate.of(2025, 1, 1), Money.parse("PLN 1.00")))))
                .isInstanceOf(NotFoundException.class)
                .extracting(x -> ((BackofficeException) x).code()).isEqualTo(PayrollErrorCode.EMPLOYEE_NOT_FOUND.code());
    }

    @Test
    void approval_stores_the_run_its_payslips_ytd_and_an_audit_record() {
        Employee e = polish("PLN 10000.00");
        PayrollRun preview = payroll.preview(RunRequest.regular("PL", YearMonth.of(2025, 1)));
        assertThat(data.read().runs(YearMonth.of(2025, 1))).isEmpty();
        PayrollRun run = payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, 1)), "anna@hr");
        assertThat(run.status()).isEqualTo(RunStatus.APPROVED);
        assertThat(run.payslips()).isEqualTo(preview.payslips().stream().map(p -> withRun(p, run.id())).toList());
        PayrollRun stored = data.read().run(run.id()).orElseThrow();
        assertThat(stored).isEqualTo(run);
        assertThat(data.read().payslip(run.id(), e.id())).contains(run.payslips().get(0));
        assertThat(data.read().runs(YearMonth.of(2025, 1))).containsExactly(run.withoutPayslips());
        assertThat(data.read().ytd("PL", "2025").get(e.id())).containsEntry("net", 714_739L).containsEntry("pl.pension_base", 1_000_000L);
        var log = audit.forTenant(tenant);
        assertThat(log.size()).isEqualTo(1);
        assertThat(log.read(1, 1).get(0).event().action()).isEqualTo("payroll.run_approved");
        assertThat(log.read(1, 1).get(0).event().details()).containsEntry("net", "PLN 7147.39");
        assertThat(log.verify().intact()).isTrue();
    }

    private static Payslip withRun(Payslip p, PayrollRunId id) {
        return new Payslip(id, p.employeeId(), p.employeeName(), p.period(), p.payDate(), p.jurisdiction(), p.taxYear(), p.kind(), p.currency(),
                p.lines(), p.gross(), p.deductions(), p.net(), p.employerCost(), p.ytd(), p.ytdDelta());
    }

    @Test
    void approving_a_period_twice_is_refused_and_nothing_is_written() {
        Employee e = polish("PLN 10000.00");
        payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, 1)), "anna@hr");
        Map<String, Long> ytd = data.read().ytd("PL", "2025").get(e.id());
        assertThatThrownBy(() -> payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, 1)), "anna@hr"))
                .isInstanceOf(RuleViolationException.class)
                .extracting(x -> ((BackofficeException) x).code()).isEqualTo(PayrollErrorCode.PERIOD_ALREADY_APPROVED.code());
        assertThat(data.read().runs(YearMonth.of(2025, 1))).hasSize(1);
        assertThat(data.read().ytd("PL", "2025").get(e.id())).isEqualTo(ytd);
        assertThat(audit.forTenant(tenant).size()).isEqualTo(1);
    }

    @Test
    void a_run_computed_on_stale_figures_is_refused() {
        polish("PLN 10000.00");
        PayrollRun jan = payroll.preview(RunRequest.regular("PL", YearMonth.of(2025, 1))).approved("x", clock.instant());
        long version = data.read().version();
        payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, 2)), "anna@hr");
        assertThatThrownBy(() -> data.write(tx -> tx.saveApprovedRun(jan, version)))
                .isInstanceOf(ConflictException.class)
                .extracting(x -> ((BackofficeException) x).code()).isEqualTo(PayrollErrorCode.STALE_RUN.code());
        assertThat(data.read().runs(YearMonth.of(2025, 1))).isEmpty();
    }

    @Test
    void year_to_date_carries_across_runs() {
        Employee e = polish("PLN 10000.00");
        payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, 1)), "anna@hr");
        PayrollRun feb = payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, 2)), "anna@hr");
        assertThat(feb.payslips().get(0).ytd()).containsEntry("pl.pension_base", 2_000_000L);
        assertThat(data.read().ytd("PL", "2025").get(e.id())).containsEntry("gross", 2_000_000L);
    }

    @Test
    void a_correction_pays_the_difference() {
        Employee e = polish("PLN 10000.00");
        payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, 1)), "anna@hr");
        RunRequest fix = RunRequest.correction("PL", YearMonth.of(2025, 1), LocalDate.of(2025, 1, 31))
                .withInputs(PeriodInput.builder(e.id()).bonus(Bonus.of("Forgotten bonus", Money.parse("PLN 1000.00"))).build());
        PayrollRun correction = payroll.approve(fix, "anna@hr");
        Payslip diff = correction.payslips().get(0);
        // 11 000: social 1 508,10; health (9 491,90 × 9%) 854,27; base 9 241,90 → 9 242, 12% − 300 = 809,04 → 809
        // net 11 000 − 1 508,10 − 854,27 − 809 = 7 828,63; difference from 7 147,39 = 681,24
        assertThat(diff.kind()).isEqualTo(RunKind.CORRECTION);
        assertThat(diff.gross()).isEqualTo(Money.parse("PLN 1000.00"));
        assertThat(diff.amount("pl.bonus")).isEqualTo(Money.parse("PLN 1000.00"));
        assertThat(diff.amount("pl.pit")).isEqualTo(Money.parse("PLN 104.00"));
        assertThat(diff.net()).isEqualTo(Money.parse("PLN 681.24"));
        assertThat(correction.journal().balanced()).isTrue();
        assertThat(data.read().ytd("PL", "2025").get(e.id())).containsEntry("net", 782_863L).containsEntry("gross", 1_100_000L);
        assertThat(data.read().approvedPayslips("PL", YearMonth.of(2025, 1))).hasSize(2);
        // The next regular month sees the corrected year to date.
        PayrollRun feb = payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, 2)), "anna@hr");
        assertThat(feb.payslips().get(0).ytd()).containsEntry("gross", 2_100_000L);
    }

    @Test
    void a_correction_needs_an_approved_period() {
        polish("PLN 10000.00");
        assertThatThrownBy(() -> payroll.preview(RunRequest.correction("PL", YearMonth.of(2025, 3), LocalDate.of(2025, 3, 31))))
                .isInstanceOf(RuleViolationException.class)
                .extracting(x -> ((BackofficeException) x).code()).isEqualTo(PayrollErrorCode.NOTHING_TO_CORRECT.code());
    }

    @Test
    void concurrent_approvals_of_one_period_let_exactly_one_win() throws Exception {
        for (int i = 0; i < 20; i++) {
            polish("PLN " + (5000 + i) + ".00");
        }
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<String> task = () -> {
                start.await();
                try {
                    payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, 1)), "racer");
                    return "ok";
                } catch (BackofficeException e) {
                    return e.code();
                }
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("ok")).allMatch(o -> o.equals(PayrollErrorCode.PERIOD_ALREADY_APPROVED.code()) || o.equals(PayrollErrorCode.STALE_RUN.code()));
        assertThat(data.read().runs(YearMonth.of(2025, 1))).hasSize(1);
        assertThat(data.read().ytd("PL", "2025")).hasSize(20).allSatisfy((id, m) -> assertThat(m.get("pl.pension_base")).isBetween(500_000L, 502_000L));
        assertThat(audit.forTenant(tenant).size()).isEqualTo(1);
    }

    @Test
    void a_stored_run_keeps_the_engine_order_for_any_uuid() {
        for (int i = 0; i < 12; i++) {
            // random (v4) ids: half of them have the top bit set, where Java and SQL orders differ
            Employee e = new Employee(EmployeeId.of(java.util.UUID.randomUUID()), "E", "No" + i, LocalDate.of(1980, 1, 1), PolishTaxProfile.standard());
            payroll.saveEmployee(e);
            payroll.saveContract(Contract.of(e.id(), ContractTerms.monthly(LocalDate.of(2024, 1, 1), Money.parse("PLN 5000.00"))));
        }
        PayrollRun run = payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, 1)), "hr");
        assertThat(data.read().run(run.id()).orElseThrow().payslips()).isEqualTo(run.payslips());
        assertThat(data.read().employees()).isSortedAccordingTo(java.util.Comparator.comparing(Employee::id));
    }

    @Test
    void uk_and_polish_employees_run_separately() {
        polish("PLN 10000.00");
        Employee uk = Employee.of("John", "Smith", LocalDate.of(1980, 1, 2), UkTaxProfile.of("1257L", "A"));
        payroll.saveEmployee(uk);
        payroll.saveContract(Contract.of(uk.id(), ContractTerms.monthly(LocalDate.of(2024, 1, 1), Money.parse("GBP 3000.00"))));
        PayrollRun gb = payroll.approve(RunRequest.regular("GB", YearMonth.of(2025, 4)), "hr");
        assertThat(gb.payslips()).hasSize(1);
        assertThat(gb.payslips().get(0).net()).isEqualTo(Money.parse("GBP 2453.64"));
        assertThat(data.read().run(gb.id()).orElseThrow()).isEqualTo(gb);
        assertThat(data.read().ytd("GB", "2025/26")).containsOnlyKeys(uk.id());
    }

    private Employee someone(String name) {
        return Employee.of(name, "Kowalski", LocalDate.of(1985, 5, 5), PolishTaxProfile.standard());
    }

    @Test
    void a_write_lands_whole_or_not_at_all() {
        Employee kept = polish("PLN 5000.00");
        Employee e = someone("Jan");
        assertThatThrownBy(() -> data.write(tx -> {
            tx.saveEmployee(e);
            tx.saveContract(Contract.of(e.id(), ContractTerms.monthly(LocalDate.of(2025, 1, 1), Money.parse("PLN 6000.00"))));
            throw new IllegalStateException("the work fails after writing");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(data.read().employees()).containsExactly(kept);
        assertThat(data.read().contractsOverlapping(LocalDate.MIN, LocalDate.MAX)).extracting(Contract::employeeId).containsExactly(kept.id());
    }

    @Test
    void an_approval_whose_work_fails_after_saving_the_run_leaves_no_trace() {
        Employee e = polish("PLN 10000.00");
        PayrollRun jan = payroll.preview(RunRequest.regular("PL", YearMonth.of(2025, 1))).approved("x", clock.instant());
        assertThatThrownBy(() -> data.write(tx -> {
            assertThat(tx.saveApprovedRun(jan, 0)).isTrue();
            throw new IllegalStateException("the audit record could not be written");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(data.read().version()).isZero();
        assertThat(data.read().run(jan.id())).isEmpty();
        assertThat(data.read().regularRunApproved("PL", YearMonth.of(2025, 1))).isFalse();
        assertThat(data.read().ytd("PL", "2025")).doesNotContainKey(e.id());
        assertThat(payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, 1)), "anna@hr").payslips()).hasSize(1);
    }

    @Test
    void a_write_reads_its_own_writes_and_answers_what_its_work_returns() {
        Employee e = someone("Ewa");
        java.util.Optional<Employee> seen = data.write(tx -> {
            tx.saveEmployee(e);
            return tx.employee(e.id());
        });
        assertThat(seen).contains(e);
        assertThat(data.read().employee(e.id())).contains(e);
    }

    @Test
    void a_write_inside_a_write_of_the_tenant_joins_it() {
        Employee outer = someone("Adam");
        Employee inner = someone("Beata");
        assertThatThrownBy(() -> data.write(tx -> {
            tx.saveEmployee(outer);
            store.forTenant(tenant).write(nested -> {
                nested.saveEmployee(inner);
                return null;
            });
            throw new IllegalStateException("the outer work fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(data.read().employees()).isEmpty();
    }

    @Test
    void a_write_unit_is_refused_once_its_write_has_ended() {
        PayrollTx[] leaked = new PayrollTx[1];
        data.write(tx -> {
            leaked[0] = tx;
            return null;
        });
        assertThatThrownBy(() -> leaked[0].employees()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> leaked[0].saveEmployee(someone("Late"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_null_tenant_or_work_is_refused_naming_the_field() {
        assertThatThrownBy(() -> store.forTenant(null)).isInstanceOf(dev.backoffice.core.error.InvalidRequestException.class)
                .hasMessageContaining("tenant");
        assertThatThrownBy(() -> data.write(null)).isInstanceOf(dev.backoffice.core.error.InvalidRequestException.class)
                .hasMessageContaining("work");
    }
}
