package dev.backoffice.examples.demo;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.examples.demo.scenario.Scenario;
import dev.backoffice.examples.glue.OrderInvoicing;
import dev.backoffice.examples.glue.OrderStock;
import dev.backoffice.examples.glue.StockAndPurchases;
import dev.backoffice.inventory.Costing;
import dev.backoffice.inventory.Item;
import dev.backoffice.inventory.Location;
import dev.backoffice.inventory.StockLevel;
import dev.backoffice.inventory.StockRequest;
import dev.backoffice.inventory.TenantInventory;
import dev.backoffice.inventory.Uom;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.PurchaseInvoice;
import dev.backoffice.invoicing.TenantPayables;
import dev.backoffice.ledger.TrialBalance;
import org.joda.money.CurrencyUnit;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The stock ledger's part of the demo for one company: locations and items, the opening
 * balances, each supplier's receipt of goods with its invoice (registered, approved, paid) in
 * the purchase ledger, the month-end stock counts, and what the report shows. Every write is
 * idempotent by an id derived from the scenario's references.
 */
final class StockStep {

    private final TenantInventory stock;
    private final TenantPayables payables;
    private final Scenario.Entity entity;
    private final Party company;
    private final Consumer<LocalDate> at;

    StockStep(TenantInventory stock, TenantPayables payables, Scenario.Entity entity, Party company, Consumer<LocalDate> at) {
        this.stock = stock;
        this.payables = payables;
        this.entity = entity;
        this.company = company;
        this.at = at;
    }

    String warehouse() {
        return entity.stock().warehouse();
    }

    TenantInventory stock() {
        return stock;
    }

    /** Locations, items and the opening balances on {@code firstDay}. */
    void open(LocalDate firstDay) {
        CurrencyUnit currency = CurrencyUnit.of(entity.currency());
        at.accept(firstDay);
        for (Location l : List.of(Location.warehouse(warehouse()), Location.supplier(StockAndPurchases.SUPPLIERS),
                Location.customer(OrderStock.CUSTOMERS), Location.loss(StockAndPurchases.LOSS), Location.opening(StockAndPurchases.OPENING))) {
            stock.defineLocation(l);
        }
        for (Scenario.ItemSpec i : entity.stock().items()) {
            stock.defineItem(Item.of(i.sku(), i.name(), Uom.PIECES, Costing.valueOf(i.costing()), currency));
            if (i.openingQuantity() > 0) {
                stock.move(StockAndPurchases.opening(entity.tenant(), i.sku(), i.openingQuantity(),
                        MoneyMath.of(currency, i.openingUnitCost(), RoundingMode.UNNECESSARY), warehouse(), firstDay));
            }
        }
    }

    /** Each receipt: the goods into the warehouse, the supplier's invoice registered and approved, and paid if the scenario says so. */
    void receipts(String actor) {
        CurrencyUnit currency = CurrencyUnit.of(entity.currency());
        for (Scenario.ReceiptSpec r : entity.stock().receipts()) {
            at.accept(r.date());
            List<StockAndPurchases.ReceivedLine> lines = new ArrayList<>();
            for (int i = 0; i < r.lines().size(); i++) {
                Scenario.ReceiptLineSpec l = r.lines().get(i);
                String name = entity.stock().items().stream().filter(it -> it.sku().equals(l.sku())).findFirst().orElseThrow().name();
                lines.add(new StockAndPurchases.ReceivedLine(l.sku(), name, l.quantity(), MoneyMath.of(currency, l.unitCost(), RoundingMode.UNNECESSARY),
                        OrderInvoicing.vatRate(entity.country(), l.taxRate(), "lines[" + i + "].taxRate")));
            }
            for (StockRequest goods : StockAndPurchases.receipt(entity.tenant(), r.ref(), warehouse(), r.date(), lines)) {
                stock.move(goods);
            }
            Scenario.SupplierSpec s = r.supplier();
            PurchaseInvoice bill = payables.register(StockAndPurchases.purchaseInvoice(entity.tenant(), r.ref(), s.ref(),
                    Party.of(s.name(), s.country(), s.taxId(), s.address()), company, r.supplierNumber(), r.issueDate(), r.date(),
                    r.dueDate(), lines));
            bill = payables.approve(bill.id(), actor);
            if (r.paidOn().isPresent()) {
                at.accept(r.paidOn().get());
                payables.pay(StockAndPurchases.supplierPayment(entity.tenant(), bill, r.paidOn().get()));
            }
        }
    }

    /** The stock counts: a difference goes to the loss location and is posted as a loss. */
    void counts() {
        for (Scenario.CountSpec c : entity.stock().counts()) {
            at.accept(c.date());
            stock.count(StockAndPurchases.count(entity.tenant(), c.sku(), warehouse(), c.counted(), c.date()));
        }
    }

    /** What the report shows at {@code monthEnd}. */
    StockResult result(LocalDate monthEnd, TrialBalance before, TrialBalance atEnd, String inventory, String cogs, String losses) {
        CurrencyUnit currency = CurrencyUnit.of(entity.currency());
        List<StockLevel> levels = new ArrayList<>();
        for (Scenario.ItemSpec i : entity.stock().items()) {
            levels.add(stock.level(i.sku(), warehouse()));
        }
        return new StockResult(warehouse(), levels, stock.valuation(monthEnd),
                InvoicingStep.debitBalance(atEnd, inventory, currency),
                InvoicingStep.debitBalance(atEnd, cogs, currency).minus(InvoicingStep.debitBalance(before, cogs, currency)),
                InvoicingStep.debitBalance(atEnd, losses, currency).minus(InvoicingStep.debitBalance(before, losses, currency)));
    }
}
