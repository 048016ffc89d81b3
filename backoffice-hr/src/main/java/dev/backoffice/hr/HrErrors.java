package dev.backoffice.hr;

/**
 * Stable error codes of the HR and payroll module. They are part of the public API: callers may
 * switch on them; they never change meaning once released.
 */
public final class HrErrors {
    private HrErrors() {
    }

    /** A contract's end date is before its start date (or a change is dated outside it). */
    public static final String CONTRACT_ENDS_BEFORE_START = "payroll.contract_ends_before_start";
    /** Two contracts of one employee overlap in time. */
    public static final String CONTRACT_OVERLAP = "payroll.contract_overlap";
    /** Hours, days or amounts of a period input are negative. */
    public static final String NEGATIVE_INPUT = "payroll.negative_input";
    /** A UK tax code that HMRC does not issue (or this SDK does not know). */
    public static final String UNKNOWN_TAX_CODE = "payroll.unknown_tax_code";
    /** An NI category letter with no rates in the tax year's parameters. */
    public static final String UNKNOWN_NI_CATEGORY = "payroll.unknown_ni_category";
    /** A student loan plan that is not collected in the tax year (Plan 5 before April 2026). */
    public static final String UNSUPPORTED_STUDENT_LOAN = "payroll.unsupported_student_loan_plan";
    /** Another approval changed the year-to-date figures this run was computed on; recompute. */
    public static final String STALE_RUN = "payroll.stale_run";
    /** The pay date falls in no tax year for which parameters ship. */
    public static final String UNSUPPORTED_TAX_YEAR = "payroll.unsupported_tax_year";
    /** No rules are registered for the jurisdiction code. */
    public static final String UNKNOWN_JURISDICTION = "payroll.unknown_jurisdiction";
    /** A regular run for the period was already approved: correct it with a correction run. */
    public static final String PERIOD_ALREADY_APPROVED = "payroll.period_already_approved";
    /** A correction was asked for a period that has no approved run. */
    public static final String NOTHING_TO_CORRECT = "payroll.nothing_to_correct";
    /** The employee is unknown in this tenant. */
    public static final String EMPLOYEE_NOT_FOUND = "payroll.employee_not_found";
    /** The run is unknown in this tenant. */
    public static final String RUN_NOT_FOUND = "payroll.run_not_found";
    /** The employee's tax profile belongs to another jurisdiction than the run. */
    public static final String PROFILE_MISMATCH = "payroll.profile_mismatch";
    /** A parameter file is missing, malformed or lacks a value or its legal source. */
    public static final String BAD_PARAMETERS = "payroll.bad_parameters";
    /** An input names an employee who has no contract in the period. */
    public static final String NO_CONTRACT = "payroll.no_contract_in_period";
    /**
     * An amount entering a run (contract rate, bonus) is not in the jurisdiction's currency; the
     * violation names the field (e.g. {@code inputs[0].bonuses[1].amount}).
     */
    public static final String CURRENCY_MISMATCH = "payroll.currency_mismatch";
    /** A number given as text (hours, days, an overtime multiplier, a rate) is not a decimal number. */
    public static final String NOT_A_NUMBER = "payroll.not_a_number";
    /** An employee's birth date is after the pay date of the run. */
    public static final String BIRTH_DATE_IN_FUTURE = "payroll.birth_date_in_future";
    /** A payslip line code that the payslip's jurisdiction does not publish (a typo must not read as zero). */
    public static final String UNKNOWN_LINE_CODE = "payroll.unknown_line_code";
    /** An employer setting is out of its legal range or unknown to the jurisdiction. */
    public static final String INVALID_SETTING = "payroll.invalid_setting";
    /** The engine lacks what the operation needs (a store to read or write, an audit store to approve). */
    public static final String ENGINE_NOT_CONFIGURED = "payroll.engine_not_configured";
}
