package dev.backoffice.payroll;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.payroll.memory.InMemoryPayrollStore;

class InMemoryPayrollStoreTest extends PayrollStoreContract {
    @Override
    protected PayrollStore newStore() {
        return InMemoryPayrollStore.create();
    }

    @Override
    protected AuditStore newAuditStore(AdjustableClock clock) {
        return InMemoryAuditStore.create(clock);
    }
}
