package dev.backoffice.invoicing.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.invoicing.InvoicingFixtures;
import dev.backoffice.invoicing.Invoicing;
import dev.backoffice.invoicing.TenantInvoicing;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One application instance for {@link InvoicingMultiProcessTest}: issues invoices into series FV
 * of a tenant from several threads, printing {@code ISSUED <number>} for each one it was told is
 * issued and {@code DONE} at the end.
 *
 * <p>Arguments: url, user, password, tenant, threads, invoices per thread.
 */
public final class InvoicingChildProcess {

    private InvoicingChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword(args[2]);
        config.setMaximumPoolSize(Integer.parseInt(args[4]) + 2);
        try (HikariDataSource ds = new HikariDataSource(config); JdbcLedgerStore ledgerStore = JdbcLedgerStore.create(ds)) {
            Clock clock = Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC);
            TenantId tenant = TenantId.of(args[3]);
            Ledger ledger = Ledger.builder().store(ledgerStore).clock(clock).build();
            TenantInvoicing invoicing = Invoicing.builder().store(JdbcInvoiceStore.create(ds)).ledger(ledger, InvoicingFixtures.ACCOUNTS)
                    .clock(clock).build().forTenant(tenant);
            int each = Integer.parseInt(args[5]);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < Integer.parseInt(args[4]); t++) {
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < each; i++) {
                        String number = invoicing.issue(InvoicingFixtures.sale("FV", "10.00").build()).number().orElseThrow();
                        synchronized (System.out) {
                            System.out.println("ISSUED " + number);
                            System.out.flush();
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            System.out.println("DONE");
            System.out.flush();
        }
    }
}
