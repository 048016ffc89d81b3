package dev.backoffice.examples.springboot;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/** Purchases through JPA (Hibernate), for the {@code jpa} profile, where JPA owns the transaction. */
@Repository
@Profile("jpa")
public class JpaPurchaseRecords implements PurchaseRecords {

    @PersistenceContext
    private EntityManager em;

    @Override
    public void save(Purchase purchase) {
        em.persist(purchase);
        em.flush(); // written now, before the SDK's rows: the order of the rows in the log reads as the code does
    }

    @Override
    public Optional<Purchase> find(UUID id) {
        return Optional.ofNullable(em.find(Purchase.class, id));
    }
}
