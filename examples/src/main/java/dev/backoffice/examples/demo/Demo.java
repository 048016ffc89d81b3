package dev.backoffice.examples.demo;

import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.examples.demo.scenario.Scenario;
import dev.backoffice.examples.glue.OrderPostings;
import dev.backoffice.examples.glue.PayrollPostings;
import dev.backoffice.examples.glue.PostingAccounts;
import dev.backoffice.hr.Employee;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.PeriodStatus;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderStatus;
import dev.backoffice.orders.Orders;
import dev.backoffice.orders.TenantOrders;
import dev.backoffice.payroll.PayrollEngine;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.Payslip;
import org.joda.money.CurrencyUnit;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a scenario through the real modules: for each company, the chart of accounts and the
 * month's manual journal; orders through their state machine with invoices, payments, refunds
 * and returns posted to the ledger; payroll computed, approved and posted; documents archived;
 * the period closed. Then the clock jumps years ahead and the archive's disposition runs.
 *
 * <p>Every step is idempotent (deterministic ids, idempotency keys, "already approved" checks),
 * so running the same scenario again on the same database books nothing twice and says so.
 */
public final class Demo {

    private final Scenario scenario;
    private final DemoStores stores;
    private final AdjustableClock clock;
    private final PrintStream out;

    Demo(Scenario scenario, DemoStores stores, AdjustableClock clock, PrintStream out) {
        this.scenario = scenario;
        this.stores = stores;
        this.clock = clock;
        this.out = out;
    }

    /** Runs everything and returns what the report shows, one result per company. */
    List<EntityResult> run() {
        Ledger ledger = Ledger.builder().store(stores.ledger()).clock(clock).audit(stores.audit()).build();
        Orders orders = Orders.builder().store(stores.orders()).clock(clock).build();
        PayrollEngine payroll = PayrollEngine.builder().store(stores.payroll()).audit(stores.audit()).clock(clock).build();
        PostingAccounts accounts = new PostingAccounts(scenario.postingAccounts());
        LocalDate monthEnd = scenario.month().atEndOfMonth();

        List<EntityResult> results = new ArrayList<>();
        for (Scenario.Entity entity : scenario.entities()) {
            TenantId tenant = TenantId.of(entity.tenant());
            CurrencyUnit currency = CurrencyUnit.of(entity.currency());
            TenantLedger books = ledger.forTenant(tenant);
            TenantOrders tenantOrders = orders.forTenant(tenant);
            at(scenario.month().atDay(1));
            boolean rerun = books.periodStatus().closedThrough().filter(d -> !d.isBefore(monthEnd)).isPresent();
            out.printf("%n%s (tenant %s, %s)%n", entity.name(), tenant, currency);
            if (rerun) {
                out.println("  This database already holds " + scenario.month() + " for this tenant (the period is closed):"
                        + " nothing is posted twice; reporting from the stored books.");
            }

            int opened = BookkeepingStep.openChart(books, scenario.chartOfAccounts(), currency);
            out.printf("  ledger     %d accounts opened (%d in the chart)%n", opened, scenario.chartOfAccounts().size());
            if (!rerun) {
                BookkeepingStep.postJournal(books, entity, currency);
            }
            out.printf("  ledger     %d manual journal entries %s%n", entity.journal().size(), rerun ? "already posted" : "posted");

            Map<OrderStatus, Integer> statuses = new EnumMap<>(OrderStatus.class);
            OrdersStep orderSteps = new OrdersStep(tenantOrders, books, new OrderPostings(accounts), clock, scenario.actor());
            for (Scenario.OrderSpec spec : entity.orders()) {
                Order order = rerun ? tenantOrders.get(OrdersStep.orderId(entity.tenant(), spec.ref()))
                        : orderSteps.run(spec, currency, (o, date) -> { });
                statuses.merge(order.status(), 1, Integer::sum);
            }
            out.printf("  orders     %d orders %s: %s%n", entity.orders().size(), rerun ? "already processed" : "processed", statuses);

            at(entity.payDate());
            Map<String, Employee> staff = PayrollStep.hire(stores.payroll().forTenant(tenant), entity, currency);
            PayrollRun run = PayrollStep.run(payroll, stores.payroll(), entity, scenario.month(), currency, scenario.actor());
            if (!rerun) {
                books.post(PayrollPostings.entry(run.journal(), accounts));
            }
            out.printf("  payroll    %d payslips %s (%s rules)%n", run.payslips().size(),
                    rerun ? "already approved and posted" : "approved and posted", run.jurisdiction());

            if (!rerun) {
                at(monthEnd.plusDays(1));
                books.closePeriod(monthEnd, scenario.actor());
            }
            PeriodStatus period = books.periodStatus();
            out.printf("  ledger     period closed through %s%n", period.closedThrough().map(Object::toString).orElse("-"));

            AuditLog audit = stores.audit().forTenant(tenant);
            results.add(new EntityResult(entity.tenant(), entity.name(), currency, rerun,
                    books.trialBalance(monthEnd),
                    books.incomeStatement(scenario.month().atDay(1), monthEnd, currency),
                    books.balanceSheet(monthEnd, currency),
                    new TreeMap<>(statuses), sortedByName(run.payslips()),
                    new ArchiveResult(new TreeMap<>(), scenario.disposition().asOf(), List.of(), List.of(), 0, 0),
                    audit.verify(), audit.size()));
            staff.size();
        }
        return results;
    }

    private static List<Payslip> sortedByName(List<Payslip> payslips) {
        return payslips.stream().sorted(java.util.Comparator.comparing(Payslip::employeeName)).toList();
    }

    private void at(LocalDate date) {
        clock.set(date.atTime(9, 0).toInstant(ZoneOffset.UTC));
    }
}
