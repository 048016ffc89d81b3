package dev.backoffice.payroll.internal;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.EmployeeId;
import dev.backoffice.payroll.EmployerSettings;
import dev.backoffice.payroll.PayrollErrorCode;
import dev.backoffice.payroll.PayrollReads;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.PayrollRunId;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.RunRequest;
import dev.backoffice.payroll.RunStatus;
import dev.backoffice.payroll.WhatIf;
import dev.backoffice.payroll.jurisdiction.Jurisdiction;
import dev.backoffice.payroll.jurisdiction.TaxYear;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes runs and what-ifs: reads the run's inputs ({@link RunInputs}), computes each
 * employee's payslip ({@link EmployeeCalculation}, in parallel for large runs) and the journal
 * ({@link RunJournal}). Writes nothing; thread-safe.
 */
public final class RunComputer {

    /** From this many employees on, a run computes on the common fork-join pool. */
    private static final int PARALLEL_THRESHOLD = 2_000;

    private final Jurisdictions jurisdictions;
    private final Clock clock;

    private RunComputer(Jurisdictions jurisdictions, Clock clock) {
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /**
     * A computer over these jurisdictions, stamping runs with {@code clock}.
     *
     * @param jurisdictions the registered rules
     * @param clock         the clock of a run's computation instant
     * @return the computer
     */
    public static RunComputer create(Jurisdictions jurisdictions, Clock clock) {
        return new RunComputer(jurisdictions, clock);
    }

    /**
     * A computed run and the tenant's payroll version its inputs were read at.
     *
     * @param run     the run, status {@link RunStatus#PREVIEW}
     * @param version the version to approve it at
     */
    record Computed(PayrollRun run, long version) {
    }

    /** The run of {@code request} over {@code store}'s data: the whole tenant, or {@code only} one employee. */
    Computed compute(PayrollReads store, EmployerSettings settings, RunRequest request, EmployeeId only) {
        Jurisdiction j = jurisdictions.get(request.jurisdiction());
        RunInputs in = RunInputs.read(store, j, request, only);
        List<EmployeeId> ids = in.ids();
        List<EmployeeCalculation.Result> results = (ids.size() >= PARALLEL_THRESHOLD ? ids.parallelStream() : ids.stream())
                .map(id -> EmployeeCalculation.of(in, id, settings)).filter(Objects::nonNull).toList();
        RunJournal out = RunJournal.of(request, j.currency(), results);
        TenantId tenant = store.tenant();
        PayrollRun run = new PayrollRun(request.id(), tenant, request.period(), request.payDate(), j.code(), request.kind(), RunStatus.PREVIEW,
                clock.instant(), null, null, j.currency(), out.payslips(), out.journal());
        return new Computed(run, in.version());
    }

    /**
     * One employee's month from the values given, with no store involved.
     *
     * @param w the what-if
     * @return the payslip
     * @throws dev.backoffice.core.error.InvalidRequestException {@code payroll.no_contract_in_period} if no
     *         contract overlaps the period, {@code payroll.currency_mismatch}, {@code payroll.birth_date_in_future},
     *         {@code payroll.profile_mismatch}...
     */
    public Payslip whatIf(WhatIf w) {
        Jurisdiction j = jurisdictions.get(w.jurisdiction());
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
        InputChecks.currencies(j, overlapping, List.of(w.input()), "input");
        InputChecks.birthDate(w.employee(), w.payDate());
        j.validate(w.employee(), taxYear);
        return EmployeeCalculation.calculate(j, PayrollRunId.newId(), w.employee(), w.period(), w.payDate(), taxYear,
                Segments.of(overlapping, from, to), w.input(), LongMap.copyOf(w.ytdBefore()), w.settings()).payslip();
    }
}
