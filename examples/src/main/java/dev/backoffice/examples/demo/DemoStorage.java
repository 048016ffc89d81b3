package dev.backoffice.examples.demo;

import java.time.Clock;

/** Opens the demo's stores for the chosen storage and releases them at the end. */
final class DemoStorage implements AutoCloseable {

    private final DemoStores stores;
    private final AutoCloseable onClose;

    private DemoStorage(DemoStores stores, AutoCloseable onClose) {
        this.stores = stores;
        this.onClose = onClose;
    }

    static DemoStorage open(DemoMain.Options options, Clock clock) {
        return new DemoStorage(DemoStores.inMemory(clock), () -> { });
    }

    DemoStores stores() {
        return stores;
    }

    @Override
    public void close() {
        try {
            onClose.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the demo's storage failed", e);
        }
    }
}
