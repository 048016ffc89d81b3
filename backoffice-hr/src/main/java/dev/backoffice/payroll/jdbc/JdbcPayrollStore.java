package dev.backoffice.payroll.jdbc;

import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.jdbc.Reruns;
import dev.backoffice.core.jdbc.SchemaInstaller;
import dev.backoffice.core.jdbc.TransactionWork;
import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.EmployeeId;
import dev.backoffice.payroll.PayrollErrorCode;
import dev.backoffice.payroll.PayrollReads;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.PayrollRunId;
import dev.backoffice.payroll.PayrollStore;
import dev.backoffice.payroll.PayrollTx;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.TenantPayrollStore;
import dev.backoffice.payroll.jdbc.internal.PayrollSql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Payroll data in PostgreSQL (or H2 in PostgreSQL mode) through the SDK's {@link Jdbc} helper.
 * Schema: {@code db/hr/V1__hr.sql} (Flyway naming); {@link #create(Jdbc)} installs it.
 *
 * <p>Each read of {@link TenantPayrollStore#read()} is one read transaction. A
 * {@link TenantPayrollStore#write(Function) write} is one transaction (joining the thread's open
 * transaction on the same data source, e.g. a host's); a lost commit acknowledgement reruns it,
 * and an approval in it looks its run id up first, so a run that landed is not stored twice (nor
 * audited twice). Approval takes a row lock on the tenant's payroll state (its version), so two
 * approvals of one tenant serialize and a run computed on stale year-to-date figures is refused
 * with {@code payroll.stale_run}. A unique index allows one regular run per jurisdiction and
 * period. Payslip lines use a compact per-run dictionary encoding, so a run of 100,000 payslips
 * is one transaction of batched inserts.
 */
public final class JdbcPayrollStore extends TenantScopedStore<TenantPayrollStore> implements PayrollStore {

    private final Jdbc jdbc;
    private final PayrollSql sql = PayrollSql.create();

    /** Settles a lost commit outcome by the run's identity, counting through the helper's metrics. */
    private final Reruns reruns;

    private JdbcPayrollStore(Jdbc jdbc) {
        super(Handles.PER_CALL);
        this.jdbc = jdbc;
        this.reruns = Reruns.metered(jdbc.metrics(), "payroll");
    }

    /** The recorder of this store's {@link Jdbc} ({@link Jdbc#withMetrics}). */
    @Override
    public MetricsRecorder metrics() {
        return jdbc.metrics();
    }

    /**
     * A store over {@code jdbc}, installing the schema if missing.
     *
     * @param jdbc the transaction helper over the data source
     * @return the store
     */
    public static JdbcPayrollStore create(Jdbc jdbc) {
        Check.notNull(jdbc, "jdbc");
        SchemaInstaller.install(jdbc, "hr", List.of("V1__hr.sql"));
        return new JdbcPayrollStore(jdbc);
    }

    @Override
    protected TenantPayrollStore open(TenantId tenant) {
        return new Tenant(tenant);
    }

    /** A statement run on the caller's connection, its {@link SQLException} left to {@link Jdbc}. */
    @FunctionalInterface
    private interface Statement<T> {
        T run(Connection c) throws SQLException;
    }

    /** What a write stored that identifies it, for the caller told {@code storage.outcome_unknown}. */
    private static final class Identity {
        private volatile PayrollRunId run;

        String describe(TenantId tenant) {
            PayrollRunId r = run;
            return r != null ? "payroll run " + r + ": read it with run(id)"
                    : "a payroll write of tenant " + tenant + " (employees and contracts are saved by id: read them, or save them again)";
        }
    }

    private final class Tenant extends TenantScope implements TenantPayrollStore {

        private final PayrollReads reads = new Reads();

        Tenant(TenantId tenant) {
            super(tenant);
        }

        @Override
        public PayrollReads read() {
            return reads;
        }

        @Override
        public <T> T write(Function<? super PayrollTx, ? extends T> work) {
            Check.notNull(work, "work");
            Identity identity = new Identity();
            try {
                return reruns.run(rerun -> jdbc.inTransaction(tenant, (TransactionWork<T>) c -> {
                    Tx tx = new Tx(c, rerun, identity);
                    try {
                        return work.apply(tx);
                    } finally {
                        tx.closed = true;
                    }
                }), () -> identity.describe(tenant));
            } catch (StorageException e) {
                // An approval that met a concurrent one on a unique key (two first approvals of a tenant both
                // insert its payroll state row: there was none to lock) is stale, as it was before.
                if (identity.run != null && e.getCause() instanceof SQLException cause && jdbc.dialect().isUniqueViolation(cause)) {
                    throw PayrollErrorCode.STALE_RUN.conflict("a concurrent approval won: " + cause.getMessage());
                }
                throw e;
            }
        }

        /** The reads, each run by {@link #on}: in a read transaction of its own, or on a write's connection. */
        private abstract class View implements PayrollReads {

            abstract <T> T on(Statement<T> statement);

            @Override
            public TenantId tenant() {
                return tenant;
            }

            @Override
            public Optional<Employee> employee(EmployeeId id) {
                Check.notNull(id, "id");
                return on(c -> sql.employee(c, t, id));
            }

            @Override
            public List<Employee> employees() {
                return on(c -> sql.employees(c, t));
            }

            @Override
            public List<Contract> contracts(EmployeeId employee) {
                Check.notNull(employee, "employee");
                return on(c -> sql.contracts(c, t, employee));
            }

            @Override
            public List<Contract> contractsOverlapping(LocalDate from, LocalDate to) {
                return on(c -> sql.contractsOverlapping(c, t, from, to));
            }

            @Override
            public Map<EmployeeId, Map<String, Long>> ytd(String jurisdiction, String taxYear) {
                return on(c -> sql.ytd(c, t, jurisdiction, taxYear));
            }

            @Override
            public Map<EmployeeId, Map<String, Long>> ytdDeltasFrom(String jurisdiction, String taxYear, YearMonth from) {
                return on(c -> sql.ytdDeltasFrom(c, t, jurisdiction, taxYear, from));
            }

            @Override
            public List<Payslip> approvedPayslips(String jurisdiction, YearMonth period) {
                return on(c -> sql.approvedPayslips(c, t, jurisdiction, period));
            }

            @Override
            public boolean regularRunApproved(String jurisdiction, YearMonth period) {
                return on(c -> sql.regularRunApproved(c, t, jurisdiction, period));
            }

            @Override
            public long version() {
                return on(c -> sql.version(c, t));
            }

            @Override
            public Optional<PayrollRun> run(PayrollRunId id) {
                Check.notNull(id, "id");
                return on(c -> sql.run(c, t, id));
            }

            @Override
            public List<PayrollRun> runs(YearMonth period) {
                return on(c -> sql.runs(c, t, period));
            }

            @Override
            public Optional<Payslip> payslip(PayrollRunId run, EmployeeId employee) {
                return on(c -> sql.payslip(c, t, run, employee));
            }
        }

        /** Committed data: each call is one read transaction. */
        private final class Reads extends View {
            @Override
            <T> T on(Statement<T> statement) {
                return jdbc.inReadTransaction(statement::run);
            }
        }

        /** One attempt of a write: every call runs on the attempt's connection. */
        private final class Tx extends View implements PayrollTx {
            private final Connection c;
            private final boolean rerun;
            private final Identity identity;
            private boolean closed;

            Tx(Connection c, boolean rerun, Identity identity) {
                this.c = c;
                this.rerun = rerun;
                this.identity = identity;
            }

            @Override
            <T> T on(Statement<T> statement) {
                if (closed) {
                    throw new IllegalStateException("this write has ended: use its unit only inside the work");
                }
                try {
                    return statement.run(c);
                } catch (SQLException e) {
                    throw new StorageException.Sql(e); // Jdbc decides: retry, or give up with nothing written
                }
            }

            @Override
            public void saveEmployee(Employee employee) {
                saveEmployees(List.of(Check.notNull(employee, "employee")));
            }

            @Override
            public void saveEmployees(List<Employee> employees) {
                Check.notNull(employees, "employees");
                employees.forEach(e -> Check.notNull(e, "employee"));
                on(c -> {
                    sql.saveEmployees(c, t, employees);
                    return null;
                });
            }

            @Override
            public void saveContract(Contract contract) {
                saveContracts(List.of(Check.notNull(contract, "contract")));
            }

            @Override
            public void saveContracts(List<Contract> contracts) {
                Check.notNull(contracts, "contracts");
                contracts.forEach(x -> Check.notNull(x, "contract"));
                on(c -> {
                    sql.saveContracts(c, t, contracts);
                    return null;
                });
            }

            @Override
            public boolean saveApprovedRun(PayrollRun run, long expectedVersion) {
                Check.notNull(run, "run");
                identity.run = run.id();
                return on(c -> sql.saveApprovedRun(c, t, run, expectedVersion, rerun));
            }
        }
    }
}
