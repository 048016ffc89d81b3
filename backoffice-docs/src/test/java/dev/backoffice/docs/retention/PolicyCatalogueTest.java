package dev.backoffice.docs.retention;

import dev.backoffice.core.error.NotFoundException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped figures, worked through one date each, as the cited provisions read. */
class PolicyCatalogueTest {

    private final PolicyCatalogue catalogue = PolicyCatalogue.standard();

    @Test
    void every_entry_cites_its_source_and_is_compliance_mode() {
        assertThat(catalogue.entries()).hasSizeGreaterThanOrEqualTo(7).allSatisfy(e -> {
            assertThat(e.policy().source()).isNotBlank();
            assertThat(e.sourceUrl()).startsWith("https://");
            assertThat(e.policy().mode()).isEqualTo(RetentionMode.COMPLIANCE);
        });
    }

    @Test
    void polish_employee_file_is_kept_10_years_from_the_end_of_the_year_employment_ended() {
        RetentionPolicy p = catalogue.policy("pl.employee-file");
        assertThat(p.source()).contains("94^4");
        assertThat(p.trigger().event()).contains("employment-ended");
        assertThat(p.retainUntil(LocalDate.of(2025, 6, 30))).isEqualTo(LocalDate.of(2035, 12, 31));
    }

    @Test
    void polish_invoice_is_kept_5_years_from_the_end_of_the_year_the_annual_tax_fell_due() {
        RetentionPolicy p = catalogue.policy("pl.tax-invoice");
        assertThat(p.source()).contains("art. 86 § 1").contains("art. 70 § 1");
        assertThat(p.retainUntil(LocalDate.of(2026, 3, 10))).isEqualTo(LocalDate.of(2032, 12, 31));
    }

    @Test
    void polish_accounting_voucher_is_kept_5_years_after_the_fiscal_year() {
        assertThat(catalogue.policy("pl.accounting-voucher").retainUntil(LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2031, 12, 31));
    }

    @Test
    void uk_paye_records_are_kept_3_years_after_the_tax_year_ending_5_april() {
        RetentionPolicy p = catalogue.policy("gb.paye-record");
        assertThat(p.retainUntil(LocalDate.of(2026, 5, 1))).isEqualTo(LocalDate.of(2030, 4, 5));
        assertThat(p.retainUntil(LocalDate.of(2026, 4, 5))).isEqualTo(LocalDate.of(2029, 4, 5));
    }

    @Test
    void uk_accounting_records_are_kept_3_years_private_and_6_years_public_from_when_made() {
        assertThat(catalogue.policy("gb.accounting-record-private").retainUntil(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2029, 3, 1));
        assertThat(catalogue.policy("gb.accounting-record-public").retainUntil(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2032, 3, 1));
        assertThat(catalogue.policy("gb.accounting-record-public").source()).contains("s.388(4)(b)");
    }

    @Test
    void an_unknown_entry_is_a_typed_error() {
        assertThatThrownBy(() -> catalogue.entry("xx.nothing")).isInstanceOf(NotFoundException.class);
    }
}
