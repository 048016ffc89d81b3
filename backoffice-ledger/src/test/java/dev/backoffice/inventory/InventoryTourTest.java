package dev.backoffice.inventory;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.inventory.memory.InMemoryInventoryStore;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.joda.money.CurrencyUnit.EUR;

/** Runs the inventory tour of README-inventory.md, and checks the guide shows exactly this code. */
class InventoryTourTest {

    @Test
    void theTourRunsAndItsFiguresAddUp() {
        // tour:start
        Clock clock = Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC);
        InMemoryLedgerStore ledgerStore = InMemoryLedgerStore.create();
        Ledger ledgers = Ledger.builder().store(ledgerStore).clock(clock).build();
        TenantId acme = TenantId.of("acme");
        ledgers.forTenant(acme).openAll(List.of(
                OpenAccount.of("1300", "Inventory", AccountType.ASSET, EUR),
                OpenAccount.of("2150", "Goods received not invoiced", AccountType.LIABILITY, EUR),
                OpenAccount.of("5000", "Cost of goods sold", AccountType.EXPENSE, EUR),
                OpenAccount.of("5900", "Inventory adjustments", AccountType.EXPENSE, EUR),
                OpenAccount.of("3000", "Opening balance", AccountType.EQUITY, EUR)));

        TenantInventory stock = Inventory.builder()
                .store(InMemoryInventoryStore.create())
                .ledger(ledgers, InventoryAccounts.builder().currency(EUR, "1300", "2150", "5000", "5900", "3000").build())
                .clock(clock)
                .build()
                .forTenant(acme);
        for (Location l : List.of(Location.warehouse("WH1"), Location.supplier("SUPPLIERS"), Location.customer("CUSTOMERS"),
                Location.loss("LOSS"))) {
            stock.defineLocation(l);
        }
        stock.defineItem(Item.of("BOLT-M8", "Bolt M8", Uom.PIECES, Costing.FIFO, EUR));

        // two receipts at different prices: two FIFO layers
        stock.move(StockRequest.receipt("BOLT-M8", new BigDecimal("100"), "SUPPLIERS", "WH1", Money.of(EUR, 100)).reference("PO-1"));
        stock.move(StockRequest.receipt("BOLT-M8", new BigDecimal("100"), "SUPPLIERS", "WH1", Money.of(EUR, 150)).reference("PO-2"));

        // an order reserves at placement and ships from its reservation
        Reservation hold = stock.reserve(NewReservation.of("BOLT-M8", "WH1", new BigDecimal("120"), "order-7/1",
                clock.instant().plus(Duration.ofDays(2))));
        StockOperation shipped = stock.move(StockRequest.shipment("BOLT-M8", new BigDecimal("120"), "WH1", "CUSTOMERS").against(hold.id()));

        // a count finds two missing: the difference goes to the loss location
        stock.count(StockCount.of("BOLT-M8", "WH1", new BigDecimal("78"), "LOSS"));

        Valuation valuation = stock.valuation(LocalDate.of(2026, 3, 16));
        System.out.println(shipped.moves().get(0).valueDelta());                   // EUR -130.00: 100 at 1.00, 20 at 1.50
        System.out.println(stock.level("BOLT-M8", "WH1"));                         // on hand 78, reserved 0, available 78
        System.out.println(valuation.totals().get(EUR));                           // EUR 117.00: 78 at 1.50
        System.out.println(ledgers.forTenant(acme).balance("1300").posted());      // EUR 117.00: the ledger agrees
        // tour:end

        assertThat(shipped.moves().get(0).valueDelta()).isEqualTo(Money.parse("EUR -130.00"));
        assertThat(stock.level("BOLT-M8", "WH1").onHand()).isEqualByComparingTo("78");
        assertThat(valuation.totals().get(EUR)).isEqualTo(Money.parse("EUR 117.00"));
        assertThat(ledgers.forTenant(acme).balance("1300").posted()).isEqualTo(Money.parse("EUR 117.00"));
        assertThat(ledgers.forTenant(acme).balance("5000").posted()).isEqualTo(Money.parse("EUR 130.00"));
        assertThat(ledgers.forTenant(acme).balance("5900").posted()).isEqualTo(Money.parse("EUR 3.00"));
        assertThat(ledgerStore).isNotNull();
    }

    @Test
    void theLandedCostTourRunsAndItsFiguresAddUp() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC);
        Ledger ledgers = Ledger.builder().store(InMemoryLedgerStore.create()).clock(clock).build();
        TenantId acme = TenantId.of("acme");
        ledgers.forTenant(acme).openAll(List.of(
                OpenAccount.of("1300", "Inventory", AccountType.ASSET, EUR),
                OpenAccount.of("2150", "Goods received not invoiced", AccountType.LIABILITY, EUR),
                OpenAccount.of("5000", "Cost of goods sold", AccountType.EXPENSE, EUR),
                OpenAccount.of("5900", "Inventory adjustments", AccountType.EXPENSE, EUR),
                OpenAccount.of("3000", "Opening balance", AccountType.EQUITY, EUR)));
        TenantInventory stock = Inventory.builder().store(InMemoryInventoryStore.create())
                .ledger(ledgers, InventoryAccounts.builder().currency(EUR, "1300", "2150", "5000", "5900", "3000").build())
                .clock(clock).build().forTenant(acme);
        for (Location l : List.of(Location.warehouse("WH1"), Location.supplier("SUPPLIERS"), Location.customer("CUSTOMERS"))) {
            stock.defineLocation(l);
        }
        stock.defineItem(Item.of("BOLT-M8", "Bolt M8", Uom.PIECES, Costing.FIFO, EUR));

        // landed:start
        // the supplier's receipt, 100 at 1.00; 60 of them are shipped
        StockOperation receipt = stock.move(StockRequest.receipt("BOLT-M8", new BigDecimal("100"), "SUPPLIERS", "WH1", Money.of(EUR, 100)));
        stock.move(StockRequest.shipment("BOLT-M8", new BigDecimal("60"), "WH1", "CUSTOMERS"));

        // then the carrier's invoice: 20.00 freight for the whole receipt, part of its cost of purchase (IAS 2.11)
        StockOperation freight = stock.correctCost(CostCorrection.of(receipt.id(), Money.of(EUR, 20), "freight, carrier invoice 4711"));
        System.out.println(freight.moves().get(0).valueDelta());                    // EUR 8.00: the 40 on hand carry their share
        System.out.println(ledgers.forTenant(acme).balance("5000").posted());       // EUR 72.00: 60.00 + 12.00 for the 60 sold
        System.out.println(stock.valuation(LocalDate.of(2026, 3, 16)).totals().get(EUR)); // EUR 48.00: 40 at 1.20
        System.out.println(ledgers.forTenant(acme).balance("1300").posted());       // EUR 48.00: the ledger agrees
        // landed:end

        assertThat(freight.moves().get(0).valueDelta()).isEqualTo(Money.parse("EUR 8.00"));
        assertThat(ledgers.forTenant(acme).balance("5000").posted()).isEqualTo(Money.parse("EUR 72.00"));
        assertThat(ledgers.forTenant(acme).balance("2150").posted()).isEqualTo(Money.parse("EUR 120.00"));
        assertThat(stock.valuation(LocalDate.of(2026, 3, 16)).totals().get(EUR)).isEqualTo(Money.parse("EUR 48.00"));
        assertThat(ledgers.forTenant(acme).balance("1300").posted()).isEqualTo(Money.parse("EUR 48.00"));
    }

    @Test
    void theBinsTourRunsAndItsFiguresAddUp() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC);
        Ledger ledgers = Ledger.builder().store(InMemoryLedgerStore.create()).clock(clock).build();
        TenantId acme = TenantId.of("acme");
        ledgers.forTenant(acme).openAll(List.of(
                OpenAccount.of("1300", "Inventory", AccountType.ASSET, EUR),
                OpenAccount.of("2150", "Goods received not invoiced", AccountType.LIABILITY, EUR),
                OpenAccount.of("5000", "Cost of goods sold", AccountType.EXPENSE, EUR),
                OpenAccount.of("5900", "Inventory adjustments", AccountType.EXPENSE, EUR),
                OpenAccount.of("3000", "Opening balance", AccountType.EQUITY, EUR)));
        TenantInventory stock = Inventory.builder().store(InMemoryInventoryStore.create())
                .ledger(ledgers, InventoryAccounts.builder().currency(EUR, "1300", "2150", "5000", "5900", "3000").build())
                .clock(clock).build().forTenant(acme);
        for (Location l : List.of(Location.warehouse("WH1"), Location.warehouse("WH2"), Location.supplier("SUPPLIERS"),
                Location.customer("CUSTOMERS"), Location.loss("LOSS"))) {
            stock.defineLocation(l);
        }
        stock.defineItem(Item.of("BOLT-M8", "Bolt M8", Uom.PIECES, Costing.FIFO, EUR));

        // bins:start
        // WH1 keeps its stock in two bins; an order line reserves in the warehouse, not in a bin
        stock.defineLocation(Location.bin("WH1/A", "WH1"));
        stock.defineLocation(Location.bin("WH1/B", "WH1"));
        stock.move(StockRequest.receipt("BOLT-M8", new BigDecimal("60"), "SUPPLIERS", "WH1/A", Money.of(EUR, 60)));
        stock.move(StockRequest.receipt("BOLT-M8", new BigDecimal("40"), "SUPPLIERS", "WH1/B", Money.of(EUR, 40)));
        Reservation line = stock.reserve(NewReservation.of("BOLT-M8", "WH1", new BigDecimal("90"), "order-8/1",
                clock.instant().plus(Duration.ofDays(2))));
        System.out.println(stock.level("BOLT-M8", "WH1"));                          // on hand 100, reserved 90, available 10

        // a bin cannot give away what its warehouse promised: 20 out of WH1/B is inventory.reserved_in_warehouse
        // stock.move(StockRequest.transfer("BOLT-M8", new BigDecimal("20"), "WH1/B", "WH2"));

        // the customer cuts the line to 70: the rest is available again, 70 stay reserved
        stock.releaseDownTo(line.id(), new BigDecimal("70"));

        // shipping from the warehouse picks its bins (a tracked item's lots first-expiry-first-out, then first-in)
        StockOperation picked = stock.move(StockRequest.shipment("BOLT-M8", new BigDecimal("70"), "WH1", "CUSTOMERS").against(line.id()));
        System.out.println(picked.moves().size());                                  // 2: 60 from WH1/A, 10 from WH1/B

        // a tracked item is counted per lot: a lot the books do not know comes in at the current cost
        stock.defineItem(Item.of("MILK-1L", "Milk 1 l", Uom.PIECES, Costing.FIFO, EUR).tracked(Tracking.LOT));
        stock.move(StockRequest.receipt("MILK-1L", new BigDecimal("10"), "SUPPLIERS", "WH1/A", Money.of(EUR, 10))
                .lot("L-0316", LocalDate.of(2026, 4, 1)));
        StockOperation counted = stock.count(StockCount.ofLots("MILK-1L", "WH1/A", List.of(
                CountedLot.of("L-0316", new BigDecimal("9")),
                CountedLot.of("L-0301", new BigDecimal("2"), LocalDate.of(2026, 3, 25))), "LOSS"));
        System.out.println(counted.moves().size());                                 // 2: one of L-0316 lost, two of L-0301 found
        // bins:end

        assertThat(stock.level("BOLT-M8", "WH1")).returns(new BigDecimal("30"), StockLevel::onHand)
                .returns(new BigDecimal("0"), StockLevel::reserved);
        // the commented line of the tour, with the warehouse promising 25 of its 30 (20 of them in WH1/B)
        stock.reserve(NewReservation.of("BOLT-M8", "WH1", new BigDecimal("25"), "order-9/1", clock.instant().plus(Duration.ofDays(2))));
        assertThatThrownBy(() -> stock.move(StockRequest.transfer("BOLT-M8", new BigDecimal("20"), "WH1/B", "WH2")))
                .isInstanceOf(dev.backoffice.core.error.BackofficeException.class)
                .extracting(e -> ((dev.backoffice.core.error.BackofficeException) e).code()).isEqualTo("inventory.reserved_in_warehouse");
        assertThat(picked.moves()).extracting(m -> m.from() + ":" + m.quantity()).containsExactly("WH1/A:60", "WH1/B:10");
        assertThat(stock.reservation(line.id())).returns(ReservationStatus.SHIPPED, Reservation::status)
                .returns(20L, Reservation::released);
        assertThat(counted.moves()).extracting(m -> m.lot().orElseThrow() + ":" + m.to() + ":" + m.quantity())
                .containsExactly("L-0316:LOSS:1", "L-0301:WH1/A:2");
        assertThat(stock.lots("MILK-1L", "WH1/A")).extracting(LotBalance::lot).containsExactly("L-0301", "L-0316");
        assertThat(ledgers.forTenant(acme).balance("1300").posted()).isEqualTo(stock.valuation(LocalDate.of(2026, 3, 16)).totals().get(EUR));
        assertThat(stock.level("BOLT-M8", "WH1/B").onHand()).isEqualByComparingTo("30");
    }

    @Test
    void theGuideShowsTheBinsTourCode() throws Exception {
        String test = Files.readString(Path.of("src/test/java/dev/backoffice/inventory/InventoryTourTest.java"));
        String tour = test.substring(test.indexOf("// bins:start") + "// bins:start".length(), test.indexOf("        // bins:end"));
        assertThat(normalize(Files.readString(Path.of("README-inventory.md")))).contains(normalize(tour));
    }

    @Test
    void theGuideShowsTheLandedCostTourCode() throws Exception {
        String test = Files.readString(Path.of("src/test/java/dev/backoffice/inventory/InventoryTourTest.java"));
        String tour = test.substring(test.indexOf("// landed:start") + "// landed:start".length(), test.indexOf("        // landed:end"));
        assertThat(normalize(Files.readString(Path.of("README-inventory.md")))).contains(normalize(tour));
    }

    @Test
    void theGuideShowsTheTourCode() throws Exception {
        String test = Files.readString(Path.of("src/test/java/dev/backoffice/inventory/InventoryTourTest.java"));
        String tour = test.substring(test.indexOf("// tour:start") + "// tour:start".length(), test.indexOf("        // tour:end"));
        assertThat(normalize(Files.readString(Path.of("README-inventory.md")))).contains(normalize(tour));
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
