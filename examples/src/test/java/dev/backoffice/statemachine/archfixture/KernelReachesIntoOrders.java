package dev.backoffice.statemachine.archfixture;

import dev.backoffice.orders.OrderId;

/** Deliberately wrong (test fixture): a kernel-package class depending on the order domain. */
public final class KernelReachesIntoOrders {
    private KernelReachesIntoOrders() {
    }

    public static OrderId some() {
        return OrderId.newId();
    }
}
