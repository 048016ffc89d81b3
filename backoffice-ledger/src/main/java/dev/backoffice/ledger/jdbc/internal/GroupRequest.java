package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.ledger.LedgerTx;

import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/** One caller's unit of work waiting in a group, with its own outcome. */
public final class GroupRequest {

    final Function<? super LedgerTx, ?> work;
    private final CountDownLatch done = new CountDownLatch(1);
    private Object value;
    private Throwable error;


    /** A new instance (internal classes have no public constructor). */
    public static GroupRequest create(Function<? super LedgerTx, ?> work) {
        return new GroupRequest(work);
    }

    GroupRequest(Function<? super LedgerTx, ?> work) {
        this.work = work;
    }

    void succeed(Object result) {
        this.value = result;
        done.countDown();
    }

    void fail(Throwable t) {
        this.error = t;
        done.countDown();
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    /**
     * Waits for the outcome (uninterruptibly: the work may already be committed) and returns it,
     * or rethrows the work's own exception unchanged.
     */
    public Object await() {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (error instanceof RuntimeException r) {
            throw r;
        }
        if (error instanceof Error e) {
            throw e;
        }
        if (error != null) {
            throw new IllegalStateException(error);
        }
        return value;
    }
}
