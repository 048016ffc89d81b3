package dev.backoffice.orders;

import dev.backoffice.core.store.TenantStore;

import java.util.function.Function;

/**
 * The orders of one tenant (from {@link OrderStore#forTenant}): {@link #read()} for committed
 * orders, {@link #write(Function)} for a unit of inserts and updates that lands in one
 * transaction, whole or not at all.
 * <pre>{@code
 * TenantOrderStore acme = store.forTenant(TenantId.of("acme"));
 * Order stored = acme.read().get(id);
 * Order saved = acme.write(tx -> tx.update(stored.withPayment(amount, "psp-1", at)));
 * }</pre>
 *
 * <p>Orders are versioned: {@link OrderTx#update(Order)} succeeds only if nobody saved the order
 * since it was read, so of two concurrent transitions on one order exactly one wins and the other
 * gets {@code order.version_conflict} with nothing of its unit written. Orders are append-only
 * below the root: lines never change after creation, and payments, shipments, returns, refunds
 * and history only grow. Stores rely on it.
 *
 * <h2>When a commit's outcome is unknown</h2>
 * Every write of a unit carries its identity: an insert the order id, an update the order id and
 * the version it makes. When the acknowledgement of a unit's commit is lost (the connection died
 * while committing), the JDBC store does not run {@code work} again: it looks up whether the
 * writes the unit made are stored as this very unit (same versions, statuses, children and last
 * history entry) and then answers what {@code work} answered; if they are not stored, it writes
 * those same writes again, each under its identity (an order that moved on meanwhile is then the
 * usual {@code order.version_conflict} or {@code order.already_exists}). Only when the database
 * stays unreachable does the question reach the caller, as {@code storage.outcome_unknown}
 * naming the orders to read back. So a unit may even derive its update from what it read
 * through the unit: a lost acknowledgement never applies it twice.
 */
public interface TenantOrderStore extends TenantStore<OrderReads, OrderTx> {
}
