package dev.backoffice.invoicing.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The late-payment data files: half-years without a gap or an overlap, every value cited, the bands ascending. */
class LatePaymentTableTest {

    @ParameterizedTest
    @ValueSource(strings = {"PL", "GB"})
    void every_reference_rate_covers_one_half_year_back_to_back_and_cites_its_source(String country) {
        LatePaymentTable table = LatePaymentTable.forCountry(country).orElseThrow();
        assertThat(table.jurisdiction()).isEqualTo(country);
        assertThat(table.statute()).isNotBlank();
        assertThat(table.rateRuleSource()).isNotBlank();
        assertThat(table.dayCountBasis()).isEqualTo(365);
        assertThat(table.margin().source()).isNotBlank();
        List<LatePaymentTable.Rate> rates = table.referenceRates();
        for (int i = 0; i < rates.size(); i++) {
            LatePaymentTable.Rate r = rates.get(i);
            assertThat(r.source()).as("%s %s", country, r.from()).isNotBlank();
            assertThat(r.from().getDayOfMonth()).isEqualTo(1);
            assertThat(r.from().getMonthValue()).isIn(1, 7);
            assertThat(r.to()).isEqualTo(r.from().plusMonths(6).minusDays(1));
            assertThat(r.value()).isBetween(BigDecimal.ZERO, BigDecimal.TEN);
            if (i > 0) {
                assertThat(r.from()).isEqualTo(rates.get(i - 1).to().plusDays(1));
            }
        }
        List<LatePaymentTable.Band> bands = table.compensation().bands();
        assertThat(bands.get(0).min()).isEqualByComparingTo("0");
        for (int i = 1; i < bands.size(); i++) {
            assertThat(bands.get(i).min()).isGreaterThan(bands.get(i - 1).min());
            assertThat(bands.get(i).amount()).isGreaterThan(bands.get(i - 1).amount());
        }
        assertThat(table.compensation().source()).isNotBlank();
        assertThat(table.compensation().conversionSource()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE", "FR"})
    void a_country_without_a_table_has_none(String country) {
        assertThat(LatePaymentTable.forCountry(country)).isEmpty();
    }
}
