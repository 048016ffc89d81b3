package dev.backoffice.payroll;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

/**
 * One line of a payslip, with enough provenance to explain it: which pipeline component made
 * it, which rule (the legal provision or specification section) and which parameter (the
 * parameter file key and value) produced it, and on what base at what rate.
 *
 * @param component the pipeline stage
 * @param code      stable machine code, e.g. {@code pl.pension.employee}, {@code uk.paye}
 * @param label     human label, e.g. "Emerytalne (pracownik)"
 * @param effect    how it counts towards gross, deductions, employer cost, or not at all
 * @param role      the journal role it posts to ({@code null} for earnings and info lines:
 *                  earnings post as gross salary expense through gross pay)
 * @param amount    the amount (negative for absence deductions and refunds)
 * @param base      the base the rate applied to, or {@code null}
 * @param rate      the rate applied, e.g. {@code 9.76%}, or {@code null}
 * @param rule      the legal rule, e.g. "ustawa o s.u.s. art. 22 ust. 1 pkt 1"
 * @param parameter the parameter and its value, e.g. {@code pl/2025.json: social.pension.employeeRate=9.76}
 */
public record PayslipLine(PayrollComponent component, String code, String label, LineEffect effect, JournalRole role,
                          Money amount, Money base, String rate, String rule, String parameter) {
    public PayslipLine {
        Check.notNull(component, "component");
        Check.notBlank(code, "code");
        Check.notBlank(label, "label");
        Check.notNull(effect, "effect");
        Check.notNull(amount, "amount");
        Check.notBlank(rule, "rule");
        if (base != null) {
            Check.that(base.getCurrencyUnit().equals(amount.getCurrencyUnit()), "base", "must be in the amount's currency", base);
        }
    }
}
