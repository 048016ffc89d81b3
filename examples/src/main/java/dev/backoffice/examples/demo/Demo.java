package dev.backoffice.examples.demo;

import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.audit.AuditRecord;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.docs.Archive;
import dev.backoffice.docs.HoldAuthorizer;
import dev.backoffice.docs.DispositionReport;
import dev.backoffice.examples.demo.scenario.Scenario;
import dev.backoffice.examples.glue.Archiving;
import dev.backoffice.examples.glue.OrderInvoicing;
import dev.backoffice.examples.glue.StockAndPurchases;
import dev.backoffice.examples.glue.PayrollPostings;
import dev.backoffice.examples.glue.PostingAccounts;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.EmployeeId;
import dev.backoffice.inventory.Inventory;
import dev.backoffice.invoicing.Invoicing;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.TrialBalance;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderStatus;
import dev.backoffice.orders.Orders;
import dev.backoffice.orders.TenantOrders;
import dev.backoffice.payroll.PayrollEngine;
import dev.backoffice.payroll.TenantPayroll;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.Payslip;
import org.joda.money.CurrencyUnit;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs a scenario through the real modules: for each company, the chart of accounts and the
 * month's manual journal; stock opened and received from suppliers (their invoices through the
 * purchase ledger); orders through their state machine, each with its numbered invoice, payments
 * and credit notes in the sales ledger, its goods reserved, shipped, released or returned in the
 * stock ledger, all posted to the books, and invoices archived; the month-end stock count and
 * overdue sweep; payroll computed, approved, posted and
 * its payslips archived; the leaver's end of employment recorded and a legal hold placed; the
 * period closed. Then the clock jumps years ahead and the archive's disposition runs.
 *
 * <p>Every step is idempotent (deterministic ids, idempotency keys, "already approved" checks),
 * and a month whose period is already closed is reported, not posted again: running the same
 * scenario twice on the same database books nothing twice and says so.
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

    /** One company between the month and the disposition run. */
    private record Month(Scenario.Entity entity, TenantId tenant, CurrencyUnit currency, boolean rerun,
                         TenantLedger books, Map<OrderStatus, Integer> statuses, List<Payslip> payslips, ArchiveStep archive,
                         InvoicingResult invoicing, StockResult stock) {
    }

    /** Runs everything and returns what the report shows, one result per company. */
    List<EntityResult> run() {
        Ledger ledger = Ledger.builder().store(stores.ledger()).clock(clock).audit(stores.audit()).build();
        Orders orders = Orders.builder().store(stores.orders()).clock(clock).build();
        PayrollEngine payroll = PayrollEngine.builder().store(stores.payroll()).audit(stores.audit()).clock(clock).build();
        // The scenario's actor places its legal hold: holds need an actor the HoldAuthorizer allows.
        Archive archive = Archive.builder().store(stores.documents()).blobs(stores.blobs()).audit(stores.audit()).clock(clock)
                .holdAuthorizer((actor, action) -> action == HoldAuthorizer.Action.PLACE_HOLD && actor.equals(scenario.actor()))
                .build();
        PostingAccounts accounts = new PostingAccounts(scenario.postingAccounts());
        TreeSet<CurrencyUnit> currencies = new TreeSet<>();
        scenario.entities().forEach(e -> currencies.add(CurrencyUnit.of(e.currency())));
        // one transaction per invoice or stock movement with its journal entry: the stores share the ledger's data source
        Invoicing invoicing = Invoicing.builder().store(stores.invoices()).payables(stores.payables()).audit(stores.audit()).clock(clock)
                .ledger(ledger, StockAndPurchases.invoicingAccounts(accounts, currencies))
                .fxRates(InvoicingStep.fxRates(scenario))
                .build();
        Inventory inventory = Inventory.builder().store(stores.inventory()).audit(stores.audit()).clock(clock)
                .ledger(ledger, StockAndPurchases.inventoryAccounts(accounts, currencies))
                .build();

        List<Month> months = new ArrayList<>();
        for (Scenario.Entity entity : scenario.entities()) {
            months.add(month(entity, ledger, orders, payroll, archive, accounts, invoicing, inventory));
        }

        LocalDate asOf = scenario.disposition().asOf();
        at(asOf);
        out.printf("%nThe clock moves to %s: the archive's disposition run%n", asOf);
        List<EntityResult> results = new ArrayList<>();
        for (Month m : months) {
            DispositionReport report = archive.forTenant(m.tenant()).dispose(asOf, scenario.actor());
            AuditLog audit = stores.audit().forTenant(m.tenant());
            TreeMap<String, Integer> actions = actions(audit);
            ArchiveResult archived = m.archive().summary(asOf, actions.getOrDefault("docs.disposed", 0));
            out.printf("  %-40s %d disposed now, %d disposed in all, %d kept under legal hold, %d still retained%n",
                    m.entity().name(), report.disposed().size(), archived.disposed().size(), archived.keptUnderHold().size(),
                    archived.stillRetained());
            LocalDate monthEnd = scenario.month().atEndOfMonth();
            results.add(new EntityResult(m.entity().tenant(), m.entity().name(), m.currency(), m.rerun(),
                    m.books().trialBalance(monthEnd),
                    m.books().incomeStatement(scenario.month().atDay(1), monthEnd, m.currency()),
                    m.books().balanceSheet(monthEnd, m.currency()),
                    new TreeMap<>(m.statuses()), m.payslips(), archived, audit.verify(), actions, m.invoicing(), m.stock()));
        }
        return results;
    }

    private Month month(Scenario.Entity entity, Ledger ledger, Orders orders, PayrollEngine payroll, Archive archive,
                        PostingAccounts accounts, Invoicing invoicing, Inventory inventory) {
        TenantId tenant = TenantId.of(entity.tenant());
        CurrencyUnit currency = CurrencyUnit.of(entity.currency());
        LocalDate monthEnd = scenario.month().atEndOfMonth();
        String actor = scenario.actor();
        TenantLedger books = ledger.forTenant(tenant);
        TenantOrders tenantOrders = orders.forTenant(tenant);
        ArchiveStep docs = new ArchiveStep(archive.forTenant(tenant), entity, actor);
        at(scenario.month().atDay(1));
        boolean rerun = books.periodStatus().closedThrough().filter(d -> !d.isBefore(monthEnd)).isPresent();
        docs.dryRun(rerun);
        out.printf("%n%s (tenant %s, %s)%n", entity.name(), tenant, currency);
        if (rerun) {
            out.println("  This database already holds " + scenario.month() + " for this tenant (the period is closed):"
                    + " nothing is posted twice; reporting from the stored books.");
        }

        int opened = BookkeepingStep.openChart(books, scenario.chartOfAccounts(), currency);
        out.printf("  ledger     %d accounts opened (%d in the chart)%n", opened, scenario.chartOfAccounts().size());
        if (!rerun) {
            BookkeepingStep.postJournal(books, entity, currency);
            docs.policies();
        }
        out.printf("  ledger     %d manual journal entries %s%n", entity.journal().size(), rerun ? "already posted" : "posted");

        InvoicingStep sales = new InvoicingStep(invoicing.forTenant(tenant), entity);
        StockStep stock = new StockStep(inventory.forTenant(tenant), sales.sales().payables(), entity, sales.seller(), this::at);
        if (!rerun) {
            sales.defineSeries(actor);
            stock.open(scenario.month().atDay(1));
            stock.receipts(actor);
        }
        out.printf("  stock      %d items opened in %s, %d supplier receipt(s) with their invoices %s%n", entity.stock().items().size(),
                stock.warehouse(), entity.stock().receipts().size(), rerun ? "already booked" : "received, approved and posted");

        Map<OrderStatus, Integer> statuses = new EnumMap<>(OrderStatus.class);
        OrdersStep orderSteps = new OrdersStep(tenantOrders, books, new OrderInvoicing(accounts), sales, stock, clock, actor);
        for (Scenario.OrderSpec spec : entity.orders()) {
            Order order;
            if (rerun) {
                order = tenantOrders.get(OrdersStep.orderId(entity.tenant(), spec.ref()));
                spec.events().stream().filter(e -> e.type().equals("place")).findFirst()
                        .ifPresent(placed -> docs.archive(invoiceDocument(sales, entity, spec, order, placed.date(), actor)));
            } else {
                order = orderSteps.run(spec, currency, (o, date) -> docs.archive(invoiceDocument(sales, entity, spec, o, date, actor)));
            }
            statuses.merge(order.status(), 1, Integer::sum);
        }
        out.printf("  orders     %d orders %s (invoiced, reserved, shipped from stock), invoices archived: %s%n", entity.orders().size(),
                rerun ? "already processed" : "processed", statuses);
        if (!rerun) {
            stock.counts();
            at(monthEnd);
            sales.sales().markOverdue(monthEnd);
        }

        at(entity.payDate());
        TenantPayroll tenantPayroll = payroll.forTenant(tenant);
        Map<String, Employee> staff = PayrollStep.hire(tenantPayroll, entity, currency);
        PayrollRun run = PayrollStep.run(tenantPayroll, entity, scenario.month(), currency, actor);
        if (!rerun) {
            books.post(PayrollPostings.entry(run.journal(), accounts));
        }
        Map<EmployeeId, String> refs = new HashMap<>();
        staff.forEach((ref, employee) -> refs.put(employee.id(), ref));
        List<Payslip> payslips = run.payslips().stream().sorted(Comparator.comparing(Payslip::employeeName)).toList();
        for (Payslip p : payslips) {
            docs.archive(Archiving.payslip(entity.tenant(), refs.get(p.employeeId()), p, actor));
        }
        if (docs.keeps(Archiving.EMPLOYEE_FILE)) {
            for (Scenario.EmployeeSpec e : entity.employees()) {
                docs.archive(Archiving.employmentContract(entity.tenant(), e.ref(), e.givenName() + " " + e.familyName(), e.start(),
                        "monthly salary " + e.monthlySalary().toPlainString() + " " + currency, actor));
            }
        }
        out.printf("  payroll    %d payslips %s (%s rules)%n", run.payslips().size(),
                rerun ? "already approved, posted and archived" : "approved, posted to the ledger and archived", run.jurisdiction());

        if (!rerun) {
            docs.leaversAndHold();
            at(monthEnd.plusDays(1));
            books.closePeriod(monthEnd, actor);
        }
        at(monthEnd.plusDays(1));
        TrialBalance before = books.trialBalance(scenario.month().atDay(1).minusDays(1));
        TrialBalance atEnd = books.trialBalance(monthEnd);
        InvoicingResult invoiced = sales.result(scenario.month().atDay(1), monthEnd, before, atEnd,
                new InvoicingStep.PostingCodes(accounts.code("receivables"), accounts.code("vatPayable"), accounts.code("inputVat")));
        StockResult stocked = stock.result(monthEnd, before, atEnd, accounts.code("inventory"), accounts.code("costOfGoodsSold"),
                accounts.code("inventoryLosses"));
        out.printf("  invoicing  %d invoices and credit notes, %d e-invoices; receivable %s = open invoices %s; VAT register %s the VAT accounts%n",
                invoiced.invoices().size(), invoiced.files().size(), invoiced.receivableInLedger(), invoiced.openInvoices(),
                invoiced.vatReconciles() ? "equals" : "DIFFERS FROM");
        out.printf("  stock      valuation %s = inventory account %s%s%n", stocked.valuationTotal(), stocked.inventoryInLedger(),
                stocked.reconciles() ? "" : "  (DIFFERS)");
        entity.legalHold().ifPresent(h -> out.printf("  documents  legal hold \"%s\" on %s's file%n", h.name(), h.employee()));
        out.printf("  ledger     period closed through %s%n", books.periodStatus().closedThrough().map(Object::toString).orElse("-"));
        return new Month(entity, tenant, currency, rerun, books, statuses, payslips, docs, invoiced, stocked);
    }

    /** The archived invoice of an order: its e-invoice, as the customer received it. */
    private static Archiving.Item invoiceDocument(InvoicingStep sales, Scenario.Entity entity, Scenario.OrderSpec spec, Order order,
                                                  LocalDate issued, String actor) {
        InvoicingResult.EInvoiceFile file = sales.eInvoice(OrderInvoicing.invoiceId(order));
        return Archiving.eInvoice(entity.tenant(), spec.ref(), file.number(), spec.customer(), issued, file.format(), file.xml(), actor);
    }

    /** How many audit records of each action the tenant's log holds. */
    private static TreeMap<String, Integer> actions(AuditLog audit) {
        TreeMap<String, Integer> count = new TreeMap<>();
        long from = 1;
        while (true) {
            List<AuditRecord> page = audit.read(from, 1000);
            page.forEach(r -> count.merge(r.event().action(), 1, Integer::sum));
            if (page.size() < 1000) {
                return count;
            }
            from = page.get(page.size() - 1).sequence() + 1;
        }
    }

    private void at(LocalDate date) {
        clock.set(date.atTime(9, 0).toInstant(ZoneOffset.UTC));
    }
}
