package dev.backoffice.examples.springboot;

import dev.backoffice.orders.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** The REST endpoints. */
@RestController
public class PurchaseController {

    private final PurchaseService service;

    PurchaseController(PurchaseService service) {
        this.service = service;
    }

    /** {@code POST /purchases}: one transaction over the application's row and the SDK's. */
    @PostMapping("/purchases")
    @ResponseStatus(HttpStatus.CREATED)
    public PurchaseService.PurchaseResult purchase(@RequestBody PurchaseService.PurchaseRequest request) {
        return service.purchase(request);
    }

    /** A payment request. */
    public record PaymentRequest(String amount, String reference, long holdMillis) {
    }

    /** {@code POST /orders/{id}/payments}. */
    @PostMapping("/orders/{id}/payments")
    public Map<String, Object> pay(@PathVariable("id") UUID orderId, @RequestBody PaymentRequest request) {
        Order order = service.pay(orderId, request.amount(), request.reference(), request.holdMillis());
        return Map.of("orderId", order.id().value(), "status", order.status().name(), "version", order.version());
    }

    /** {@code GET /purchases/{id}}. */
    @GetMapping("/purchases/{id}")
    public Map<String, Object> get(@PathVariable("id") UUID id) {
        Purchase p = service.find(id).orElseThrow(() -> new NotFound("purchase " + id));
        return Map.of("purchaseId", p.getId(), "customer", p.getCustomer(), "orderId", p.getOrderId());
    }

    /** 404 for the application's own look-ups. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NotFound extends RuntimeException {
        NotFound(String what) {
            super(what + " not found");
        }
    }
}
