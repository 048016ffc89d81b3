-- Ledger schema, version 1. Runs unchanged on PostgreSQL 13+ and on H2 2.x (MODE=PostgreSQL).
-- Every table is keyed by tenant first; every query of the store starts its WHERE with tenant_id.
-- Amounts are 64-bit integers in the minor unit of the account's currency.

-- The chart of accounts with the four TigerBeetle-style counters. A row is the lock of its
-- account: writers take SELECT ... FOR UPDATE on every touched row, in (tenant_id, account_id)
-- order, in one statement per transaction (see JdbcLedgerStore's Javadoc for the locking order).
CREATE TABLE ledger_account (
    tenant_id       VARCHAR(64)  NOT NULL,
    account_id      UUID         NOT NULL,
    code            VARCHAR(64)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    type            VARCHAR(16)  NOT NULL,
    currency        VARCHAR(3)   NOT NULL,
    parent_id       UUID,
    flags           VARCHAR(100) NOT NULL,
    closed          BOOLEAN      NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    debits_posted   BIGINT       NOT NULL,
    credits_posted  BIGINT       NOT NULL,
    debits_pending  BIGINT       NOT NULL,
    credits_pending BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, account_id),
    CONSTRAINT ledger_account_code_uq UNIQUE (tenant_id, code)
);

-- Journal entries: immutable once written. Lines are kept with the entry (compact text, one row
-- per entry); the per-account movements below are what statements and balances read.
-- Unique keys make duplicates impossible even between processes: the id, the sequence and the
-- idempotency key here, the one resolution of a hold and the one reversal of an entry in
-- ledger_entry_link. (pending_id, reverses and expires_at are kept here for reading back; their
-- indexes live in the small side tables, so an ordinary entry maintains three indexes, not six.)
CREATE TABLE ledger_entry (
    tenant_id       VARCHAR(64)   NOT NULL,
    entry_id        UUID          NOT NULL,
    sequence        BIGINT        NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    effective_date  DATE          NOT NULL,
    booked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    description     VARCHAR(1000) NOT NULL,
    metadata        VARCHAR(10000),
    idempotency_key VARCHAR(200),
    lines           VARCHAR(100000) NOT NULL,
    pending_id      UUID,
    reverses        UUID,
    expires_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (tenant_id, entry_id),
    CONSTRAINT ledger_entry_sequence_uq UNIQUE (tenant_id, sequence),
    CONSTRAINT ledger_entry_idempotency_uq UNIQUE (tenant_id, idempotency_key)
);

-- Links that must be unique: the one resolution (post, void, expiry) of a hold, link 'R', and the
-- one reversal of an entry, link 'V'. target_id is the hold or the reversed entry.
CREATE TABLE ledger_entry_link (
    tenant_id VARCHAR(64) NOT NULL,
    target_id UUID        NOT NULL,
    link      CHAR(1)     NOT NULL,
    entry_id  UUID        NOT NULL,
    PRIMARY KEY (tenant_id, target_id, link)
);

-- Holds with an expiry, in expiry order, for the expiry sweep.
CREATE TABLE ledger_hold (
    tenant_id  VARCHAR(64) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sequence   BIGINT      NOT NULL,
    entry_id   UUID        NOT NULL,
    PRIMARY KEY (tenant_id, expires_at, sequence)
);

-- One row per posting effect on an account. The primary key is the statement order
-- (account, value date, sequence, index): a statement page is one index range scan.
CREATE TABLE ledger_movement (
    tenant_id      VARCHAR(64) NOT NULL,
    account_id     UUID        NOT NULL,
    effective_date DATE        NOT NULL,
    sequence       BIGINT      NOT NULL,
    idx            INT         NOT NULL,
    entry_id       UUID        NOT NULL,
    kind           VARCHAR(16) NOT NULL,
    side           CHAR(1)     NOT NULL,
    pending        BOOLEAN     NOT NULL,
    amount         BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id, account_id, effective_date, sequence, idx)
);

-- Daily balance snapshots: per account and value date, the sum of that day's movements
-- (closing entries apart). A balance as of any date sums at most one row per active day
-- instead of every movement, so it stays fast with millions of entries.
CREATE TABLE ledger_account_day (
    tenant_id       VARCHAR(64) NOT NULL,
    account_id      UUID        NOT NULL,
    value_date      DATE        NOT NULL,
    closing         BOOLEAN     NOT NULL,
    debits_posted   BIGINT      NOT NULL,
    credits_posted  BIGINT      NOT NULL,
    debits_pending  BIGINT      NOT NULL,
    credits_pending BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id, account_id, value_date, closing)
);

-- The closed-through date of each tenant. Postings hold this row FOR SHARE, closing a period
-- holds it FOR UPDATE: the first lock of every writing transaction.
CREATE TABLE ledger_period (
    tenant_id      VARCHAR(64) NOT NULL,
    closed_through DATE,
    PRIMARY KEY (tenant_id)
);

-- Entry sequence numbers are handed out in blocks of 1000 per process (gaps allowed).
CREATE SEQUENCE ledger_sequence_block START WITH 1 INCREMENT BY 1000;
