package dev.backoffice.examples.glue;

import dev.backoffice.core.validation.Check;
import dev.backoffice.inventory.InventoryAccounts;
import dev.backoffice.inventory.OperationId;
import dev.backoffice.inventory.StockCount;
import dev.backoffice.inventory.StockRequest;
import dev.backoffice.invoicing.AccountMapping;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.NewPayment;
import dev.backoffice.invoicing.NewPurchaseInvoice;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.PaymentId;
import dev.backoffice.invoicing.PurchaseInvoice;
import dev.backoffice.invoicing.PurchaseLine;
import dev.backoffice.invoicing.VatRate;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Goods bought for stock, across invoicing and inventory, with the accounts both post to. The
 * stock ledger books a receipt at cost against <em>goods received not invoiced</em> (Dr inventory /
 * Cr GRNI); the supplier's invoice for the same goods, registered and approved in the purchase
 * ledger, clears it (Dr GRNI, Dr input VAT / Cr payables): the purchase ledger's "expense" role
 * is played by the GRNI account, so a receipt invoiced at its cost leaves GRNI at zero and the
 * cost sits in inventory until it is sold (perpetual inventory, IAS 2.34: the carrying amount is
 * expensed as cost of goods sold when the goods are sold).
 *
 * <p>Every id is derived from the tenant and the caller's references, so a rerun finds what
 * an earlier run stored.
 */
public final class StockAndPurchases {

    /** Where opening stock comes from (a virtual location). */
    public static final String OPENING = "OPENING";
    /** Where suppliers' goods come from (a virtual location). */
    public static final String SUPPLIERS = "SUPPLIERS";
    /** Where stock found missing goes (a virtual location). */
    public static final String LOSS = "LOSS";

    /**
     * One line of goods received and invoiced.
     *
     * @param sku         the item
     * @param description what the supplier's invoice calls it
     * @param quantity    how many, in pieces
     * @param unitCost    the net cost of one, in the invoice's currency
     * @param vatRate     the VAT rate the supplier charges (of the buyer's country)
     */
    public record ReceivedLine(String sku, String description, int quantity, Money unitCost, VatRate vatRate) {
        public ReceivedLine {
            Check.notNull(sku, "sku");
            Check.notNull(description, "description");
            Check.that(quantity > 0, "quantity", "must be at least 1", quantity);
            Check.notNull(unitCost, "unitCost");
            Check.notNull(vatRate, "vatRate");
        }

        /** The line's net cost. */
        public Money net() {
            return unitCost.multipliedBy(quantity);
        }

        /** The VAT the supplier charges on it: the net at the rate, rounded half up to the minor unit. */
        public Money vat() {
            return net().multipliedBy(vatRate.percent().movePointLeft(2), RoundingMode.HALF_UP);
        }
    }

    private StockAndPurchases() {
    }

    /** The sales and purchase roles of each currency, from {@code accounts}; the purchases' expense is the GRNI account. */
    public static AccountMapping invoicingAccounts(PostingAccounts accounts, Collection<CurrencyUnit> currencies) {
        AccountMapping.Builder mapping = AccountMapping.builder();
        for (CurrencyUnit c : currencies) {
            mapping.currency(c, accounts.code("receivables"), accounts.code("sales"), accounts.code("vatPayable"), accounts.code("bank"),
                            accounts.code("customerCredit"))
                    .purchases(c, accounts.code("goodsReceivedNotInvoiced"), accounts.code("inputVat"), accounts.code("payables"),
                            accounts.code("supplierAdvances"));
        }
        return mapping.build();
    }

    /** The stock ledger's roles of each currency, from {@code accounts}. */
    public static InventoryAccounts inventoryAccounts(PostingAccounts accounts, Collection<CurrencyUnit> currencies) {
        InventoryAccounts.Builder mapping = InventoryAccounts.builder();
        for (CurrencyUnit c : currencies) {
            mapping.currency(c, accounts.code("inventory"), accounts.code("goodsReceivedNotInvoiced"), accounts.code("costOfGoodsSold"),
                    accounts.code("inventoryLosses"), accounts.code("openingStock"));
        }
        return mapping.build();
    }

    /** Opening stock of {@code sku}: {@code quantity} at {@code unitCost} each, into {@code warehouse} on {@code date}. */
    public static StockRequest opening(String tenant, String sku, int quantity, Money unitCost, String warehouse, LocalDate date) {
        return StockRequest.opening(sku, BigDecimal.valueOf(quantity), OPENING, warehouse, unitCost.multipliedBy(quantity))
                .withId(OperationId.of(uuid("opening:" + tenant + ":" + sku)))
                .on(date)
                .reference("opening balance");
    }

    /** The goods of receipt {@code ref}: one receipt operation per line, at its net cost. */
    public static List<StockRequest> receipt(String tenant, String ref, String warehouse, LocalDate date, List<ReceivedLine> lines) {
        List<StockRequest> requests = new ArrayList<>();
        for (ReceivedLine line : lines) {
            requests.add(StockRequest.receipt(line.sku(), BigDecimal.valueOf(line.quantity()), SUPPLIERS, warehouse, line.net())
                    .withId(OperationId.of(uuid("receipt:" + tenant + ":" + ref + ":" + line.sku())))
                    .on(date)
                    .reference(ref));
        }
        return requests;
    }

    /** The supplier's invoice for receipt {@code ref}, one line per received line, received on the day the goods came. */
    public static NewPurchaseInvoice purchaseInvoice(String tenant, String ref, String supplierKey, Party supplier, Party buyer,
                                                     String supplierNumber, LocalDate issueDate, LocalDate receivedOn,
                                                     LocalDate dueDate, List<ReceivedLine> lines) {
        Check.notNull(lines, "lines");
        Check.that(!lines.isEmpty(), "lines", "a receipt needs at least one line", lines);
        NewPurchaseInvoice.Builder invoice = NewPurchaseInvoice.builder(lines.get(0).unitCost().getCurrencyUnit())
                .id(purchaseInvoiceId(tenant, ref))
                .supplier(supplierKey)
                .seller(supplier)
                .buyer(buyer)
                .supplierNumber(supplierNumber)
                .issueDate(issueDate)
                .receivedOn(receivedOn)
                .dueDate(dueDate);
        for (ReceivedLine line : lines) {
            invoice.line(PurchaseLine.of(line.description(), line.vatRate(), line.net(), line.vat()));
        }
        return invoice.build();
    }

    /** The id of the supplier's invoice for receipt {@code ref}. */
    public static InvoiceId purchaseInvoiceId(String tenant, String ref) {
        return InvoiceId.of(uuid("purchase-invoice:" + tenant + ":" + ref));
    }

    /** Paying the supplier's invoice in full on {@code date}. */
    public static NewPayment supplierPayment(String tenant, PurchaseInvoice invoice, LocalDate date) {
        return NewPayment.of(invoice.supplier(), invoice.gross(), date, invoice.supplierNumber())
                .withId(PaymentId.of(uuid("supplier-payment:" + tenant + ":" + invoice.id().value())))
                .allocate(invoice.id(), invoice.gross());
    }

    /** A stock count of {@code sku} in {@code warehouse} on {@code date}: the difference goes to or comes from the loss location. */
    public static StockCount count(String tenant, String sku, String warehouse, int counted, LocalDate date) {
        return StockCount.of(sku, warehouse, BigDecimal.valueOf(counted), LOSS)
                .withId(OperationId.of(uuid("count:" + tenant + ":" + sku + ":" + date)))
                .on(date);
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
