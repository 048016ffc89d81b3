package dev.backoffice.examples.glue;

import dev.backoffice.core.validation.Check;
import dev.backoffice.inventory.NewReservation;
import dev.backoffice.inventory.OperationId;
import dev.backoffice.inventory.ReservationId;
import dev.backoffice.inventory.StockRequest;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderLine;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Orders → inventory: an order reserves its lines in a warehouse when it is placed, ships from
 * those reservations, releases them when it is cancelled, and returned items come back into
 * stock. Inventory values each movement (FIFO or moving average) and posts it: a shipment
 * Dr cost of goods sold / Cr inventory, a return the reverse.
 *
 * <p>Reservation and operation ids are derived from the order id, the SKU and the event's
 * number, so replaying an order's events after a crash ships nothing twice. Do the stock write
 * first, then fire the order event.
 */
public final class OrderStock {

    /** The code of the customers' virtual location the demo ships to and takes returns from. */
    public static final String CUSTOMERS = "CUSTOMERS";

    private OrderStock() {
    }

    /** The reservation of the line of {@code order} for {@code sku}. */
    public static ReservationId reservationId(Order order, String sku) {
        return ReservationId.of(uuid("reservation:" + order.id().value() + ":" + sku));
    }

    /** The stock operation of event {@code eventNo} of {@code order} for {@code sku}. */
    public static OperationId operationId(Order order, int eventNo, String sku) {
        return OperationId.of(uuid("stock:" + order.id().value() + ":" + eventNo + ":" + sku));
    }

    /** One reservation per order line in {@code warehouse}, referenced {@code <order ref>/<sku>}, lapsing at {@code expiresAt}. */
    public static List<NewReservation> reservations(Order order, String orderRef, String warehouse, Instant expiresAt) {
        Check.notNull(order, "order");
        List<NewReservation> list = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            list.add(NewReservation.of(line.sku(), warehouse, BigDecimal.valueOf(line.quantity()), orderRef + "/" + line.sku(), expiresAt)
                    .withId(reservationId(order, line.sku())));
        }
        return list;
    }

    /** Ships {@code quantity} of {@code sku} from the order's reservation to the customers' location. */
    public static StockRequest shipment(Order order, String orderRef, int eventNo, String sku, int quantity, String warehouse,
                                        LocalDate date) {
        return StockRequest.shipment(sku, BigDecimal.valueOf(quantity), warehouse, CUSTOMERS)
                .against(reservationId(order, sku))
                .withId(operationId(order, eventNo, sku))
                .on(date)
                .reference(orderRef);
    }

    /** Returned items from the customers' location back into {@code warehouse} (at the item's current cost). */
    public static StockRequest returned(Order order, String orderRef, int eventNo, String sku, int quantity, String warehouse,
                                        LocalDate date) {
        return StockRequest.returned(sku, BigDecimal.valueOf(quantity), CUSTOMERS, warehouse)
                .withId(operationId(order, eventNo, sku))
                .on(date)
                .reference(orderRef);
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
