package dev.backoffice.payroll;

import dev.backoffice.core.error.ErrorCode;

/**
 * The stable error codes of the HR and payroll module (prefix {@code payroll.}), each with the
 * kind of exception that carries it. They are part of the public API: callers may switch on
 * them; they never change meaning once released.
 *
 * <p>{@link #kind()} names the exception family a code is normally thrown as; the factories of
 * {@link ErrorCode} build it.
 */
public enum PayrollErrorCode implements ErrorCode {
    /** A contract's end date is before its start date (or a change is dated outside it). */
    CONTRACT_ENDS_BEFORE_START("payroll.contract_ends_before_start", Kind.INVALID),
    /** Two contracts of one employee overlap in time. */
    CONTRACT_OVERLAP("payroll.contract_overlap", Kind.RULE),
    /** Hours, days or amounts of a period input are negative. */
    NEGATIVE_INPUT("payroll.negative_input", Kind.INVALID),
    /** A UK tax code that HMRC does not issue (or this SDK does not know). */
    UNKNOWN_TAX_CODE("payroll.unknown_tax_code", Kind.INVALID),
    /** An NI category letter with no rates in the tax year's parameters. */
    UNKNOWN_NI_CATEGORY("payroll.unknown_ni_category", Kind.INVALID),
    /** A student loan plan that is not collected in the tax year (Plan 5 before April 2026). */
    UNSUPPORTED_STUDENT_LOAN("payroll.unsupported_student_loan_plan", Kind.INVALID),
    /** Another approval changed the year-to-date figures this run was computed on; recompute. */
    STALE_RUN("payroll.stale_run", Kind.CONFLICT),
    /** The pay date falls in no tax year for which parameters ship. */
    UNSUPPORTED_TAX_YEAR("payroll.unsupported_tax_year", Kind.RULE),
    /** No rules are registered for the jurisdiction code. */
    UNKNOWN_JURISDICTION("payroll.unknown_jurisdiction", Kind.INVALID),
    /**
     * A regular run for the period was already approved: correct it with a correction run
     * ({@code RuleViolationException}; a {@code ConflictException} when the very run being
     * approved was approved meanwhile).
     */
    PERIOD_ALREADY_APPROVED("payroll.period_already_approved", Kind.RULE),
    /** A correction was asked for a period that has no approved run. */
    NOTHING_TO_CORRECT("payroll.nothing_to_correct", Kind.RULE),
    /** The employee is unknown in this tenant. */
    EMPLOYEE_NOT_FOUND("payroll.employee_not_found", Kind.NOT_FOUND),
    /** The run is unknown in this tenant. */
    RUN_NOT_FOUND("payroll.run_not_found", Kind.NOT_FOUND),
    /** The employee's tax profile belongs to another jurisdiction than the run. */
    PROFILE_MISMATCH("payroll.profile_mismatch", Kind.INVALID),
    /** A parameter file is missing, malformed or lacks a value or its legal source. */
    BAD_PARAMETERS("payroll.bad_parameters", Kind.RULE),
    /** An input names an employee who has no contract in the period. */
    NO_CONTRACT("payroll.no_contract_in_period", Kind.INVALID),
    /**
     * An amount entering a run (contract rate, bonus) is not in the jurisdiction's currency; the
     * violation names the field (e.g. {@code inputs[0].bonuses[1].amount}).
     */
    CURRENCY_MISMATCH("payroll.currency_mismatch", Kind.INVALID),
    /** A number given as text (hours, days, an overtime multiplier, a rate) is not a decimal number. */
    NOT_A_NUMBER("payroll.not_a_number", Kind.INVALID),
    /** An employee's birth date is after the pay date of the run. */
    BIRTH_DATE_IN_FUTURE("payroll.birth_date_in_future", Kind.INVALID),
    /** A payslip line code that the payslip's jurisdiction does not publish (a typo must not read as zero). */
    UNKNOWN_LINE_CODE("payroll.unknown_line_code", Kind.INVALID),
    /** An employer setting is out of its legal range or unknown to the jurisdiction. */
    INVALID_SETTING("payroll.invalid_setting", Kind.INVALID),
    /** The engine lacks what the operation needs (a store to read or write, an audit store to approve). */
    ENGINE_NOT_CONFIGURED("payroll.engine_not_configured", Kind.RULE),
    /** A run or payslip could not be (de)serialized for storage. */
    SERIALIZATION("payroll.serialization", Kind.STORAGE),
    /** A payslip could not be rendered. */
    RENDER_FAILED("payroll.render_failed", Kind.STORAGE);

    private final String code;
    private final Kind kind;

    PayrollErrorCode(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
