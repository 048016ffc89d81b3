package dev.backoffice.payroll;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.backoffice.core.validation.Check;

import java.util.EnumSet;
import java.util.Set;

/**
 * What UK PAYE needs to know about an employee.
 *
 * @param taxCode      the code HMRC issued, e.g. {@code 1257L}, {@code S1257L}, {@code C1257L},
 *                     {@code K475}, {@code BR}, {@code D0}, {@code 0T}, {@code NT}, optionally
 *                     followed by {@code W1}, {@code M1} or {@code X} for the non-cumulative
 *                     (week 1 / month 1) basis. An unknown code is rejected here with
 *                     {@code payroll.unknown_tax_code}.
 * @param niCategory   the National Insurance category letter, e.g. {@code A}
 * @param studentLoans loan plans to collect (at most one of plans 1, 2, 4, 5 plus postgraduate)
 */
public record UkTaxProfile(String taxCode, String niCategory, Set<StudentLoanPlan> studentLoans) implements TaxProfile {
    public UkTaxProfile {
        Check.text(taxCode, "taxCode", 20);
        dev.backoffice.payroll.uk.UkTaxCode.parse(taxCode); // payroll.unknown_tax_code at the door
        Check.text(niCategory, "niCategory", 1);
        Check.notNull(studentLoans, "studentLoans");
        studentLoans = studentLoans.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(studentLoans));
        long undergraduate = studentLoans.stream().filter(p -> p != StudentLoanPlan.POSTGRADUATE).count();
        Check.that(undergraduate <= 1, "studentLoans", "at most one of plans 1, 2, 4 and 5", studentLoans);
    }

    /** A profile with a code, category and no loans. */
    public static UkTaxProfile of(String taxCode, String niCategory) {
        return new UkTaxProfile(taxCode, niCategory, Set.of());
    }

    /** The same profile with student loans. */
    public UkTaxProfile withStudentLoans(StudentLoanPlan... plans) {
        return new UkTaxProfile(taxCode, niCategory, Set.of(plans));
    }

    /** The same profile with another tax code (HMRC sent a new one). */
    public UkTaxProfile withTaxCode(String code) {
        return new UkTaxProfile(code, niCategory, studentLoans);
    }

    @JsonIgnore
    @Override
    public String jurisdictionCode() {
        return "GB";
    }
}
