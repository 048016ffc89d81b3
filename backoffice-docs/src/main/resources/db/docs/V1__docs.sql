-- Back Office SDK: document archive (backoffice-docs), schema version 1.
-- Common subset of PostgreSQL 13+ and H2 2.x (MODE=PostgreSQL). Every key starts with tenant_id.

-- One row per tenant: the lock that hold placement, ingest commits and disposal batches take.
CREATE TABLE docs_tenant (
    tenant_id   VARCHAR(64) NOT NULL PRIMARY KEY
);

-- Retention policies, one per class; the policy itself as JSON (few rows, never queried inside).
CREATE TABLE docs_policy (
    tenant_id   VARCHAR(64)  NOT NULL,
    doc_class   VARCHAR(64)  NOT NULL,
    policy_json TEXT         NOT NULL,
    PRIMARY KEY (tenant_id, doc_class)
);

CREATE TABLE docs_document (
    tenant_id     VARCHAR(64)  NOT NULL,
    id            UUID         NOT NULL,
    doc_class     VARCHAR(64)  NOT NULL,
    title         VARCHAR(500) NOT NULL,
    media_type    VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    lifecycle     VARCHAR(16)  NOT NULL,
    trigger_date  DATE,
    -- Last day of retention, computed at ingest or when the trigger event is recorded.
    retain_until  DATE,
    disposed_at   TIMESTAMP WITH TIME ZONE,
    version_count INT          NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
-- "Due as of D" = WHERE tenant_id = ? AND lifecycle = 'ACTIVE' AND retain_until < D ORDER BY retain_until, id:
-- an index range scan, never a full scan.
CREATE INDEX docs_document_due ON docs_document (tenant_id, lifecycle, retain_until, id);
CREATE INDEX docs_document_class ON docs_document (tenant_id, doc_class, id);
CREATE INDEX docs_document_created ON docs_document (tenant_id, created_at);

CREATE TABLE docs_version (
    tenant_id    VARCHAR(64)  NOT NULL,
    document_id  UUID         NOT NULL,
    number       INT          NOT NULL,
    content_hash CHAR(64)     NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    media_type   VARCHAR(255) NOT NULL,
    file_name    VARCHAR(255),
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by     VARCHAR(200) NOT NULL,
    live         BOOLEAN      NOT NULL,
    PRIMARY KEY (tenant_id, document_id, number)
);
CREATE INDEX docs_version_hash ON docs_version (tenant_id, content_hash, live);

CREATE TABLE docs_owner (
    tenant_id   VARCHAR(64)  NOT NULL,
    document_id UUID         NOT NULL,
    owner_type  VARCHAR(32)  NOT NULL,
    owner_id    VARCHAR(200) NOT NULL,
    PRIMARY KEY (tenant_id, document_id, owner_type, owner_id)
);
CREATE INDEX docs_owner_ref ON docs_owner (tenant_id, owner_type, owner_id, document_id);

CREATE TABLE docs_metadata (
    tenant_id   VARCHAR(64)   NOT NULL,
    document_id UUID          NOT NULL,
    meta_key    VARCHAR(64)   NOT NULL,
    meta_value  VARCHAR(1000) NOT NULL,
    PRIMARY KEY (tenant_id, document_id, meta_key)
);
CREATE INDEX docs_metadata_kv ON docs_metadata (tenant_id, meta_key, meta_value);

CREATE TABLE docs_hold (
    tenant_id   VARCHAR(64) NOT NULL,
    id          UUID        NOT NULL,
    active      BOOLEAN     NOT NULL,
    hold_json   TEXT        NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE docs_event (
    tenant_id   VARCHAR(64)  NOT NULL,
    owner_type  VARCHAR(32)  NOT NULL,
    owner_id    VARCHAR(200) NOT NULL,
    event_name  VARCHAR(64)  NOT NULL,
    occurred_on DATE         NOT NULL,
    PRIMARY KEY (tenant_id, owner_type, owner_id, event_name)
);

-- Content whose last live document was disposed of: deleted from the blob store after commit.
CREATE TABLE docs_purge (
    tenant_id    VARCHAR(64) NOT NULL,
    content_hash CHAR(64)    NOT NULL,
    PRIMARY KEY (tenant_id, content_hash)
);
