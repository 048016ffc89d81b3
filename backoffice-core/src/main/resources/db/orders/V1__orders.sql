-- Orders (see dev.backoffice.orders). Same SQL on H2 (PostgreSQL mode) and PostgreSQL.
-- The root row carries the optimistic version; children are append-only, keyed by position.
-- Money is stored in minor units of the order's currency.
CREATE TABLE IF NOT EXISTS orders (
    tenant_id    VARCHAR(64)              NOT NULL,
    id           UUID                     NOT NULL,
    version      BIGINT                   NOT NULL,
    status       VARCHAR(32)              NOT NULL,
    customer_ref VARCHAR(200)             NOT NULL,
    currency     CHAR(3)                  NOT NULL,
    pay_later    BOOLEAN                  NOT NULL,
    created_by   VARCHAR(200)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS order_lines (
    tenant_id        VARCHAR(64)    NOT NULL,
    order_id         UUID           NOT NULL,
    line_no          INT            NOT NULL,
    sku              VARCHAR(64)    NOT NULL,
    quantity         INT            NOT NULL,
    unit_price_minor BIGINT         NOT NULL,
    tax_rate         NUMERIC(7, 4)  NOT NULL,
    PRIMARY KEY (tenant_id, order_id, line_no)
);

CREATE TABLE IF NOT EXISTS order_payments (
    tenant_id    VARCHAR(64)              NOT NULL,
    order_id     UUID                     NOT NULL,
    seq          INT                      NOT NULL,
    amount_minor BIGINT                   NOT NULL,
    reference    VARCHAR(200)             NOT NULL,
    paid_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, order_id, seq)
);

CREATE TABLE IF NOT EXISTS order_refunds (
    tenant_id    VARCHAR(64)              NOT NULL,
    order_id     UUID                     NOT NULL,
    seq          INT                      NOT NULL,
    amount_minor BIGINT                   NOT NULL,
    reason       VARCHAR(500)             NOT NULL,
    refunded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, order_id, seq)
);

-- One row per item of a shipment (kind 'S') or of a return (kind 'R').
CREATE TABLE IF NOT EXISTS order_movements (
    tenant_id VARCHAR(64)              NOT NULL,
    order_id  UUID                     NOT NULL,
    kind      CHAR(1)                  NOT NULL,
    seq       INT                      NOT NULL,
    item_no   INT                      NOT NULL,
    sku       VARCHAR(64)              NOT NULL,
    quantity  INT                      NOT NULL,
    moved_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, order_id, kind, seq, item_no)
);

CREATE TABLE IF NOT EXISTS order_history (
    tenant_id   VARCHAR(64)              NOT NULL,
    order_id    UUID                     NOT NULL,
    seq         INT                      NOT NULL,
    happened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(200)             NOT NULL,
    event       VARCHAR(32)              NOT NULL,
    from_status VARCHAR(32)              NOT NULL,
    to_status   VARCHAR(32)              NOT NULL,
    reason      VARCHAR(500),
    PRIMARY KEY (tenant_id, order_id, seq)
);
