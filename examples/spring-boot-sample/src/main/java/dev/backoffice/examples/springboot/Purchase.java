package dev.backoffice.examples.springboot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The application's own entity: a purchase, with the SDK's identities of what it led to. */
@Entity
@Table(name = "app_purchase")
public class Purchase {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String customer;

    @Column(name = "order_id", nullable = false)
    private UUID orderId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** For JPA. */
    protected Purchase() {
    }

    /**
     * A purchase.
     *
     * @param id        its id
     * @param customer  who buys
     * @param orderId   the SDK order it created
     * @param createdAt when
     */
    public Purchase(UUID id, String customer, UUID orderId, Instant createdAt) {
        this.id = id;
        this.customer = customer;
        this.orderId = orderId;
        this.createdAt = createdAt;
    }

    /** @return the id */
    public UUID getId() {
        return id;
    }

    /** @return who buys */
    public String getCustomer() {
        return customer;
    }

    /** @return the SDK order */
    public UUID getOrderId() {
        return orderId;
    }

    /** @return when it was made */
    public Instant getCreatedAt() {
        return createdAt;
    }
}
