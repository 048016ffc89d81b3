package dev.backoffice.payroll;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.logging.LogContext;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.payroll.internal.Journals;
import dev.backoffice.payroll.internal.PayslipAssembler;
import dev.backoffice.payroll.jurisdiction.CalculationContext;
import dev.backoffice.payroll.jurisdiction.ContractSegment;
import dev.backoffice.payroll.jurisdiction.Jurisdiction;
import dev.backoffice.payroll.jurisdiction.TaxYear;
import dev.backoffice.payroll.pl.PolishPayroll;
import dev.backoffice.payroll.uk.UkPayroll;
import org.joda.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The front door of payroll: previews and approves runs.
 *
 * <pre>{@code
 * PayrollEngine engine = PayrollEngine.builder().store(store).audit(auditStore).clock(clock).build();
 * PayrollRun preview = engine.preview(tenant, RunRequest.regular("PL", YearMonth.of(2026, 1)));
 * PayrollRun approved = engine.approve(tenant, RunRequest.regular("PL", YearMonth.of(2026, 1)), "anna@hr");
 * }</pre>
 *
 * <p>A run computes every employee of the tenant who has the jurisdiction's profile and a
 * contract in the period. It is deterministic: the same data and request give the same
 * payslips. {@link #approve} recomputes, stores the run, its payslips and journal and the
 * year-to-date totals in one transaction together with an audit record
 * ({@code payroll.run_approved}); an approved run never changes. A second regular run of an
 * approved period fails with {@code payroll.period_already_approved}: correct it with a
 * {@link RunKind#CORRECTION} run, whose payslips carry the difference from what was approved.
 *
 * <p>Before computing, a run refuses any amount not in the jurisdiction's currency
 * ({@code payroll.currency_mismatch}, naming each field) and an employee born after the pay date
 * ({@code payroll.birth_date_in_future}). One employee's payslip can be previewed alone
 * ({@link #preview(TenantId, RunRequest, EmployeeId)}), and a month computed from values with no
 * store at all ({@link #whatIf}). Per-employer settings (e.g. the Polish accident-insurance rate)
 * come from {@link Builder#employerSettings(TenantId, EmployerSettings)}.
 *
 * <p>Thread-safe. Computation runs on the common fork-join pool for large runs.
 */
public final class PayrollEngine {

    private static final Logger log = LoggerFactory.getLogger(PayrollEngine.class);

    private static final int PARALLEL_THRESHOLD = 2_000;
    private static final int MAX_ATTEMPTS = 3;

    /** Common names accepted for a jurisdiction code (ISO 3166 {@code GB} is the code of the United Kingdom). */
    private static final Map<String, String> ALIASES = Map.of("UK", UkPayroll.CODE);

    private final PayrollStore store;
    private final AuditStore audit;
    private final Clock clock;
    private final Map<String, Jurisdiction> jurisdictions;
    private final java.util.function.Function<TenantId, EmployerSettings> settings;

    private PayrollEngine(Builder b) {
        this.store = b.store;
        this.audit = b.audit;
        this.clock = Check.notNull(b.clock, "clock");
        this.jurisdictions = Map.copyOf(b.jurisdictions);
        Map<TenantId, EmployerSettings> byTenant = Map.copyOf(b.settingsByTenant);
        java.util.function.Function<TenantId, EmployerSettings> fallback = b.settings;
        this.settings = tenant -> {
            EmployerSettings own = byTenant.get(tenant);
            if (own != null) {
                return own;
            }
            EmployerSettings found = fallback == null ? null : fallback.apply(tenant);
            return found == null ? EmployerSettings.none() : found;
        };
    }

    /** A builder with the Polish and UK rules registered. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link PayrollEngine}. A store is needed to preview or approve a tenant's runs, an
     * audit store to approve; {@link PayrollEngine#whatIf} needs neither (nor a clock).
     */
    public static final class Builder {
        private PayrollStore store;
        private AuditStore audit;
        private Clock clock = Clock.systemUTC();
        private final Map<String, Jurisdiction> jurisdictions = new LinkedHashMap<>();
        private final Map<TenantId, EmployerSettings> settingsByTenant = new HashMap<>();
        private java.util.function.Function<TenantId, EmployerSettings> settings;

        private Builder() {
        }

        /** The store (needed by {@link #preview}, {@link #approve} and the single-employee preview). */
        public Builder store(PayrollStore s) {
            this.store = s;
            return this;
        }

        /** Where approvals are recorded (needed by {@link #approve}). */
        public Builder audit(AuditStore a) {
            this.audit = a;
            return this;
        }

        /** The clock for timestamps (default: system UTC). */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** Registers (or replaces) a jurisdiction's rules, and the line codes it publishes. */
        public Builder jurisdiction(Jurisdiction j) {
            jurisdictions.put(Check.notNull(j, "jurisdiction").code(), j);
            LineCodes.register(j.code(), j.lineCodes());
            return this;
        }

        /** The settings of one employer (tenant), e.g. its accident-insurance rate; replaces earlier ones of the tenant. */
        public Builder employerSettings(TenantId tenant, EmployerSettings s) {
            settingsByTenant.put(Check.notNull(tenant, "tenant"), Check.notNull(s, "settings"));
            return this;
        }

        /**
         * Where to look up a tenant's settings when none were given with
         * {@link #employerSettings(TenantId, EmployerSettings)} (e.g. your own configuration
         * table); read at every run, so changes apply to the next run. A {@code null} answer
         * means no settings.
         */
        public Builder employerSettings(java.util.function.Function<TenantId, EmployerSettings> lookup) {
            this.settings = Check.notNull(lookup, "lookup");
            return this;
        }

        public PayrollEngine build() {
            if (!jurisdictions.containsKey(PolishPayroll.CODE)) {
                jurisdictions.put(PolishPayroll.CODE, Defaults.POLAND);
            }
            if (!jurisdictions.containsKey(UkPayroll.CODE)) {
                jurisdictions.put(UkPayroll.CODE, Defaults.UK);
            }
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
     * @throws InvalidRequestException {@code payroll.unknown_jurisdiction}, naming the codes and aliases that exist
     */
    public Jurisdiction jurisdiction(String code) {
        Check.notNull(code, "jurisdiction");
        Jurisdiction j = jurisdictions.get(code);
        if (j == null) {
            String upper = code.strip().toUpperCase(java.util.Locale.ROOT);
            j = jurisdictions.get(ALIASES.getOrDefault(upper, upper));
        }
        if (j == null) {
            throw PayrollErrorCode.UNKNOWN_JURISDICTION.invalid("jurisdiction",
                    "has no rules registered (codes: " + new TreeSet<>(jurisdictions.keySet()) + ", aliases: " + new TreeMap<>(ALIASES) + ")", code);
        }
        return j;
    }

    /** Computes a run without storing anything. */
    public PayrollRun preview(TenantId tenant, RunRequest request) {
        Check.notNull(tenant, "tenant");
        Check.notNull(request, "request");
        try (LogContext ignored = LogContext.open(tenant, "payroll.preview")) {
            return compute(store(tenant), request, null).run;
        }
    }

    /**
     * Computes one stored employee's payslip of a run without computing the rest of the tenant
     * and without storing anything: the payslip that {@link #preview(TenantId, RunRequest)} would
     * show for that employee (for a correction request, the difference). Inputs of other
     * employees in the request are ignored.
     *
     * @throws NotFoundException {@code payroll.employee_not_found} if the tenant has no such employee of the jurisdiction
     * @throws InvalidRequestException {@code payroll.no_contract_in_period} if the employee has no contract in the period
     */
    public Payslip preview(TenantId tenant, RunRequest request, EmployeeId employee) {
        Check.notNull(tenant, "tenant");
        Check.notNull(request, "request");
        Check.notNull(employee, "employee");
        try (LogContext ignored = LogContext.open(tenant, "payroll.preview")) {
            List<Payslip> slips = compute(store(tenant), request, employee).run.payslips();
            if (slips.isEmpty()) {
                if (request.kind() == RunKind.CORRECTION) {
                    throw PayrollErrorCode.NOTHING_TO_CORRECT.rule("employee " + employee + " has no difference to correct in " + request.period());
                }
                throw PayrollErrorCode.NO_CONTRACT.invalid("employee", "has no contract in " + request.period(), employee);
            }
            return slips.get(0);
        }
    }

    /**
     * Computes one employee's month from the values given, with no store, tenant, audit store or
     * clock involved: a what-if. Checks the same as a run (currencies, birth date, profile).
     *
     * @throws InvalidRequestException {@code payroll.no_contract_in_period} if no contract overlaps the period,
     *         {@code payroll.currency_mismatch}, {@code payroll.birth_date_in_future}, {@code payroll.profile_mismatch}...
     */
    public Payslip whatIf(WhatIf w) {
        Check.notNull(w, "whatIf");
        Jurisdiction j = jurisdiction(w.jurisdiction());
        TaxYear taxYear = j.taxYear(w.payDate());
        LocalDate from = w.period().atDay(1);
        LocalDate to = w.period().atEndOfMonth();
        List<Contract> overlapping = new ArrayList<>();
        for (Contract c : w.contracts()) {
            if (c.overlaps(from, to)) {
                overlapping.add(c);
            }
        }
        if (overlapping.isEmpty()) {
            throw PayrollErrorCode.NO_CONTRACT.invalid("contracts", "none overlaps " + w.period(), w.employee().id());
        }
        checkCurrencies(j, overlapping, List.of(w.input()), "input");
        checkBirthDate(w.employee(), w.payDate());
        j.validate(w.employee(), taxYear);
        dev.backoffice.payroll.internal.LongMap before = dev.backoffice.payroll.internal.LongMap.copyOf(w.ytdBefore());
        return calculate(j, PayrollRunId.newId(), w.employee(), w.period(), w.payDate(), taxYear, segments(overlapping, from, to),
                w.input(), before, w.settings()).payslip();
    }

    private TenantPayrollStore store(TenantId tenant) {
        if (store == null) {
            throw PayrollErrorCode.ENGINE_NOT_CONFIGURED.rule("this engine has no store: build it with PayrollEngine.builder().store(...), or use whatIf(...) for a computation from values");
        }
        return store.forTenant(tenant);
    }

    /**
     * Computes and approves a run: stores it with its payslips, journal and year-to-date totals
     * and appends {@code payroll.run_approved} to the tenant's audit log, all or nothing.
     */
    public PayrollRun approve(TenantId tenant, RunRequest request, String actor) {
        Check.notNull(tenant, "tenant");
        Check.notNull(request, "request");
        Check.text(actor, "actor", PayrollLimits.MAX_ACTOR_LENGTH);
        try (LogContext ignored = LogContext.open(tenant, "payroll.approve")) {
            TenantPayrollStore s = store(tenant);
            if (audit == null) {
                throw PayrollErrorCode.ENGINE_NOT_CONFIGURED.rule("this engine has no audit store: approvals are audited, build it with PayrollEngine.builder().audit(...)");
            }
            for (int attempt = 1; ; attempt++) {
                Computed c = compute(s, request, null);
                PayrollRun approved = c.run.approved(actor, clock.instant());
                try {
                    s.saveApprovedRun(approved, c.version, () -> audit.forTenant(tenant).append(auditEvent(approved, actor)));
                    // Ids and counts only: never a name, a tax reference or an amount of pay.
                    log.info("payroll run {} approved: {} {} {}, {} payslips", approved.id(), approved.jurisdiction(),
                            approved.kind(), approved.period(), approved.payslips().size());
                    return approved;
                } catch (ConflictException e) {
                    if (!PayrollErrorCode.STALE_RUN.code().equals(e.code()) || attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }
    }

    /** The pipeline of a jurisdiction, as {@code COMPONENT:step} names. */
    public List<String> pipeline(String jurisdiction) {
        return jurisdiction(jurisdiction).pipeline();
    }

    private static AuditEvent auditEvent(PayrollRun run, String actor) {
        Map<String, String> d = new TreeMap<>();
        d.put("period", run.period().toString());
        d.put("payDate", run.payDate().toString());
        d.put("jurisdiction", run.jurisdiction());
        d.put("kind", run.kind().name());
        d.put("payslips", Integer.toString(run.payslips().size()));
        d.put("journalDebits", run.journal().totalDebits().toString());
        long gross = 0;
        long net = 0;
        for (Payslip p : run.payslips()) {
            gross += MoneyMath.toMinor(p.gross());
            net += MoneyMath.toMinor(p.net());
        }
        d.put("gross", Money.ofMinor(run.currency(), gross).toString());
        d.put("net", Money.ofMinor(run.currency(), net).toString());
        return AuditEvent.of(actor, "payroll.run_approved", "payroll-run/" + run.id(), d);
    }

    private record Computed(PayrollRun run, long version) {
    }

    private record Computed1(Payslip payslip, long[] journalTotals) {
    }

    private Computed compute(TenantPayrollStore s, RunRequest request, EmployeeId only) {
        Jurisdiction j = jurisdiction(request.jurisdiction());
        TaxYear taxYear = j.taxYear(request.payDate());
        YearMonth period = request.period();
        long version = s.version();
        boolean regularDone = s.regularRunApproved(j.code(), period);
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
            for (Employee e : s.employees()) {
                if (e.profile().jurisdictionCode().equals(j.code())) {
                    employees.put(e.id(), e);
                }
            }
            for (Contract c : s.contractsOverlapping(from, to)) {
                if (employees.containsKey(c.employeeId())) {
                    contracts.computeIfAbsent(c.employeeId(), k -> new ArrayList<>(1)).add(c);
                }
            }
        } else {
            Employee e = s.employee(only).filter(x -> x.profile().jurisdictionCode().equals(j.code()))
                    .orElseThrow(() -> PayrollErrorCode.EMPLOYEE_NOT_FOUND.notFound("no " + j.code() + " employee " + only));
            employees.put(only, e);
            for (Contract c : s.contracts(only)) {
                if (c.overlaps(from, to)) {
                    contracts.computeIfAbsent(only, k -> new ArrayList<>(1)).add(c);
                }
            }
        }
        List<Contract> inScope = new ArrayList<>();
        contracts.values().forEach(inScope::addAll);
        inScope.sort(Comparator.comparing(Contract::id));
        checkCurrencies(j, inScope, request.inputs(), "inputs");
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
                        "has no contract in " + period, in.employeeId());
            }
            inputs.put(in.employeeId(), in);
        }
        Map<EmployeeId, Map<String, Long>> ytdNow = s.ytd(j.code(), taxYear.label());
        Map<EmployeeId, Map<String, Long>> later = s.ytdDeltasFrom(j.code(), taxYear.label(), period);
        Map<EmployeeId, List<Payslip>> previous = new HashMap<>();
        if (request.kind() == RunKind.CORRECTION) {
            for (Payslip p : s.approvedPayslips(j.code(), period)) {
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
        EmployerSettings tenantSettings = settings.apply(s.tenant());
        for (EmployeeId id : ids) {
            checkBirthDate(employees.get(id), request.payDate());
            j.validate(employees.get(id), taxYear);
        }
        PayrollRunId runId = request.id();
        java.util.function.Function<EmployeeId, Computed1> one = id -> {
            Employee e = employees.get(id);
            Map<String, Long> now = ytdNow.getOrDefault(id, Map.of());
            dev.backoffice.payroll.internal.LongMap before = dev.backoffice.payroll.internal.LongMap.copyOf(subtract(now, later.get(id)));
            List<ContractSegment> segments = segments(contracts.getOrDefault(id, List.of()), from, to);
            Payslip full;
            if (segments.isEmpty()) {
                full = null; // a correction for someone whose contract was removed from the period
            } else {
                PeriodInput in = inputs.getOrDefault(id, PeriodInput.none(id));
                Computed1 c = calculate(j, runId, e, period, request.payDate(), taxYear, segments, in, before, tenantSettings);
                if (request.kind() == RunKind.REGULAR) {
                    return c;
                }
                full = c.payslip();
            }
            Payslip diff = Corrections.difference(runId, e, period, request.payDate(), j, taxYear.label(), full, previous.getOrDefault(id, List.of()), now);
            return diff == null ? null : new Computed1(diff, null);
        };
        List<Computed1> results = (ids.size() >= PARALLEL_THRESHOLD ? ids.parallelStream() : ids.stream())
                .map(one).filter(Objects::nonNull).toList();
        List<Payslip> payslips = new ArrayList<>(results.size());
        long[] totals = new long[JournalRole.values().length];
        for (Computed1 r : results) {
            payslips.add(r.payslip());
            if (r.journalTotals() != null) {
                for (int i = 0; i < totals.length; i++) {
                    totals[i] = MoneyMath.addExact(totals[i], r.journalTotals()[i]);
                }
            }
        }
        PayrollJournal journal = request.kind() == RunKind.REGULAR
                ? Journals.of(runId, period, request.payDate(), j.currency(), totals)
                : Journals.of(runId, period, request.payDate(), j.currency(), payslips);
        PayrollRun run = new PayrollRun(runId, s.tenant(), period, request.payDate(), j.code(), request.kind(), RunStatus.PREVIEW,
                clock.instant(), null, null, j.currency(), payslips, journal);
        return new Computed(run, version);
    }

    /** One employee's payslip (and its journal totals) from its inputs: the per-employee hot path. */
    private static Computed1 calculate(Jurisdiction j, PayrollRunId runId, Employee e, YearMonth period, LocalDate payDate, TaxYear taxYear,
                                       List<ContractSegment> segments, PeriodInput in, dev.backoffice.payroll.internal.LongMap before,
                                       EmployerSettings settings) {
        CalculationContext ctx = new CalculationContext(e, period, payDate, taxYear, segments, in, key -> before.getOrDefault(key, 0L), settings);
        PayslipAssembler sink = PayslipAssembler.create(j.currency());
        j.calculate(ctx, sink);
        Payslip full = sink.build(runId, e, period, payDate, j.code(), taxYear.label(), RunKind.REGULAR, before);
        return new Computed1(full, sink.journalTotals());
    }

    /**
     * Refuses any amount entering the run in another currency than the jurisdiction's: contract
     * rates (every terms of the contracts in scope) and bonuses of the inputs. All offending
     * fields are named in one {@code payroll.currency_mismatch} error.
     */
    private static void checkCurrencies(Jurisdiction j, List<Contract> contracts, List<PeriodInput> inputs, String inputsField) {
        org.joda.money.CurrencyUnit cur = j.currency();
        List<dev.backoffice.core.error.Violation> bad = new ArrayList<>();
        String why = "must be in " + cur.getCode() + ", the currency of " + j.code() + " payroll";
        for (Contract c : contracts) {
            for (int i = 0; i < c.terms().size(); i++) {
                Money rate = c.terms().get(i).rate();
                if (!rate.getCurrencyUnit().equals(cur)) {
                    bad.add(dev.backoffice.core.error.Violation.of("contracts[" + c.id() + "].terms[" + i + "].rate", why, rate));
                }
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            List<Bonus> bonuses = inputs.get(i).bonuses();
            for (int k = 0; k < bonuses.size(); k++) {
                if (!bonuses.get(k).amount().getCurrencyUnit().equals(cur)) {
                    String field = inputsField.equals("input") ? "input" : inputsField + "[" + i + "]";
                    bad.add(dev.backoffice.core.error.Violation.of(field + ".bonuses[" + k + "].amount", why, bonuses.get(k).amount()));
                }
            }
        }
        if (!bad.isEmpty()) {
            throw PayrollErrorCode.CURRENCY_MISMATCH.invalid(bad);
        }
    }

    /** Refuses an employee born after the pay date (a typo in the year, usually). */
    private static void checkBirthDate(Employee e, LocalDate payDate) {
        if (e.birthDate().isAfter(payDate)) {
            throw PayrollErrorCode.BIRTH_DATE_IN_FUTURE.invalid("employees[" + e.id() + "].birthDate",
                    "must not be after the pay date " + payDate, e.birthDate());
        }
    }

    private static Map<String, Long> subtract(Map<String, Long> now, Map<String, Long> later) {
        if (later == null || later.isEmpty()) {
            return now;
        }
        Map<String, Long> negated = new HashMap<>();
        later.forEach((k, v) -> negated.put(k, -v));
        return dev.backoffice.payroll.internal.LongMap.plus(now, negated);
    }

    /** Cuts the period into segments by contract start/end and term changes. */
    static List<ContractSegment> segments(List<Contract> contracts, LocalDate from, LocalDate to) {
        List<ContractSegment> out = new ArrayList<>(2);
        List<Contract> sorted = new ArrayList<>(contracts);
        sorted.sort(Comparator.comparing(Contract::start));
        for (Contract c : sorted) {
            List<ContractTerms> terms = c.terms();
            for (int i = 0; i < terms.size(); i++) {
                LocalDate a = max(max(terms.get(i).effectiveFrom(), c.start()), from);
                LocalDate b = i + 1 < terms.size() ? terms.get(i + 1).effectiveFrom().minusDays(1) : LocalDate.MAX;
                if (c.end() != null && c.end().isBefore(b)) {
                    b = c.end();
                }
                if (to.isBefore(b)) {
                    b = to;
                }
                if (!b.isBefore(a)) {
                    out.add(new ContractSegment(a, b, terms.get(i)));
                }
            }
        }
        return out;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
