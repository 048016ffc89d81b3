package dev.backoffice.core.money;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyAllocationProperties {

    private static final CurrencyUnit EUR = CurrencyUnit.EUR;

    @Property(tries = 2000)
    void partsAlwaysSumToTheWhole(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long totalMinor,
                                  @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 1_000_000) Long> weights) {
        if (weights.stream().allMatch(w -> w == 0)) {
            return;
        }
        List<Money> parts = MoneyMath.allocate(MoneyMath.ofMinor(EUR, totalMinor), weights.stream().mapToLong(Long::longValue).toArray());
        long sum = parts.stream().mapToLong(MoneyMath::toMinor).sum();
        assertThat(sum).isEqualTo(totalMinor);
        assertThat(parts).hasSize(weights.size());
    }

    @Property(tries = 1000)
    void eachPartIsWithinOneMinorUnitOfItsExactShare(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long totalMinor,
                                                     @ForAll @Size(min = 1, max = 10) List<@LongRange(min = 1, max = 1000) Long> weights) {
        List<Money> parts = MoneyMath.allocate(MoneyMath.ofMinor(EUR, totalMinor), weights.stream().mapToLong(Long::longValue).toArray());
        BigDecimal sumWeights = BigDecimal.valueOf(weights.stream().mapToLong(Long::longValue).sum());
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal exact = BigDecimal.valueOf(totalMinor).multiply(BigDecimal.valueOf(weights.get(i)))
                    .divide(sumWeights, 10, RoundingMode.HALF_EVEN);
            BigDecimal diff = BigDecimal.valueOf(MoneyMath.toMinor(parts.get(i))).subtract(exact).abs();
            assertThat(diff).isLessThan(BigDecimal.ONE);
        }
    }

    @Property(tries = 500)
    void allocationIsDeterministic(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long totalMinor,
                                   @ForAll @Size(min = 1, max = 6) List<@LongRange(min = 1, max = 50) Long> weights) {
        long[] w = weights.stream().mapToLong(Long::longValue).toArray();
        Money total = MoneyMath.ofMinor(EUR, totalMinor);
        assertThat(MoneyMath.allocate(total, w)).isEqualTo(MoneyMath.allocate(total, w));
    }
}
