package dev.backoffice.payroll.jurisdiction;

import dev.backoffice.payroll.JournalRole;
import dev.backoffice.payroll.LineEffect;
import dev.backoffice.payroll.PayrollComponent;

/**
 * Where a jurisdiction writes its results: payslip lines in minor units and year-to-date deltas.
 * Cheap to call (no JSON, no reflection): the engine calls it for every line of every employee.
 */
public interface PayslipSink {
    /** A line without a base or rate. */
    void line(PayrollComponent component, String code, String label, LineEffect effect, JournalRole role,
              long amountMinor, String rule, String parameter);

    /** A line computed as {@code rate} of {@code baseMinor}. */
    void line(PayrollComponent component, String code, String label, LineEffect effect, JournalRole role,
              long amountMinor, long baseMinor, String rate, String rule, String parameter);

    /** Adds {@code delta} to the year-to-date accumulator {@code key}. */
    void ytd(String key, long delta);
}
