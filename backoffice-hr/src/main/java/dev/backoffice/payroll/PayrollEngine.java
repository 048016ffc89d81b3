package dev.backoffice.payroll;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.payroll.internal.Jurisdictions;
import dev.backoffice.payroll.internal.RunComputer;
import dev.backoffice.payroll.internal.TenantPayrollService;
import dev.backoffice.payroll.jurisdiction.Jurisdiction;
import dev.backoffice.payroll.pl.PolishPayroll;
import dev.backoffice.payroll.uk.UkPayroll;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The front door of payroll: built once over a {@link PayrollStore}, hands out one
 * {@link TenantPayroll} per tenant (employees, contracts, previews and approvals of runs).
 *
 * <pre>{@code
 * PayrollEngine engine = PayrollEngine.builder().store(store).audit(auditStore).clock(clock).build();
 * TenantPayroll acme = engine.forTenant(TenantId.of("acme"));
 * PayrollRun preview = acme.preview(RunRequest.regular("PL", YearMonth.of(2026, 1)));
 * PayrollRun approved = acme.approve(RunRequest.regular("PL", YearMonth.of(2026, 1)), "anna@hr");
 * }</pre>
 *
 * <p>Tenant-free computations need no store: a month computed from values alone
 * ({@link #whatIf}), a jurisdiction's rules ({@link #jurisdiction}, {@link #pipeline}), on an
 * engine built with {@code PayrollEngine.builder().build()}. Per-employer settings (e.g. the
 * Polish accident-insurance rate) come from
 * {@link Builder#employerSettings(TenantId, EmployerSettings)}.
 *
 * <p>Thread-safe. Computation runs on the common fork-join pool for large runs.
 */
public final class PayrollEngine {

    private final PayrollStore store;
    private final Clock clock;
    private final AuditStore audit;
    private final Jurisdictions jurisdictions;
    private final Function<TenantId, EmployerSettings> settings;
    private final RunComputer computer;
    private final MetricsRecorder metrics;
    private final ConcurrentMap<TenantId, TenantPayroll> tenants = new ConcurrentHashMap<>();

    /** Every default is applied here, once: clock, audit store, the Polish and UK rules, no employer settings. */
    private PayrollEngine(Builder b) {
        this.store = b.store; // optional: whatIf, jurisdiction and pipeline need none
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.audit = b.audit == null ? InMemoryAuditStore.create(clock) : b.audit;
        Map<String, Jurisdiction> rules = new LinkedHashMap<>(b.jurisdictions);
        rules.putIfAbsent(PolishPayroll.CODE, Defaults.POLAND);
        rules.putIfAbsent(UkPayroll.CODE, Defaults.UK);
        this.jurisdictions = Jurisdictions.create(rules);
        Map<TenantId, EmployerSettings> byTenant = Map.copyOf(b.settingsByTenant);
        Function<TenantId, EmployerSettings> lookup = b.settingsLookup;
        this.settings = tenant -> {
            EmployerSettings own = byTenant.get(tenant);
            if (own != null) {
                return own;
            }
            EmployerSettings found = lookup == null ? null : lookup.apply(tenant);
            return found == null ? EmployerSettings.none() : found;
        };
        this.computer = RunComputer.create(jurisdictions, clock);
        this.metrics = b.metrics == null ? MetricsRecorder.NONE : b.metrics;
    }

    /**
     * A builder with the Polish and UK rules registered.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The payroll of {@code tenant}: one handle per tenant, made on first use and kept.
     *
     * @param tenant the tenant
     * @return the tenant's payroll
     * @throws InvalidRequestException if {@code tenant} is null
     * @throws dev.backoffice.core.error.RuleViolationException {@code payroll.engine_not_configured} if this
     *         engine was built without a store
     */
    public TenantPayroll forTenant(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        if (store == null) {
            throw PayrollErrorCode.ENGINE_NOT_CONFIGURED.rule("this engine has no store: build it with PayrollEngine.builder().store(...), or use whatIf(...) for a computation from values");
        }
        TenantPayroll t = tenants.get(tenant);
        return t != null ? t : tenants.computeIfAbsent(tenant, id -> TenantPayrollService.create(store, id, audit, clock, computer, settings, metrics));
    }

    /**
     * Builds a {@link PayrollEngine}. Every setter checks its argument at once; defaults are
     * applied when the engine is built. A store is needed for {@link PayrollEngine#forTenant};
     * {@link PayrollEngine#whatIf} needs none.
     */
    public static final class Builder {
        private PayrollStore store;
        private AuditStore audit;
        private Clock clock;
        private final Map<String, Jurisdiction> jurisdictions = new LinkedHashMap<>();
        private final Map<TenantId, EmployerSettings> settingsByTenant = new HashMap<>();
        private Function<TenantId, EmployerSettings> settingsLookup;
        private MetricsRecorder metrics;

        private Builder() {
        }

        /**
         * The store of employees, contracts and approved runs (needed by {@link PayrollEngine#forTenant}).
         *
         * @param store the store
         * @return this builder
         */
        public Builder store(PayrollStore store) {
            this.store = Check.notNull(store, "store");
            return this;
        }

        /**
         * Where approvals are audited (default: an in-memory log). With a JDBC store pass a
         * {@code JdbcAuditStore} on the same data source, so the audit record and the approved
         * run commit together.
         *
         * @param audit the audit store
         * @return this builder
         */
        public Builder audit(AuditStore audit) {
            this.audit = Check.notNull(audit, "audit");
            return this;
        }

        /**
         * Where run durations are recorded ({@code Meters.PAYROLL_RUN}, default: nowhere). Pass
         * the recorder the JDBC stores use ({@code MicrometerMetrics.create(registry)}), so every
         * SDK number lands in one registry.
         *
         * @param metrics the recorder
         * @return this builder
         */
        public Builder metrics(MetricsRecorder metrics) {
            this.metrics = Check.notNull(metrics, "metrics");
            return this;
        }

        /**
         * The clock of computation and approval instants (default: system UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Check.notNull(clock, "clock");
            return this;
        }

        /**
         * Registers (or replaces) a jurisdiction's rules, and the line codes it publishes.
         *
         * @param jurisdiction the rules
         * @return this builder
         */
        public Builder jurisdiction(Jurisdiction jurisdiction) {
            jurisdictions.put(Check.notNull(jurisdiction, "jurisdiction").code(), jurisdiction);
            LineCodes.register(jurisdiction.code(), jurisdiction.lineCodes());
            return this;
        }

        /**
         * The settings of one employer (tenant), e.g. its accident-insurance rate; replaces
         * earlier ones of the tenant.
         *
         * @param tenant   the employer
         * @param settings its settings
         * @return this builder
         */
        public Builder employerSettings(TenantId tenant, EmployerSettings settings) {
            settingsByTenant.put(Check.notNull(tenant, "tenant"), Check.notNull(settings, "settings"));
            return this;
        }

        /**
         * Where to look up a tenant's settings when none were given with
         * {@link #employerSettings(TenantId, EmployerSettings)} (e.g. your own configuration
         * table); read at every run, so changes apply to the next run. A {@code null} answer
         * means no settings.
         *
         * @param lookup the lookup
         * @return this builder
         */
        public Builder employerSettings(Function<TenantId, EmployerSettings> lookup) {
            this.settingsLookup = Check.notNull(lookup, "lookup");
            return this;
        }

        /**
         * The engine.
         *
         * @return a new engine
         */
        public PayrollEngine build() {
            return new PayrollEngine(this);
        }
    }

    /** Rules are parsed once per JVM. */
    private static final class Defaults {
        static final Jurisdiction POLAND = new PolishPayroll();
        static final Jurisdiction UK = new UkPayroll();
    }

    /**
     * The registered jurisdiction of {@code code}: an exact code ({@code PL}, {@code GB}), the
     * same in any letter case, or a common alias ({@code UK} for {@code GB}).
     *
     * @param code the code
     * @return the jurisdiction's rules
     * @throws InvalidRequestException {@code payroll.unknown_jurisdiction}, naming the codes and aliases that exist
     */
    public Jurisdiction jurisdiction(String code) {
        return jurisdictions.get(code);
    }

    /**
     * The pipeline of a jurisdiction, as {@code COMPONENT:step} names.
     *
     * @param jurisdiction the jurisdiction's code
     * @return the steps in order
     */
    public List<String> pipeline(String jurisdiction) {
        return jurisdiction(jurisdiction).pipeline();
    }

    /**
     * Computes one employee's month from the values given, with no store, tenant, audit store or
     * clock involved: a what-if. Checks the same as a run (currencies, birth date, profile).
     *
     * @param whatIf the employee, contracts, inputs and year to date
     * @return the payslip
     * @throws InvalidRequestException {@code payroll.no_contract_in_period} if no contract overlaps the period,
     *         {@code payroll.currency_mismatch}, {@code payroll.birth_date_in_future}, {@code payroll.profile_mismatch}...
     */
    public Payslip whatIf(WhatIf whatIf) {
        Check.notNull(whatIf, "whatIf");
        return computer.whatIf(whatIf);
    }
}
