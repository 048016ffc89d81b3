package dev.backoffice.core.audit;

import dev.backoffice.core.tenant.TenantId;

class InMemoryAuditLogTest extends AuditLogContract {

    private final InMemoryAuditStore store = InMemoryAuditStore.create(clock);

    @Override
    protected AuditStore store() {
        return store;
    }

    @Override
    protected void tamperWithActor(TenantId tenant, long sequence, String newActor) {
        AuditRecord r = store.forTenant(tenant).read(sequence, 1).get(0);
        AuditEvent altered = new AuditEvent(newActor, r.event().action(), r.event().subject(), r.event().details());
        store.tamper(tenant, sequence, new AuditRecord(tenant, sequence, r.recordedAt(), altered, r.previousHash(), r.hash()));
    }
}
