package dev.backoffice.orders;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.orders.memory.InMemoryOrderStore;
import dev.backoffice.statemachine.TransitionNotAllowedException;
import org.joda.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.backoffice.orders.OrderFixtures.CLERK;
import static dev.backoffice.orders.OrderFixtures.PLN;
import static dev.backoffice.orders.OrderFixtures.all;
import static dev.backoffice.orders.OrderFixtures.pln;
import static dev.backoffice.orders.OrderFixtures.twoLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order lifecycle as a user sees it, on the in-memory store. */
class OrdersTest {

    final AdjustableClock clock = OrderFixtures.clock();
    final TenantOrders shop = Orders.builder().store(InMemoryOrderStore.create()).clock(clock).build()
            .forTenant(TenantId.of("acme"));

    OrderId placed() {
        return shop.place(shop.create(twoLines(), CLERK).id(), CLERK).id();
    }

    OrderId delivered() {
        OrderId id = placed();
        shop.pay(id, pln("231.58"), "psp-1", CLERK);
        shop.ship(id, all(), CLERK);
        shop.deliver(id, CLERK);
        return id;
    }

    static void assertCode(Executable call, String code) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(BackofficeException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Nested
    class Totals {
        @Test
        void tax_is_rounded_half_up_once_per_line_and_the_total_is_the_sum_of_the_lines() {
            Order order = shop.create(twoLines(), CLERK);

            assertThat(order.lines().get(0).net()).isEqualTo(pln("79.98"));
            assertThat(order.lines().get(0).tax()).isEqualTo(pln("4.00")); // 3.999 -> 4.00
            assertThat(order.lines().get(1).tax()).isEqualTo(pln("27.60"));
            assertThat(order.netTotal()).isEqualTo(pln("199.98"));
            assertThat(order.taxTotal()).isEqualTo(pln("31.60"));
            assertThat(order.total()).isEqualTo(pln("231.58"));
            assertThat(order.amountDue()).isEqualTo(order.total());
        }

        @Test
        void line_rounding_differs_from_rounding_the_order_tax_once_and_the_lines_win() {
            Order order = shop.create(NewOrder.of("c", PLN, List.of(
                    OrderLine.of("A", 1, pln("0.10"), "5"),
                    OrderLine.of("B", 1, pln("0.10"), "5"))), CLERK);
            // per line 0.005 -> 0.01 each; on the order 0.01 -> 0.01. Lines: 0.02.
            assertThat(order.taxTotal()).isEqualTo(pln("0.02"));
        }
    }

    @Nested
    class Lifecycle {
        @Test
        void a_prepaid_order_goes_draft_placed_paid_shipped_delivered_completed() {
            OrderId id = placed();
            assertThat(shop.pay(id, pln("231.58"), "psp-1", CLERK).status()).isEqualTo(OrderStatus.PAID);
            assertThat(shop.ship(id, all(), CLERK).status()).isEqualTo(OrderStatus.SHIPPED);
            assertThat(shop.deliver(id, CLERK).status()).isEqualTo(OrderStatus.DELIVERED);
            assertThat(shop.complete(id, CLERK).status()).isEqualTo(OrderStatus.COMPLETED);
            assertThat(shop.get(id).history()).extracting(OrderHistoryEntry::event).containsExactly(
                    OrderEvent.PLACE, OrderEvent.PAY, OrderEvent.SHIP, OrderEvent.DELIVER, OrderEvent.COMPLETE);
        }

        @Test
        void partial_payments_stay_partially_paid_until_the_total_is_covered() {
            OrderId id = placed();
            assertThat(shop.pay(id, pln("100.00"), "psp-1", CLERK).status()).isEqualTo(OrderStatus.PARTIALLY_PAID);
            Order second = shop.pay(id, pln("100.00"), "psp-2", CLERK);
            assertThat(second.status()).isEqualTo(OrderStatus.PARTIALLY_PAID);
            assertThat(second.history().get(2).from()).isEqualTo(OrderStatus.PARTIALLY_PAID);
            assertThat(second.amountDue()).isEqualTo(pln("31.58"));
            assertThat(shop.pay(id, pln("31.58"), "psp-3", CLERK).status()).isEqualTo(OrderStatus.PAID);
        }

        @Test
        void partial_shipments_by_line_quantity_end_in_shipped() {
            OrderId id = placed();
            shop.pay(id, pln("231.58"), "psp-1", CLERK);
            assertThat(shop.ship(id, List.of(ItemQuantity.of("BOOK", 1)), CLERK).status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
            assertThat(shop.ship(id, List.of(ItemQuantity.of("BOOK", 1)), CLERK).status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
            Order shipped = shop.ship(id, List.of(ItemQuantity.of("LAMP", 1)), CLERK);
            assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
            assertThat(shipped.shippedQuantity("BOOK")).isEqualTo(2);
        }

        @Test
        void an_unpaid_order_cannot_ship_unless_it_is_pay_later() {
            OrderId id = placed();
            assertThatThrownBy(() -> shop.ship(id, all(), CLERK))
                    .isInstanceOfSatisfying(TransitionNotAllowedException.class,
                            e -> assertThat(e.code()).isEqualTo(OrderErrorCode.GUARD_REJECTED.code()))
                    .hasMessageContaining("pay later");

            OrderId later = shop.place(shop.create(twoLines().payingLater(), CLERK).id(), CLERK).id();
            assertThat(shop.ship(later, List.of(ItemQuantity.of("LAMP", 1)), CLERK).status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
            assertThat(shop.pay(later, pln("31.58"), "inv-1", CLERK).status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
            assertThat(shop.ship(later, List.of(ItemQuantity.of("BOOK", 2)), CLERK).status()).isEqualTo(OrderStatus.SHIPPED);
            assertThat(shop.deliver(later, CLERK).status()).isEqualTo(OrderStatus.DELIVERED);
            assertCode(() -> shop.complete(later, CLERK), OrderErrorCode.GUARD_REJECTED.code());
            shop.pay(later, pln("200.00"), "inv-2", CLERK);
            assertThat(shop.complete(later, CLERK).status()).isEqualTo(OrderStatus.COMPLETED);
        }

        @Test
        void cancelling_a_paid_order_refunds_what_was_paid() {
            OrderId id = placed();
            shop.pay(id, pln("50.00"), "psp-1", CLERK);
            Order cancelled = shop.cancel(id, By.actor("user:ann", "customer changed her mind"));
            assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(cancelled.refunded()).isEqualTo(pln("50.00"));
            assertThat(cancelled.refunds().get(0).reason()).isEqualTo("cancellation");
            assertThat(cancelled.history().get(2).reason()).contains("customer changed her mind");
        }

        @Test
        void there_is_no_cancel_after_shipment() {
            OrderId id = placed();
            shop.pay(id, pln("231.58"), "psp-1", CLERK);
            shop.ship(id, List.of(ItemQuantity.of("BOOK", 1)), CLERK);
            assertThatThrownBy(() -> shop.cancel(id, CLERK))
                    .isInstanceOfSatisfying(TransitionNotAllowedException.class, e -> {
                        assertThat(e.code()).isEqualTo(OrderErrorCode.ILLEGAL_TRANSITION.code());
                        assertThat(e.allowedEvents()).containsExactly("SHIP", "PAY");
                    })
                    .hasMessage("order: event CANCEL is not allowed in state PARTIALLY_SHIPPED; allowed events: [SHIP, PAY]");
        }

        @Test
        void returning_everything_then_refunding_everything_ends_refunded() {
            OrderId id = delivered();
            assertThat(shop.returnItems(id, List.of(ItemQuantity.of("BOOK", 1)), CLERK).status()).isEqualTo(OrderStatus.DELIVERED);
            assertThat(shop.returnItems(id, List.of(ItemQuantity.of("BOOK", 1), ItemQuantity.of("LAMP", 1)), CLERK).status())
                    .isEqualTo(OrderStatus.RETURNED);
            assertThat(shop.refund(id, pln("200.00"), CLERK).status()).isEqualTo(OrderStatus.RETURNED);
            Order refunded = shop.refund(id, pln("31.58"), By.actor("user:clerk", "all back"));
            assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
            assertThat(refunded.refunds()).extracting(Refund::reason).containsExactly("refund", "all back");
        }

        @Test
        void every_transition_records_who_when_from_to_event_and_reason() {
            Order created = shop.create(twoLines(), CLERK);
            assertThat(created.createdBy()).isEqualTo("user:clerk");
            assertThat(created.history()).isEmpty();
            clock.advance(Duration.ofHours(1));
            Order placed = shop.place(created.id(), By.actor("user:ann", "phone order"));
            assertThat(placed.history()).containsExactly(new OrderHistoryEntry(1, clock.instant(), "user:ann",
                    OrderEvent.PLACE, OrderStatus.DRAFT, OrderStatus.PLACED, Optional.of("phone order")));
            assertThat(placed.updatedAt()).isEqualTo(clock.instant());
        }

        @Test
        void allowed_events_follow_the_status() {
            OrderId id = placed();
            assertThat(shop.allowedEvents(id)).containsExactly(OrderEvent.PAY, OrderEvent.SHIP, OrderEvent.CANCEL);
        }
    }

    @Nested
    class BadInput {
        @Test
        void negative_or_zero_quantities_are_refused() {
            assertCode(() -> OrderLine.of("A", -1, pln("1.00"), "0"), OrderErrorCode.INVALID_QUANTITY.code());
            assertCode(() -> OrderLine.of("A", 0, pln("1.00"), "0"), OrderErrorCode.INVALID_QUANTITY.code());
            assertCode(() -> ItemQuantity.of("A", -2), OrderErrorCode.INVALID_QUANTITY.code());
        }

        @Test
        void zero_price_lines_are_refused_unless_allowed() {
            NewOrder freebie = NewOrder.of("c", PLN, List.of(OrderLine.of("GIFT", 1, pln("0.00"), "0")));
            assertThatThrownBy(() -> shop.create(freebie, CLERK)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                assertThat(e.code()).isEqualTo(OrderErrorCode.ZERO_PRICE.code());
                assertThat(e.violations().get(0).field()).isEqualTo("lines[0].unitPrice");
            });
            TenantOrders lenient = Orders.builder().store(InMemoryOrderStore.create()).clock(clock).allowZeroPriceLines(true)
                    .build().forTenant(TenantId.of("acme"));
            assertThat(lenient.create(freebie, CLERK).total()).isEqualTo(pln("0.00"));
        }

        @Test
        void negative_prices_and_bad_tax_rates_are_refused() {
            assertCode(() -> OrderLine.of("A", 1, pln("-1.00"), "0"), OrderErrorCode.INVALID_PRICE.code());
            assertCode(() -> OrderLine.of("A", 1, pln("1.00"), "101"), OrderErrorCode.INVALID_TAX_RATE.code());
            assertCode(() -> OrderLine.of("A", 1, pln("1.00"), "-1"), OrderErrorCode.INVALID_TAX_RATE.code());
            assertCode(() -> OrderLine.of("A", 1, pln("1.00"), "abc"), OrderErrorCode.INVALID_TAX_RATE.code());
            assertCode(() -> new OrderLine("A", 1, pln("1.00"), new BigDecimal("5.12345")), OrderErrorCode.INVALID_TAX_RATE.code());
        }

        @Test
        void mixed_currencies_are_refused() {
            NewOrder mixed = NewOrder.of("c", PLN, List.of(OrderLine.of("A", 1, pln("1.00"), "0"),
                    OrderLine.of("B", 1, Money.parse("EUR 1.00"), "0")));
            assertCode(() -> shop.create(mixed, CLERK), OrderErrorCode.CURRENCY_MISMATCH.code());
        }

        @Test
        void duplicate_skus_and_empty_orders_are_refused() {
            assertCode(() -> shop.create(NewOrder.of("c", PLN, List.of(OrderLine.of("A", 1, pln("1.00"), "0"),
                    OrderLine.of("A", 2, pln("1.00"), "0"))), CLERK), OrderErrorCode.DUPLICATE_SKU.code());
            assertCode(() -> shop.create(NewOrder.of("c", PLN, List.of()), CLERK), OrderErrorCode.INVALID_LINES.code());
        }

        @Test
        void paying_more_than_due_is_refused() {
            OrderId id = placed();
            shop.pay(id, pln("200.00"), "psp-1", CLERK);
            assertCode(() -> shop.pay(id, pln("31.59"), "psp-2", CLERK), OrderErrorCode.OVERPAYMENT.code());
        }

        @Test
        void shipping_more_than_ordered_or_an_unknown_sku_is_refused() {
            OrderId id = placed();
            shop.pay(id, pln("231.58"), "psp-1", CLERK);
            assertCode(() -> shop.ship(id, List.of(ItemQuantity.of("BOOK", 3)), CLERK), OrderErrorCode.OVERSHIPMENT.code());
            assertCode(() -> shop.ship(id, List.of(ItemQuantity.of("SOFA", 1)), CLERK), OrderErrorCode.UNKNOWN_SKU.code());
            shop.ship(id, List.of(ItemQuantity.of("BOOK", 2)), CLERK);
            assertCode(() -> shop.ship(id, List.of(ItemQuantity.of("BOOK", 1)), CLERK), OrderErrorCode.OVERSHIPMENT.code());
        }

        @Test
        void returning_more_than_delivered_is_refused() {
            OrderId id = delivered();
            assertCode(() -> shop.returnItems(id, List.of(ItemQuantity.of("LAMP", 2)), CLERK), OrderErrorCode.RETURN_EXCEEDS_DELIVERED.code());
        }

        @Test
        void refunding_more_than_paid_is_refused() {
            OrderId id = delivered();
            shop.refund(id, pln("31.58"), CLERK);
            assertCode(() -> shop.refund(id, pln("200.01"), CLERK), OrderErrorCode.REFUND_EXCEEDS_PAID.code());
        }

        @Test
        void events_not_allowed_in_the_status_are_refused_before_their_input_is_checked() {
            OrderId id = shop.create(twoLines(), CLERK).id();
            assertCode(() -> shop.pay(id, pln("9999.00"), "psp", CLERK), OrderErrorCode.ILLEGAL_TRANSITION.code());
            assertCode(() -> shop.refund(id, pln("1.00"), CLERK), OrderErrorCode.ILLEGAL_TRANSITION.code());
        }

        @Test
        void an_unknown_order_id_is_not_found() {
            assertCode(() -> shop.place(OrderId.newId(), CLERK), OrderErrorCode.NOT_FOUND.code());
            assertCode(() -> OrderId.parse("not-a-uuid"), InvalidRequestException.CODE);
        }
    }

    @Nested
    class FrontDoor {
        @Test
        void every_setter_refuses_a_null_at_once_naming_it() {
            Orders.Builder builder = Orders.builder();
            assertThatThrownBy(() -> builder.store(null)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("store");
            assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("clock");
        }

        @Test
        void building_without_a_store_is_refused_naming_it() {
            assertThatThrownBy(() -> Orders.builder().clock(clock).build())
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("store");
        }

        @Test
        void the_clock_defaults_to_the_system_clock() {
            TenantOrders plain = Orders.builder().store(InMemoryOrderStore.create()).build().forTenant(TenantId.of("acme"));
            java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            Order order = plain.create(twoLines(), CLERK);
            assertThat(order.createdAt()).isBetween(before, java.time.Instant.now());
        }

        @Test
        void one_handle_per_tenant_is_made_and_kept() {
            Orders orders = Orders.builder().store(InMemoryOrderStore.create()).clock(clock).build();
            TenantOrders acme = orders.forTenant(TenantId.of("acme"));

            assertThat(orders.forTenant(TenantId.of("acme"))).isSameAs(acme);
            assertThat(orders.forTenant(TenantId.of("globex"))).isNotSameAs(acme);
            assertThat(orders.forTenant(TenantId.of("globex")).tenant()).isEqualTo(TenantId.of("globex"));
            assertThatThrownBy(() -> orders.forTenant(null)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("tenant");
        }

        @Test
        void instants_are_taken_at_the_stores_precision_of_microseconds() {
            clock.set(java.time.Instant.parse("2026-03-02T10:00:00.123456789Z"));
            Order order = shop.create(twoLines(), CLERK);
            assertThat(order.createdAt()).isEqualTo(java.time.Instant.parse("2026-03-02T10:00:00.123456Z"));
        }
    }
}
