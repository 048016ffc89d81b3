package dev.backoffice.ledger;

/**
 * The five kinds of account of double-entry bookkeeping. Assets and expenses grow with debits
 * (their normal side is {@link Side#DEBIT}); liabilities, equity and income grow with credits.
 */
public enum AccountType {
    ASSET(Side.DEBIT),
    LIABILITY(Side.CREDIT),
    EQUITY(Side.CREDIT),
    INCOME(Side.CREDIT),
    EXPENSE(Side.DEBIT);

    private final Side normalSide;

    AccountType(Side normalSide) {
        this.normalSide = normalSide;
    }

    /** The side on which the balance of such an account grows. */
    public Side normalSide() {
        return normalSide;
    }

    /** Whether the account appears on the income statement (and is emptied by a year-end close). */
    public boolean isTemporary() {
        return this == INCOME || this == EXPENSE;
    }
}
