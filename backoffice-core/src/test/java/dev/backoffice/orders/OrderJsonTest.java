package dev.backoffice.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.orders.memory.InMemoryOrderStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.backoffice.orders.OrderFixtures.CLERK;
import static dev.backoffice.orders.OrderFixtures.pln;
import static dev.backoffice.orders.OrderFixtures.twoLines;
import static org.assertj.core.api.Assertions.assertThat;

class OrderJsonTest {

    final ObjectMapper json = BackofficeJson.mapper();

    @Test
    void an_order_with_every_part_round_trips() throws Exception {
        TenantOrders shop = Orders.builder().store(InMemoryOrderStore.create()).clock(OrderFixtures.clock()).build()
                .forTenant(TenantId.of("acme"));
        OrderId id = shop.place(shop.create(twoLines(), CLERK).id(), CLERK).id();
        shop.pay(id, pln("231.58"), "psp-1", CLERK);
        shop.ship(id, List.of(ItemQuantity.of("BOOK", 2), ItemQuantity.of("LAMP", 1)), CLERK);
        shop.deliver(id, CLERK);
        shop.returnItems(id, List.of(ItemQuantity.of("LAMP", 1)), By.actor("user:x", "broken"));
        Order order = shop.refund(id, pln("147.60"), CLERK);

        String text = json.writeValueAsString(order);

        assertThat(json.readValue(text, Order.class)).isEqualTo(order);
        assertThat(text).contains("\"amount\":\"39.99\"").contains("\"status\":\"DELIVERED\"").doesNotContain("fullyPaid");
    }

    @Test
    void commands_and_ids_round_trip() throws Exception {
        NewOrder command = twoLines().withId(OrderId.newId()).payingLater();
        assertThat(json.readValue(json.writeValueAsString(command), NewOrder.class)).isEqualTo(command);
        By by = By.actor("user:ann", "why not");
        assertThat(json.readValue(json.writeValueAsString(by), By.class)).isEqualTo(by);
        OrderId id = OrderId.newId();
        assertThat(json.writeValueAsString(id)).isEqualTo("\"" + id + "\"");
    }
}
