-- Tenant write fences and the move journal (see dev.backoffice.core.jdbc.TenantFence and
-- dev.backoffice.core.store.move.TenantMove). One row per tenant that a moveable database has
-- seen write or that a move touched; no row means open. Same SQL on H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE IF NOT EXISTS backoffice_tenant_fence (
    tenant_id  VARCHAR(64)              NOT NULL,
    state      VARCHAR(16)              NOT NULL,
    step       VARCHAR(16),
    move_id    VARCHAR(64),
    peer       VARCHAR(64),
    changed_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (tenant_id)
);
