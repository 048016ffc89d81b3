package dev.backoffice.orders.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderEvent;
import dev.backoffice.orders.OrderFixtures;
import dev.backoffice.orders.OrderHistoryEntry;
import dev.backoffice.orders.Orders;
import dev.backoffice.orders.Payment;
import dev.backoffice.orders.TenantOrders;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several application instances (separate JVMs) fire events on the same order in PostgreSQL:
 * optimistic versioning loses no write and duplicates none, and each conflict is retried by the
 * losing instance.
 */
@RequiresPostgres
class MultiProcessOrdersTest {

    private static final int PROCESSES = 3;
    private static final int PAYMENTS_EACH = 15;

    @Test
    void three_app_instances_paying_one_order_lose_and_duplicate_nothing() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            TenantOrders shop = Orders.builder().store(JdbcOrderStore.create(db.jdbc())).build()
                    .forTenant(TenantId.of("acme"));
            Order order = shop.place(shop.create(OrderFixtures.twoLines(), OrderFixtures.CLERK).id(), OrderFixtures.CLERK);

            List<Process> processes = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), OrderWriterProcess.class.getName(),
                        db.url(), db.user(), db.password(), "acme", order.id().toString(),
                        String.valueOf(PAYMENTS_EACH), "p" + p)
                        .redirectErrorStream(true).start());
            }
            int conflicts = 0;
            for (Process process : processes) {
                assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("writer process finished").isTrue();
                String out = output(process);
                assertThat(process.exitValue()).as(out).isZero();
                conflicts += Integer.parseInt(out.lines().filter(l -> l.startsWith("conflicts="))
                        .findFirst().orElseThrow(() -> new AssertionError(out)).substring("conflicts=".length()));
            }

            Order paid = shop.get(order.id());
            int total = PROCESSES * PAYMENTS_EACH;
            assertThat(paid.paid()).isEqualTo(OrderFixtures.pln("1.00").multipliedBy(total));
            assertThat(paid.payments()).extracting(Payment::reference).doesNotHaveDuplicates().hasSize(total);
            assertThat(paid.history()).filteredOn(h -> h.event() == OrderEvent.PAY).hasSize(total);
            assertThat(paid.history()).extracting(OrderHistoryEntry::actor).contains("process:p0", "process:p1", "process:p2");
            assertThat(paid.version()).isEqualTo(order.version() + total);
            System.out.println("[orders] " + PROCESSES + " processes, " + total + " payments, " + conflicts
                    + " version conflicts retried");
        }
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
