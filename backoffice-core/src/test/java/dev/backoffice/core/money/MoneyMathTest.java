package dev.backoffice.core.money;

import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.RuleViolationException;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyMathTest {

    private static final CurrencyUnit PLN = CurrencyUnit.of("PLN");

    @Test
    void convertsToAndFromMinorUnits() {
        assertThat(MoneyMath.toMinor(Money.parse("PLN 12.34"))).isEqualTo(1234);
        assertThat(MoneyMath.ofMinor(PLN, 1234)).isEqualTo(Money.parse("PLN 12.34"));
        assertThat(MoneyMath.toMinor(Money.parse("JPY 500"))).isEqualTo(500);
    }

    @Test
    void additionThatOverflowsFailsLoudlyInsteadOfWrapping() {
        assertThatThrownBy(() -> MoneyMath.addExact(Long.MAX_VALUE, 1))
                .isInstanceOf(RuleViolationException.class)
                .extracting("code").isEqualTo(CoreErrorCode.MONEY_OVERFLOW.code());
    }

    @Test
    void amountsTooLargeForMinorUnitsAreRejected() {
        Money huge = Money.of(PLN, new BigDecimal("100000000000000000000"));
        assertThatThrownBy(() -> MoneyMath.toMinor(huge)).hasMessageContaining("64-bit");
    }

    @Test
    void percentRoundsWithTheGivenMode() {
        Money base = Money.parse("PLN 10.05");
        assertThat(MoneyMath.percent(base, new BigDecimal("23"), RoundingMode.HALF_UP)).isEqualTo(Money.parse("PLN 2.31"));
        assertThat(MoneyMath.percent(base, new BigDecimal("23"), RoundingMode.DOWN)).isEqualTo(Money.parse("PLN 2.31"));
        assertThat(MoneyMath.percent(Money.parse("PLN 0.05"), new BigDecimal("50"), RoundingMode.HALF_EVEN)).isEqualTo(Money.parse("PLN 0.02"));
        assertThat(MoneyMath.percent(Money.parse("PLN 0.05"), new BigDecimal("50"), RoundingMode.HALF_UP)).isEqualTo(Money.parse("PLN 0.03"));
    }

    @Test
    void decimalsBeyondTheCurrencyScaleAreRejectedWhenRoundingIsUnnecessary() {
        assertThatThrownBy(() -> MoneyMath.of(PLN, new BigDecimal("1.005"), RoundingMode.UNNECESSARY))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("amount");
    }

    @Test
    void mixingCurrenciesIsATypedError() {
        assertThatThrownBy(() -> MoneyMath.plus(Money.parse("PLN 1"), Money.parse("EUR 1")))
                .isInstanceOf(RuleViolationException.class)
                .extracting("code").isEqualTo(CoreErrorCode.MONEY_CURRENCY_MISMATCH.code());
    }

    @Test
    void allocationHandsLeftoverCentsToLargestRemaindersThenEarliest() {
        assertThat(MoneyMath.allocate(Money.parse("PLN 100.00"), 1, 1, 1))
                .containsExactly(Money.parse("PLN 33.34"), Money.parse("PLN 33.33"), Money.parse("PLN 33.33"));
        // 1.5 and 3.5 cents: equal remainders, so the leftover cent goes to the earlier part
        assertThat(MoneyMath.allocate(Money.parse("PLN 0.05"), 3, 7))
                .containsExactly(Money.parse("PLN 0.02"), Money.parse("PLN 0.03"));
    }

    @Test
    void allocationOfANegativeAmountMirrorsThePositiveOne() {
        assertThat(MoneyMath.allocate(Money.parse("PLN -100.00"), 1, 1, 1))
                .containsExactly(Money.parse("PLN -33.34"), Money.parse("PLN -33.33"), Money.parse("PLN -33.33"));
    }

    @Test
    void allocationRejectsNegativeOrAllZeroRatios() {
        assertThatThrownBy(() -> MoneyMath.allocate(Money.parse("PLN 1"), 1, -1))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("ratios[1]");
        assertThatThrownBy(() -> MoneyMath.allocate(Money.parse("PLN 1"), 0, 0))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("ratios");
        assertThatThrownBy(() -> MoneyMath.allocate(Money.parse("PLN 1"), List.of()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("ratios");
    }

    @Test
    void unknownCurrencyCodeNamesTheField() {
        assertThatThrownBy(() -> MoneyMath.currency("XYZQ", "order.currency"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("order.currency");
    }
}
