package dev.backoffice.orders;

import dev.backoffice.core.time.AdjustableClock;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Instant;
import java.util.List;

/** Small builders shared by the order tests. */
public final class OrderFixtures {
    public static final CurrencyUnit PLN = CurrencyUnit.of("PLN");
    public static final By CLERK = By.actor("user:clerk");

    private OrderFixtures() {
    }

    public static AdjustableClock clock() {
        return AdjustableClock.startingAt(Instant.parse("2026-03-02T09:00:00Z"));
    }

    public static Money pln(String amount) {
        return Money.parse("PLN " + amount);
    }

    /** Two lines: 2 x BOOK at 39.99 (5 % VAT) and 1 x LAMP at 120.00 (23 % VAT). Total 231.58. */
    public static NewOrder twoLines() {
        return NewOrder.of("customer-42", PLN, List.of(
                OrderLine.of("BOOK", 2, pln("39.99"), "5"),
                OrderLine.of("LAMP", 1, pln("120.00"), "23")));
    }

    public static List<ItemQuantity> all() {
        return List.of(ItemQuantity.of("BOOK", 2), ItemQuantity.of("LAMP", 1));
    }
}
