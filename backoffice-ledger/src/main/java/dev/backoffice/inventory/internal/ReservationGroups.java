package dev.backoffice.inventory.internal;

import dev.backoffice.inventory.InventoryTx;
import dev.backoffice.inventory.Reservation;
import dev.backoffice.inventory.TenantInventoryStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Group commit of reservations (leader and followers, no extra threads): callers queue their
 * request; whichever finds no group running becomes the leader and runs every queued request, up
 * to {@value #MAX_GROUP}, in ONE store transaction, then hands each caller its own outcome. The
 * hot position row is locked once per group instead of once per reservation, and one commit
 * (one fsync) covers the group: that is what lifts a flash sale above the one-transaction-per-
 * reservation baseline.
 *
 * <p>Each request's rule failure is its own (its checks run before its writes, so a refused
 * request wrote nothing); a failure of the transaction itself reaches every caller of the group,
 * whose {@code Reruns} then settles it alone by its reservation id.
 */
final class ReservationGroups {

    /** Most reservations one transaction carries. */
    static final int MAX_GROUP = 256;

    /** One queued request: its unit of work inside the group's transaction, its outcome, and who waits for it. */
    record Pending(Function<InventoryTx, Reservation> work, CompletableFuture<Reservation> outcome, Thread waiter) {
    }

    /** Groups a leader runs back to back while callers keep queueing, before it returns to its own caller. */
    private static final int GROUPS_PER_TURN = 8;

    private final TenantInventoryStore store;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    ReservationGroups(TenantInventoryStore store) {
        this.store = store;
    }

    /** Runs {@code work} in a group transaction and returns its reservation (or throws its failure). */
    Reservation submit(Function<InventoryTx, Reservation> work) {
        Pending p = new Pending(work, new CompletableFuture<>(), Thread.currentThread());
        queue.add(p);
        while (!p.outcome().isDone()) {
            if (running.compareAndSet(false, true)) {
                try {
                    for (int i = 0; i < GROUPS_PER_TURN && !queue.isEmpty(); i++) {
                        drain();
                    }
                } finally {
                    running.set(false);
                }
            } else {
                // the leader unparks us when our outcome is in; the timeout covers a leader that left
                // just before we queued
                LockSupport.parkNanos(this, 1_000_000L);
            }
        }
        try {
            return p.outcome().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) e.getCause();
        }
    }

    private void drain() {
        List<Pending> group = new ArrayList<>();
        Pending next;
        while (group.size() < MAX_GROUP && (next = queue.poll()) != null) {
            group.add(next);
        }
        if (group.isEmpty()) {
            return;
        }
        List<Object> outcomes = new ArrayList<>(group.size());
        try {
            store.write(tx -> {
                outcomes.clear(); // the store may rerun the unit
                for (Pending p : group) {
                    try {
                        outcomes.add(p.work().apply(tx));
                    } catch (dev.backoffice.core.error.BackofficeException rule) {
                        if (rule instanceof dev.backoffice.core.error.StorageException) {
                            throw rule; // the transaction failed: the whole group fails
                        }
                        outcomes.add(rule);
                    }
                }
                return null;
            });
        } catch (RuntimeException | Error failure) {
            group.forEach(p -> {
                p.outcome().completeExceptionally(failure);
                LockSupport.unpark(p.waiter());
            });
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            Object o = outcomes.get(i);
            if (o instanceof Reservation r) {
                group.get(i).outcome().complete(r);
            } else {
                group.get(i).outcome().completeExceptionally((Throwable) o);
            }
            LockSupport.unpark(group.get(i).waiter());
        }
    }
}
