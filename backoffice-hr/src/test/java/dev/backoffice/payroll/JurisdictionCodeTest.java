package dev.backoffice.payroll;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue #14 item 4: "UK" is the common name of the United Kingdom, whose ISO 3166 code is "GB". */
class JurisdictionCodeTest {

    private final PayrollHarness h = new PayrollHarness();

    @Test
    void uk_is_accepted_as_an_alias_of_gb() {
        h.hire(UkTaxProfile.of("1257L", "A"), LocalDate.of(1990, 1, 1), LocalDate.of(2024, 1, 1), "GBP 3000.00");
        PayrollRun run = h.payroll.approve(RunRequest.regular("UK", YearMonth.of(2025, 4)), "hr");
        assertThat(run.jurisdiction()).isEqualTo("GB");
        assertThat(run.payslips()).singleElement().satisfies(p -> assertThat(p.jurisdiction()).isEqualTo("GB"));
    }

    @Test
    void codes_are_accepted_in_any_letter_case() {
        assertThat(h.engine.jurisdiction("pl").code()).isEqualTo("PL");
        assertThat(h.engine.jurisdiction("uk").code()).isEqualTo("GB");
    }

    @Test
    void the_alias_names_the_same_payroll_so_a_second_run_of_the_period_is_refused() {
        h.hire(UkTaxProfile.of("1257L", "A"), LocalDate.of(1990, 1, 1), LocalDate.of(2024, 1, 1), "GBP 3000.00");
        h.payroll.approve(RunRequest.regular("GB", YearMonth.of(2025, 4)), "hr");
        assertThatThrownBy(() -> h.payroll.approve(RunRequest.regular("UK", YearMonth.of(2025, 4)), "hr"))
                .isInstanceOf(RuleViolationException.class).extracting(x -> ((BackofficeException) x).code())
                .isEqualTo(PayrollErrorCode.PERIOD_ALREADY_APPROVED.code());
    }

    @Test
    void an_unknown_code_is_refused_naming_the_codes_and_aliases_that_exist() {
        assertThatThrownBy(() -> h.payroll.preview(RunRequest.regular("DE", YearMonth.of(2025, 4))))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(x -> assertThat(((BackofficeException) x).code()).isEqualTo(PayrollErrorCode.UNKNOWN_JURISDICTION.code()))
                .hasMessageContaining("[GB, PL]").hasMessageContaining("UK=GB");
    }
}
