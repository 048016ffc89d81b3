package dev.backoffice.payroll;

/**
 * The role of a payroll journal line, which an integration maps to its own chart of accounts
 * (the ledger glue in {@code examples} maps each role to an account code).
 */
public enum JournalRole {
    /** Debit: gross salaries and wages. */
    GROSS_SALARY_EXPENSE(Side.DEBIT),
    /** Debit: the employer's social insurance, labour funds and pension contributions. */
    EMPLOYER_CONTRIBUTION_EXPENSE(Side.DEBIT),
    /** Credit: income tax withheld, owed to the tax authority. */
    TAX_PAYABLE(Side.CREDIT),
    /** Credit: social insurance (ZUS, National Insurance), employee and employer shares. */
    SOCIAL_INSURANCE_PAYABLE(Side.CREDIT),
    /** Credit: health insurance (Poland's NFZ contribution via ZUS). */
    HEALTH_INSURANCE_PAYABLE(Side.CREDIT),
    /** Credit: labour funds (Poland's FP and FGŚP, paid with ZUS). */
    LABOUR_FUNDS_PAYABLE(Side.CREDIT),
    /** Credit: workplace pension contributions (PPK), employee and employer shares. */
    PENSION_PAYABLE(Side.CREDIT),
    /** Credit: student loan repayments collected for the loan company. */
    STUDENT_LOAN_PAYABLE(Side.CREDIT),
    /** Credit: net pay owed to employees. */
    NET_PAY_PAYABLE(Side.CREDIT);

    private final Side normalSide;

    JournalRole(Side normalSide) {
        this.normalSide = normalSide;
    }

    /** The side a positive amount of this role is posted on. */
    public Side normalSide() {
        return normalSide;
    }

    /** Debit or credit. */
    public enum Side {
        DEBIT, CREDIT
    }
}
