package dev.backoffice.payroll;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.backoffice.core.validation.Check;

import java.math.BigDecimal;

/**
 * What Polish payroll needs to know about an employee on an employment contract.
 *
 * @param pit2Filed          the employee filed PIT-2, so each monthly advance is reduced by the
 *                           monthly reducing amount (art. 32 ust. 3 ustawy o PIT)
 * @param elevatedCosts      the employee commutes from another town: elevated monthly
 *                           tax-deductible costs (art. 22 ust. 2 pkt 2 ustawy o PIT)
 * @param under26ReliefWaived the employee asked the payer not to apply the under-26 relief
 *                           (art. 21 ust. 1 pkt 148; waiver under art. 32 ust. 1f)
 * @param ppkEnrolled        the employee participates in PPK (ustawa o pracowniczych planach kapitałowych)
 * @param ppkEmployeeRate    employee PPK rate in percent (basic 2, art. 27 ust. 1 ustawy o PPK)
 * @param ppkEmployerRate    employer PPK rate in percent (basic 1.5, art. 26 ust. 1 ustawy o PPK)
 * @param labourFundsExempt  the employer pays no FP/FGŚP for this employee (e.g. women 55+, men 60+)
 */
public record PolishTaxProfile(boolean pit2Filed, boolean elevatedCosts, boolean under26ReliefWaived, boolean ppkEnrolled,
                               BigDecimal ppkEmployeeRate, BigDecimal ppkEmployerRate, boolean labourFundsExempt)
        implements TaxProfile {

    public PolishTaxProfile {
        Check.notNull(ppkEmployeeRate, "ppkEmployeeRate");
        Check.notNull(ppkEmployerRate, "ppkEmployerRate");
        Check.that(ppkEmployeeRate.signum() >= 0 && ppkEmployeeRate.compareTo(BigDecimal.valueOf(6)) <= 0,
                "ppkEmployeeRate", "must be between 0 and 6 percent", ppkEmployeeRate);
        Check.that(ppkEmployerRate.signum() >= 0 && ppkEmployerRate.compareTo(BigDecimal.valueOf(6)) <= 0,
                "ppkEmployerRate", "must be between 0 and 6 percent", ppkEmployerRate);
    }

    /** PIT-2 filed, basic costs, relief not waived, no PPK. */
    public static PolishTaxProfile standard() {
        return new PolishTaxProfile(true, false, false, false, new BigDecimal("2"), new BigDecimal("1.5"), false);
    }

    /** The same profile enrolled in PPK at the basic rates (2% employee, 1.5% employer). */
    public PolishTaxProfile withPpk() {
        return new PolishTaxProfile(pit2Filed, elevatedCosts, under26ReliefWaived, true, ppkEmployeeRate, ppkEmployerRate, labourFundsExempt);
    }

    /** The same profile with or without PIT-2. */
    public PolishTaxProfile withPit2(boolean filed) {
        return new PolishTaxProfile(filed, elevatedCosts, under26ReliefWaived, ppkEnrolled, ppkEmployeeRate, ppkEmployerRate, labourFundsExempt);
    }

    /** The same profile with elevated (out-of-town) costs. */
    public PolishTaxProfile withElevatedCosts() {
        return new PolishTaxProfile(pit2Filed, true, under26ReliefWaived, ppkEnrolled, ppkEmployeeRate, ppkEmployerRate, labourFundsExempt);
    }

    @JsonIgnore
    @Override
    public String jurisdictionCode() {
        return "PL";
    }
}
