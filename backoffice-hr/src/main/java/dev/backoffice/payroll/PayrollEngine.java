package dev.backoffice.payroll;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.hr.Contract;
import dev.backoffice.hr.ContractTerms;
import dev.backoffice.hr.Employee;
import dev.backoffice.hr.EmployeeId;
import dev.backoffice.hr.HrErrors;
import dev.backoffice.payroll.internal.Journals;
import dev.backoffice.payroll.internal.PayslipAssembler;
import dev.backoffice.payroll.jurisdiction.CalculationContext;
import dev.backoffice.payroll.jurisdiction.ContractSegment;
import dev.backoffice.payroll.jurisdiction.Jurisdiction;
import dev.backoffice.payroll.jurisdiction.TaxYear;
import dev.backoffice.payroll.pl.PolishPayroll;
import dev.backoffice.payroll.uk.UkPayroll;
import org.joda.money.Money;

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
 * <p>Thread-safe. Computation runs on the common fork-join pool for large runs.
 */
public final class PayrollEngine {

    private static final int PARALLEL_THRESHOLD = 2_000;
    private static final int MAX_ATTEMPTS = 3;

    private final PayrollStore store;
    private final AuditStore audit;
    private final Clock clock;
    private final Map<String, Jurisdiction> jurisdictions;

    private PayrollEngine(Builder b) {
        this.store = Check.notNull(b.store, "store");
        this.audit = Check.notNull(b.audit, "audit");
        this.clock = Check.notNull(b.clock, "clock");
        this.jurisdictions = Map.copyOf(b.jurisdictions);
    }

    /** A builder with the Polish and UK rules registered. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PayrollEngine}. */
    public static final class Builder {
        private PayrollStore store;
        private AuditStore audit;
        private Clock clock = Clock.systemUTC();
        private final Map<String, Jurisdiction> jurisdictions = new LinkedHashMap<>();

        private Builder() {
        }

        /** The store (required). */
        public Builder store(PayrollStore s) {
            this.store = s;
            return this;
        }

        /** Where approvals are recorded (required). */
        public Builder audit(AuditStore a) {
            this.audit = a;
            return this;
        }

        /** The clock for timestamps (default: system UTC). */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** Registers (or replaces) a jurisdiction's rules. */
        public Builder jurisdiction(Jurisdiction j) {
            jurisdictions.put(Check.notNull(j, "jurisdiction").code(), j);
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

    /** The registered jurisdiction, or {@code payroll.unknown_jurisdiction}. */
    public Jurisdiction jurisdiction(String code) {
        Jurisdiction j = jurisdictions.get(code);
        if (j == null) {
            throw InvalidRequestException.of(HrErrors.UNKNOWN_JURISDICTION, "jurisdiction",
                    "has no rules registered (known: " + new TreeSet<>(jurisdictions.keySet()) + ")", code);
        }
        return j;
    }

    /** Computes a run without storing anything. */
    public PayrollRun preview(TenantId tenant, RunRequest request) {
        Check.notNull(tenant, "tenant");
        Check.notNull(request, "request");
        return compute(store.forTenant(tenant), request).run;
    }

    /**
     * Computes and approves a run: stores it with its payslips, journal and year-to-date totals
     * and appends {@code payroll.run_approved} to the tenant's audit log, all or nothing.
     */
    public PayrollRun approve(TenantId tenant, RunRequest request, String actor) {
        Check.notNull(tenant, "tenant");
        Check.notNull(request, "request");
        Check.text(actor, "actor", 200);
        TenantPayrollStore s = store.forTenant(tenant);
        for (int attempt = 1; ; attempt++) {
            Computed c = compute(s, request);
            PayrollRun approved = c.run.approved(actor, clock.instant());
            try {
                s.saveApprovedRun(approved, c.version, () -> audit.forTenant(tenant).append(auditEvent(approved, actor)));
                return approved;
            } catch (ConflictException e) {
                if (!HrErrors.STALE_RUN.equals(e.code()) || attempt >= MAX_ATTEMPTS) {
                    throw e;
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

    private Computed compute(TenantPayrollStore s, RunRequest request) {
        Jurisdiction j = jurisdiction(request.jurisdiction());
        TaxYear taxYear = j.taxYear(request.payDate());
        YearMonth period = request.period();
        long version = s.version();
        boolean regularDone = s.regularRunApproved(j.code(), period);
        if (request.kind() == RunKind.REGULAR && regularDone) {
            throw new RuleViolationException(HrErrors.PERIOD_ALREADY_APPROVED,
                    "the " + j.code() + " payroll of " + period + " is already approved; run a correction instead");
        }
        if (request.kind() == RunKind.CORRECTION && !regularDone) {
            throw new RuleViolationException(HrErrors.NOTHING_TO_CORRECT,
                    "the " + j.code() + " payroll of " + period + " has no approved run to correct");
        }
        LocalDate from = period.atDay(1);
        LocalDate to = period.atEndOfMonth();

        Map<EmployeeId, Employee> employees = new HashMap<>();
        for (Employee e : s.employees()) {
            if (e.profile().jurisdictionCode().equals(j.code())) {
                employees.put(e.id(), e);
            }
        }
        Map<EmployeeId, List<Contract>> contracts = new HashMap<>();
        for (Contract c : s.contractsOverlapping(from, to)) {
            if (employees.containsKey(c.employeeId())) {
                contracts.computeIfAbsent(c.employeeId(), k -> new ArrayList<>(1)).add(c);
            }
        }
        Map<EmployeeId, PeriodInput> inputs = new HashMap<>();
        for (int i = 0; i < request.inputs().size(); i++) {
            PeriodInput in = request.inputs().get(i);
            if (!employees.containsKey(in.employeeId())) {
                throw new NotFoundException(HrErrors.EMPLOYEE_NOT_FOUND, "inputs[" + i + "]: no " + j.code() + " employee " + in.employeeId());
            }
            if (!contracts.containsKey(in.employeeId())) {
                throw InvalidRequestException.of(HrErrors.NO_CONTRACT, "inputs[" + i + "].employeeId",
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
            if (!contracts.containsKey(id)) {
                ids.add(id);
            }
        }
        ids.sort(Comparator.naturalOrder());
        for (EmployeeId id : ids) {
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
                CalculationContext ctx = new CalculationContext(e, period, request.payDate(), taxYear, segments, in,
                        key -> before.getOrDefault(key, 0L));
                PayslipAssembler sink = new PayslipAssembler(j.currency());
                j.calculate(ctx, sink);
                full = sink.build(runId, e, period, request.payDate(), j.code(), taxYear.label(), RunKind.REGULAR, before);
                if (request.kind() == RunKind.REGULAR) {
                    return new Computed1(full, sink.journalTotals());
                }
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
