-- Invoicing, part 2: the purchase ledger (accounts payable, see dev.backoffice.invoicing.TenantPayables)
-- and the indexes the sales reports read by. Same SQL on H2 (PostgreSQL mode) and PostgreSQL.
-- Every key and index starts with tenant_id; money in minor units of the row's currency.

-- Suppliers' invoices. The immutable document (parties, lines, totals per rate, FX rate) is
-- JSON text, the state plain columns. A supplier's number is registered once per supplier.
CREATE TABLE IF NOT EXISTS invoicing_purchase (
    tenant_id       VARCHAR(64)              NOT NULL,
    id              UUID                     NOT NULL,
    version         BIGINT                   NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    supplier        VARCHAR(200)             NOT NULL,
    supplier_number VARCHAR(256)             NOT NULL,
    currency        CHAR(3)                  NOT NULL,
    issue_date      DATE                     NOT NULL,
    sale_date       DATE                     NOT NULL,
    received_on     DATE                     NOT NULL,
    due_date        DATE                     NOT NULL,
    gross_minor     BIGINT                   NOT NULL,
    paid_minor      BIGINT                   NOT NULL,
    approved_by     VARCHAR(200),
    rejection       VARCHAR(1000),
    ledger_entry    UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    document        TEXT                     NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE UNIQUE INDEX IF NOT EXISTS invoicing_purchase_number ON invoicing_purchase (tenant_id, supplier, supplier_number);
-- The due list: open invoices by due date.
CREATE INDEX IF NOT EXISTS invoicing_purchase_due ON invoicing_purchase (tenant_id, status, due_date);
-- The VAT register: posted invoices by the day they were received.
CREATE INDEX IF NOT EXISTS invoicing_purchase_received ON invoicing_purchase (tenant_id, received_on);

-- Payments to suppliers.
CREATE TABLE IF NOT EXISTS invoicing_supplier_payment (
    tenant_id    VARCHAR(64)              NOT NULL,
    id           UUID                     NOT NULL,
    version      BIGINT                   NOT NULL,
    supplier     VARCHAR(200)             NOT NULL,
    currency     CHAR(3)                  NOT NULL,
    amount_minor BIGINT                   NOT NULL,
    paid_on      DATE                     NOT NULL,
    reference    VARCHAR(200)             NOT NULL,
    ledger_entry UUID,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- Allocations of a payment to suppliers' invoices, append-only, numbered per payment.
CREATE TABLE IF NOT EXISTS invoicing_supplier_allocation (
    tenant_id    VARCHAR(64) NOT NULL,
    payment_id   UUID        NOT NULL,
    seq          INT         NOT NULL,
    invoice_id   UUID        NOT NULL,
    amount_minor BIGINT      NOT NULL,
    allocated_on DATE        NOT NULL,
    entry_id     UUID        NOT NULL,
    PRIMARY KEY (tenant_id, payment_id, seq)
);

-- Sales reports: the VAT register reads invoices and credit notes by issue date, a correction
-- reads the credit notes of the invoice it corrects.
CREATE INDEX IF NOT EXISTS invoicing_invoice_issued ON invoicing_invoice (tenant_id, issue_date);
CREATE INDEX IF NOT EXISTS invoicing_invoice_corrects ON invoicing_invoice (tenant_id, corrects);
