package dev.backoffice.examples.springboot;

import java.util.Optional;
import java.util.UUID;

/** Where the application keeps its purchases: plain JDBC or JPA, by profile. */
public interface PurchaseRecords {

    /** Saves a new purchase in the current transaction. */
    void save(Purchase purchase);

    /** The purchase with {@code id}, if stored. */
    Optional<Purchase> find(UUID id);
}
