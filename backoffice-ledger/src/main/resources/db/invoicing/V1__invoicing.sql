-- Invoicing: the sales ledger (see dev.backoffice.invoicing). Same SQL on H2 (PostgreSQL mode)
-- and PostgreSQL. Every key and index starts with tenant_id. Money is stored in minor units of
-- the row's currency; an invoice's immutable document (parties, lines, totals per rate, FX rate)
-- is one JSON text column, its state (status, paid, versions, cancellation) plain columns.

-- A numbering series of a tenant.
CREATE TABLE IF NOT EXISTS invoicing_series (
    tenant_id  VARCHAR(64)              NOT NULL,
    code       VARCHAR(32)              NOT NULL,
    pattern    VARCHAR(100)             NOT NULL,
    reset      VARCHAR(16)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, code)
);

-- The last sequence handed out per series and numbering period ('2026', '2026-03', 'all').
-- Issuing locks the row (UPDATE) and inserts the invoice in the same transaction: the number
-- and its invoice commit together, so a rolled-back issue leaves no gap.
CREATE TABLE IF NOT EXISTS invoicing_counter (
    tenant_id VARCHAR(64) NOT NULL,
    series    VARCHAR(32) NOT NULL,
    period    VARCHAR(7)  NOT NULL,
    last_seq  BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id, series, period)
);

-- Invoices and credit notes. A draft has no period, seq 0 and no number.
CREATE TABLE IF NOT EXISTS invoicing_invoice (
    tenant_id    VARCHAR(64)              NOT NULL,
    id           UUID                     NOT NULL,
    version      BIGINT                   NOT NULL,
    kind         VARCHAR(16)              NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    series       VARCHAR(32)              NOT NULL,
    period       VARCHAR(7),
    seq          BIGINT                   NOT NULL,
    number       VARCHAR(256),
    customer     VARCHAR(200)             NOT NULL,
    currency     CHAR(3)                  NOT NULL,
    issue_date   DATE,
    sale_date    DATE,
    due_date     DATE,
    gross_minor  BIGINT                   NOT NULL,
    paid_minor   BIGINT                   NOT NULL,
    corrects     UUID,
    cancelled_by UUID,
    ledger_entry UUID,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    document     TEXT                     NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- No number twice in a tenant, no sequence twice in a series and period (drafts: NULLs, distinct).
CREATE UNIQUE INDEX IF NOT EXISTS invoicing_invoice_number ON invoicing_invoice (tenant_id, number);
CREATE UNIQUE INDEX IF NOT EXISTS invoicing_invoice_seq ON invoicing_invoice (tenant_id, series, period, seq);
-- The overdue sweep: open invoices by due date.
CREATE INDEX IF NOT EXISTS invoicing_invoice_due ON invoicing_invoice (tenant_id, status, due_date);

CREATE TABLE IF NOT EXISTS invoicing_payment (
    tenant_id    VARCHAR(64)              NOT NULL,
    id           UUID                     NOT NULL,
    version      BIGINT                   NOT NULL,
    payer        VARCHAR(200)             NOT NULL,
    currency     CHAR(3)                  NOT NULL,
    amount_minor BIGINT                   NOT NULL,
    received_on  DATE                     NOT NULL,
    reference    VARCHAR(200)             NOT NULL,
    ledger_entry UUID,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- Allocations of a payment to invoices, append-only, numbered per payment.
CREATE TABLE IF NOT EXISTS invoicing_allocation (
    tenant_id    VARCHAR(64) NOT NULL,
    payment_id   UUID        NOT NULL,
    seq          INT         NOT NULL,
    invoice_id   UUID        NOT NULL,
    amount_minor BIGINT      NOT NULL,
    allocated_on DATE        NOT NULL,
    entry_id     UUID        NOT NULL,
    PRIMARY KEY (tenant_id, payment_id, seq)
);

CREATE INDEX IF NOT EXISTS invoicing_allocation_invoice ON invoicing_allocation (tenant_id, invoice_id);
