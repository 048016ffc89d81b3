package dev.backoffice.orders.jdbc;

import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.orders.By;
import dev.backoffice.orders.OrderId;
import dev.backoffice.orders.Orders;
import dev.backoffice.orders.TenantOrders;
import org.joda.money.Money;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A separate application instance for {@link MultiProcessOrdersTest}: pays one order
 * {@code count} times, re-reading and retrying on {@code order.version_conflict} (the pattern the
 * README recommends), then prints how many conflicts it met.
 *
 * <p>Arguments: url user password tenant orderId count name.
 */
public final class OrderWriterProcess {
    private OrderWriterProcess() {
    }

    public static void main(String[] args) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser(args[1]);
        ds.setPassword(args[2]);
        TenantOrders shop = Orders.builder().store(JdbcOrderStore.create(Jdbc.of(ds))).build()
                .forTenant(TenantId.of(args[3]));
        OrderId id = OrderId.parse(args[4]);
        int count = Integer.parseInt(args[5]);
        String name = args[6];
        int conflicts = 0;
        for (int i = 0; i < count; i++) {
            while (true) {
                try {
                    shop.pay(id, Money.parse("PLN 1.00"), name + "-" + i, By.actor("process:" + name));
                    break;
                } catch (ConflictException e) {
                    conflicts++;
                }
            }
        }
        System.out.println("conflicts=" + conflicts);
    }
}
