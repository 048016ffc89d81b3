package dev.backoffice.payroll.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.payroll.PayrollStoreContract;

class InMemoryPayrollStoreTest extends PayrollStoreContract {
    InMemoryPayrollStoreTest() {
        super(StoreKind.MEMORY);
    }
}
