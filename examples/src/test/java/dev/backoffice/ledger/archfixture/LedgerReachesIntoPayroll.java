package dev.backoffice.ledger.archfixture;

import dev.backoffice.payroll.EmployeeId;

/**
 * Deliberately wrong (test fixture, in the ledger's package space but in examples' test tree):
 * a ledger class depending on the payroll module.
 */
public final class LedgerReachesIntoPayroll {
    private LedgerReachesIntoPayroll() {
    }

    public static EmployeeId someone() {
        return EmployeeId.newId();
    }
}
