-- Hash-chained audit log (see dev.backoffice.core.audit). Same SQL on H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE IF NOT EXISTS audit_head (
    tenant_id  VARCHAR(64) NOT NULL,
    last_seq   BIGINT      NOT NULL,
    last_hash  CHAR(64)    NOT NULL,
    PRIMARY KEY (tenant_id)
);

CREATE TABLE IF NOT EXISTS audit_log (
    tenant_id     VARCHAR(64)              NOT NULL,
    seq           BIGINT                   NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(200)             NOT NULL,
    action        VARCHAR(200)             NOT NULL,
    subject       VARCHAR(500)             NOT NULL,
    details       TEXT                     NOT NULL,
    previous_hash CHAR(64)                 NOT NULL,
    hash          CHAR(64)                 NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);
