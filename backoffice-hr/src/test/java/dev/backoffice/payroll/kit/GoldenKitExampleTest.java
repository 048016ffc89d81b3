package dev.backoffice.payroll.kit;

import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.PolishTaxProfile;
import dev.backoffice.payroll.UkTaxProfile;
import dev.backoffice.payroll.EmployerSetting;
import dev.backoffice.payroll.EmployerSettings;
import dev.backoffice.payroll.PayrollHarness;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.PeriodInput;
import dev.backoffice.payroll.pl.PolishLineCodes;
import dev.backoffice.payroll.uk.UkLineCodes;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static dev.backoffice.payroll.PayrollHarness.m;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Check it against your own figures" example of backoffice-hr/README.md, compiled and run;
 * a test checks the guide shows exactly this code. It uses only what the test-jar ships
 * ({@link PayrollHarness}) and the public API.
 */
class GoldenKitExampleTest {

    @Test
    void kit() {
        // --- kit start ---
        // Your employer, with its own accident-insurance rate from ZUS (0.93% from April 2025).
        PayrollHarness h = new PayrollHarness(EmployerSettings.none()
                .with(EmployerSetting.polishAccidentRate(LocalDate.of(2025, 4, 1), "0.93", "ZUS notice 2025")));
        h.hire(PolishTaxProfile.standard(), LocalDate.of(1985, 5, 5), LocalDate.of(2020, 1, 1), "PLN 10000.00");
        List<Payslip> months = h.approveMonths("PL", YearMonth.of(2025, 1), 4, month -> new PeriodInput[0]);

        Payslip january = months.get(0);   // your published figures for January 2025:
        assertThat(january.amount(PolishLineCodes.PIT)).isEqualTo(m(january, "705.00"));
        assertThat(january.net()).isEqualTo(m(january, "7147.39"));
        Payslip april = months.get(3);     // 10 000 × 0.93% from April
        assertThat(april.amount(PolishLineCodes.ACCIDENT_EMPLOYER)).isEqualTo(m(april, "93.00"));

        // The UK the same way ("UK" is accepted for GB); month 1 into the higher band.
        h.hire(UkTaxProfile.of("1257L", "A"), LocalDate.of(1980, 3, 3), LocalDate.of(2024, 1, 1), "GBP 6000.00");
        Payslip may = h.approve("UK", YearMonth.of(2025, 4));
        assertThat(may.amount(UkLineCodes.PAYE)).isEqualTo(m(may, "1352.06"));
        // --- kit end ---
    }

    @Test
    void theGuideShowsTheKitCode() throws java.io.IOException {
        String test = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/java/dev/backoffice/payroll/kit/GoldenKitExampleTest.java"));
        String kit = test.substring(test.indexOf("// --- kit start ---") + "// --- kit start ---".length(),
                test.indexOf("        // --- kit end ---"));
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        assertThat(normalize(guide)).contains(normalize(kit));
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
