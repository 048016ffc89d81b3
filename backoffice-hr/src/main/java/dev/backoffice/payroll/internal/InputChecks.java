package dev.backoffice.payroll.internal;

import dev.backoffice.core.error.Violation;
import dev.backoffice.payroll.Bonus;
import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.PayrollErrorCode;
import dev.backoffice.payroll.PeriodInput;
import dev.backoffice.payroll.jurisdiction.Jurisdiction;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What a run (and a what-if) refuses before computing anything. */
final class InputChecks {

    private InputChecks() {
    }

    /**
     * Refuses any amount entering the run in another currency than the jurisdiction's: contract
     * rates (every terms of the contracts in scope) and bonuses of the inputs. All offending
     * fields are named in one {@code payroll.currency_mismatch} error.
     *
     * @param inputsField how the inputs are named in the request: {@code inputs} (a list) or
     *                    {@code input} (a what-if's single input)
     */
    static void currencies(Jurisdiction j, List<Contract> contracts, List<PeriodInput> inputs, String inputsField) {
        CurrencyUnit cur = j.currency();
        List<Violation> bad = new ArrayList<>();
        String why = "must be in " + cur.getCode() + ", the currency of " + j.code() + " payroll";
        for (Contract c : contracts) {
            for (int i = 0; i < c.terms().size(); i++) {
                Money rate = c.terms().get(i).rate();
                if (!rate.getCurrencyUnit().equals(cur)) {
                    bad.add(Violation.of("contracts[" + c.id() + "].terms[" + i + "].rate", why, rate));
                }
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            List<Bonus> bonuses = inputs.get(i).bonuses();
            for (int k = 0; k < bonuses.size(); k++) {
                if (!bonuses.get(k).amount().getCurrencyUnit().equals(cur)) {
                    String field = inputsField.equals("input") ? "input" : inputsField + "[" + i + "]";
                    bad.add(Violation.of(field + ".bonuses[" + k + "].amount", why, bonuses.get(k).amount()));
                }
            }
        }
        if (!bad.isEmpty()) {
            throw PayrollErrorCode.CURRENCY_MISMATCH.invalid(bad);
        }
    }

    /** Refuses an employee born after the pay date (a typo in the year, usually). */
    static void birthDate(Employee e, LocalDate payDate) {
        if (e.birthDate().isAfter(payDate)) {
            throw PayrollErrorCode.BIRTH_DATE_IN_FUTURE.invalid("employees[" + e.id() + "].birthDate",
                    "must not be after the pay date " + payDate, e.birthDate());
        }
    }
}
