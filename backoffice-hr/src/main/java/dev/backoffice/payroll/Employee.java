package dev.backoffice.payroll;

import dev.backoffice.core.validation.Check;

import java.time.LocalDate;

/**
 * A person on the payroll.
 *
 * @param id         the employee's id
 * @param givenName  given name, 1 to 200 characters
 * @param familyName family name, 1 to 200 characters
 * @param birthDate  date of birth (drives age-based rules such as Poland's under-26 relief);
 *                   after 1900-01-01
 * @param profile    the tax and insurance attributes of the employee's jurisdiction
 */
public record Employee(EmployeeId id, String givenName, String familyName, LocalDate birthDate, TaxProfile profile) {
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    public Employee {
        Check.notNull(id, "id");
        Check.text(givenName, "givenName", PayrollLimits.MAX_NAME_LENGTH);
        Check.text(familyName, "familyName", PayrollLimits.MAX_NAME_LENGTH);
        Check.notNull(birthDate, "birthDate");
        Check.that(birthDate.isAfter(EARLIEST), "birthDate", "must be after 1900-01-01", birthDate);
        Check.notNull(profile, "profile");
    }

    /** A new employee with a fresh id. */
    public static Employee of(String givenName, String familyName, LocalDate birthDate, TaxProfile profile) {
        return new Employee(EmployeeId.newId(), givenName, familyName, birthDate, profile);
    }

    /** The same person with another profile (a new tax code, PPK enrolment...). */
    public Employee withProfile(TaxProfile newProfile) {
        return new Employee(id, givenName, familyName, birthDate, newProfile);
    }

    /** "Given Family". */
    public String displayName() {
        return givenName + " " + familyName;
    }
}
