package dev.backoffice.examples.springboot;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.docs.Archive;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.NewDocument;
import dev.backoffice.docs.OwnerRef;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.orders.By;
import dev.backoffice.orders.NewOrder;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderId;
import dev.backoffice.orders.OrderLine;
import dev.backoffice.orders.Orders;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The application's use cases. Each method is one Spring transaction: the application's own row
 * and everything the SDK writes in it commit together or not at all.
 */
@Service
public class PurchaseService {

    /** The one tenant of this sample. */
    static final TenantId TENANT = TenantId.of("acme");
    static final CurrencyUnit PLN = CurrencyUnit.of("PLN");

    private final PurchaseRecords purchases;
    private final Orders orders;
    private final Ledger ledger;
    private final Archive archive;
    private final Clock clock;

    PurchaseService(PurchaseRecords purchases, Orders orders, Ledger ledger, Archive archive, Clock clock) {
        this.purchases = purchases;
        this.orders = orders;
        this.ledger = ledger;
        this.archive = archive;
        this.clock = clock;
    }

    /** What a purchase asks for. {@code failAfterSdkCalls} throws after every SDK call, for the rollback demo. */
    public record PurchaseRequest(String customer, String sku, int quantity, String unitPrice, boolean failAfterSdkCalls) {
    }

    /** What a purchase made: the application's id and the SDK's. */
    public record PurchaseResult(UUID purchaseId, UUID orderId, String orderStatus, String total, UUID invoiceEntryId,
                                 UUID invoiceDocumentId) {
    }

    /** Thrown on request after the SDK calls: Spring rolls the whole transaction back. */
    public static final class PurchaseAbandoned extends RuntimeException {
        PurchaseAbandoned(String message) {
            super(message);
        }
    }

    /**
     * Saves the purchase, creates and places its order, posts the invoice to the ledger and
     * archives the invoice: one transaction.
     */
    @Transactional
    public PurchaseResult purchase(PurchaseRequest request) {
        Order order = orders.forTenant(TENANT).create(NewOrder.of(request.customer(), PLN, List.of(
                OrderLine.of(request.sku(), request.quantity(), Money.of(PLN, new java.math.BigDecimal(request.unitPrice())), "23"))),
                By.actor("app:shop"));
        UUID purchaseId = UUID.randomUUID();
        purchases.save(new Purchase(purchaseId, request.customer(), order.id().value(), clock.instant()));
        order = orders.forTenant(TENANT).place(order.id(), By.actor("app:shop"));
        JournalEntry invoice = ledger.forTenant(TENANT).post(EntryRequest.builder(LocalDate.now(clock), "Invoice " + order.id())
                .debit("1100", order.total())
                .credit("4100", order.netTotal())
                .credit("2200", order.taxTotal())
                .idempotencyKey("invoice-" + order.id())
                .build());
        Document document = archive.forTenant(TENANT).ingest(NewDocument.builder(DocumentClass.of("invoice"), "Invoice " + order.id())
                .mediaType("text/plain")
                .owner(OwnerRef.order(order.id().toString()))
                .build(), ("Invoice for order " + order.id() + ": " + order.total()).getBytes(StandardCharsets.UTF_8));
        if (request.failAfterSdkCalls()) {
            throw new PurchaseAbandoned("abandoned on request after every SDK call");
        }
        return new PurchaseResult(purchaseId, order.id().value(), order.status().name(), order.total().toString(),
                invoice.id().value(), document.id().value());
    }

    /**
     * Records a payment of the order and posts it. {@code holdMillis} keeps the transaction (and
     * the order's row lock) open a while, as slow work would: a concurrent payment of the same
     * order then loses with {@code order.version_conflict}.
     */
    @Transactional
    public Order pay(UUID orderId, String amount, String reference, long holdMillis) {
        Money paid = Money.of(PLN, new java.math.BigDecimal(amount));
        Order order = orders.forTenant(TENANT).pay(OrderId.of(orderId), paid, reference, By.actor("app:psp"));
        ledger.forTenant(TENANT).post(EntryRequest.builder(LocalDate.now(clock), "Payment " + reference)
                .debit("1010", paid)
                .credit("1100", paid)
                .idempotencyKey("payment-" + reference)
                .build());
        if (holdMillis > 0) {
            try {
                Thread.sleep(holdMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return order;
    }

    /** The purchase, if stored (committed, or in the caller's transaction). */
    @Transactional(readOnly = true)
    public java.util.Optional<Purchase> find(UUID purchaseId) {
        return purchases.find(purchaseId);
    }
}
