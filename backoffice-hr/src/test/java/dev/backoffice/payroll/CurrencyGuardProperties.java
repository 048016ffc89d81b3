package dev.backoffice.payroll;

import dev.backoffice.core.error.InvalidRequestException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The invariant of issue #14 item 3: a run refuses any amount whose currency is not the jurisdiction's, and only those. */
class CurrencyGuardProperties {

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("PLN", "GBP", "EUR", "USD", "CHF", "JPY", "CZK");
    }

    @Provide
    Arbitrary<String> jurisdictions() {
        return Arbitraries.of("PL", "GB");
    }

    @Property(tries = 60)
    void a_run_refuses_a_bonus_exactly_when_its_currency_is_not_the_jurisdictions(@ForAll("jurisdictions") String jurisdiction,
                                                                                 @ForAll("currencies") String currency,
                                                                                 @ForAll @LongRange(min = 0, max = 10_000_000) long minor) {
        PayrollHarness h = new PayrollHarness();
        boolean pl = jurisdiction.equals("PL");
        TaxProfile profile = pl ? PolishTaxProfile.standard() : UkTaxProfile.of("1257L", "A");
        Employee e = h.hire(profile, LocalDate.of(1980, 1, 1), LocalDate.of(2024, 1, 1), pl ? "PLN 7000.00" : "GBP 3000.00");
        Money bonus = Money.ofMinor(CurrencyUnit.of(currency), minor);
        RunRequest r = RunRequest.regular(jurisdiction, pl ? YearMonth.of(2025, 5) : YearMonth.of(2025, 6))
                .withInputs(PeriodInput.builder(e.id()).bonus(Bonus.of("b", bonus)).build());
        Throwable t = catchThrowable(() -> h.payroll.preview(r));
        String expected = pl ? "PLN" : "GBP";
        if (currency.equals(expected)) {
            assertThat(t).isNull();
        } else {
            assertThat(t).isInstanceOf(InvalidRequestException.class);
            InvalidRequestException x = (InvalidRequestException) t;
            assertThat(x.code()).isEqualTo(PayrollErrorCode.CURRENCY_MISMATCH.code());
            assertThat(x.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("inputs[0].bonuses[0].amount"));
        }
    }
}
