package dev.backoffice.payroll;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backoffice.core.json.BackofficeJson;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The value types added for issue #14 round-trip through the shared mapper. */
class NewValuesJsonTest {
    private final ObjectMapper json = BackofficeJson.mapper();

    private <T> void roundTrips(T value, Class<T> type) throws Exception {
        assertThat(json.readValue(json.writeValueAsString(value), type)).isEqualTo(value);
    }

    @Test
    void employer_settings_round_trip() throws Exception {
        EmployerSettings s = EmployerSettings.none()
                .with(EmployerSetting.polishAccidentRate(LocalDate.of(2025, 4, 1), "0.93", "ZUS notice 2025"))
                .with(EmployerSetting.polishAccidentRate(LocalDate.of(2026, 4, 1), "1.20", "ZUS notice 2026"));
        roundTrips(s, EmployerSettings.class);
        roundTrips(s.settings().get(0), EmployerSetting.class);
    }

    @Test
    void what_if_round_trips() throws Exception {
        Employee anna = Employee.of("Anna", "Nowak", LocalDate.of(1990, 4, 1), PolishTaxProfile.standard());
        Contract c = Contract.of(anna.id(), ContractTerms.monthly(LocalDate.of(2025, 1, 1), Money.parse("PLN 10000.00")));
        WhatIf w = WhatIf.of("PL", YearMonth.of(2025, 3), anna, c).withYtdBefore(Map.of("pl.tax_income", 1_234_500L))
                .withInput(PeriodInput.builder(anna.id()).bonus(Bonus.of("award", Money.parse("PLN 500.00"))).build());
        roundTrips(w, WhatIf.class);
    }
}
