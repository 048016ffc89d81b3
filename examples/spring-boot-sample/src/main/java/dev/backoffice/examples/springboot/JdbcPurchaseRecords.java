package dev.backoffice.examples.springboot;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/** Purchases through Spring's {@link JdbcClient}: the same transaction's connection as the SDK's. */
@Repository
@Profile("!jpa")
public class JdbcPurchaseRecords implements PurchaseRecords {

    private final JdbcClient jdbc;

    JdbcPurchaseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Purchase p) {
        jdbc.sql("INSERT INTO app_purchase (id, customer, order_id, created_at) VALUES (?, ?, ?, ?)")
                .params(p.getId(), p.getCustomer(), p.getOrderId(), Timestamp.from(p.getCreatedAt()))
                .update();
    }

    @Override
    public Optional<Purchase> find(UUID id) {
        return jdbc.sql("SELECT id, customer, order_id, created_at FROM app_purchase WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Purchase(rs.getObject("id", UUID.class), rs.getString("customer"),
                        rs.getObject("order_id", UUID.class), rs.getTimestamp("created_at").toInstant()))
                .optional();
    }
}
