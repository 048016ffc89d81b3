-- Inventory: the stock ledger (see dev.backoffice.inventory). Same SQL on H2 (PostgreSQL mode)
-- and PostgreSQL. Every key and index starts with tenant_id. Quantities are BIGINT in the
-- minor scale of the item's unit (never floating point); values BIGINT minor units of the
-- item's currency.

CREATE TABLE IF NOT EXISTS inventory_item (
    tenant_id  VARCHAR(64)  NOT NULL,
    sku        VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    unit       VARCHAR(16)  NOT NULL,
    unit_scale INT          NOT NULL,
    tracking   VARCHAR(8)   NOT NULL,
    costing    VARCHAR(16)  NOT NULL,
    currency   CHAR(3)      NOT NULL,
    PRIMARY KEY (tenant_id, sku)
);

CREATE TABLE IF NOT EXISTS inventory_location (
    tenant_id        VARCHAR(64) NOT NULL,
    code             VARCHAR(64) NOT NULL,
    kind             VARCHAR(16) NOT NULL,
    parent           VARCHAR(64),
    negative_allowed BOOLEAN     NOT NULL,
    PRIMARY KEY (tenant_id, code)
);

-- The counters of an item in a location (the ledger's AccountCounters read as stock): qty_in =
-- debits posted, qty_out = credits posted, reserved = credits pending. Reserving and shipping
-- lock this row (UPDATE), so available-to-promise is checked against committed counters only.
CREATE TABLE IF NOT EXISTS inventory_position (
    tenant_id VARCHAR(64) NOT NULL,
    sku       VARCHAR(64) NOT NULL,
    location  VARCHAR(64) NOT NULL,
    qty_in    BIGINT      NOT NULL,
    qty_out   BIGINT      NOT NULL,
    reserved  BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id, sku, location)
);

-- Lots and serial numbers of tracked items per location.
CREATE TABLE IF NOT EXISTS inventory_lot (
    tenant_id VARCHAR(64)  NOT NULL,
    sku       VARCHAR(64)  NOT NULL,
    location  VARCHAR(64)  NOT NULL,
    lot       VARCHAR(200) NOT NULL,
    expiry    DATE,
    since     DATE         NOT NULL,
    qty_in    BIGINT       NOT NULL,
    qty_out   BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, sku, location, lot)
);
-- Is this serial number in stock anywhere?
CREATE INDEX IF NOT EXISTS inventory_lot_by_lot ON inventory_lot (tenant_id, sku, lot);

CREATE TABLE IF NOT EXISTS inventory_operation (
    tenant_id   VARCHAR(64)              NOT NULL,
    id          UUID                     NOT NULL,
    kind        VARCHAR(16)              NOT NULL,
    sku         VARCHAR(64)              NOT NULL,
    op_date     DATE                     NOT NULL,
    reference   VARCHAR(200),
    reason      VARCHAR(200),
    entry_id    UUID,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- The lines of an operation. qty_delta / value_delta: what the line changes internal stock by
-- (zero between two internal locations), so the valuation as of a date is one grouped sum.
CREATE TABLE IF NOT EXISTS inventory_move (
    tenant_id   VARCHAR(64)  NOT NULL,
    op_id       UUID         NOT NULL,
    line        INT          NOT NULL,
    sku         VARCHAR(64)  NOT NULL,
    from_loc    VARCHAR(64)  NOT NULL,
    to_loc      VARCHAR(64)  NOT NULL,
    lot         VARCHAR(200),
    lot_expiry  DATE,
    quantity    BIGINT       NOT NULL,
    unit_scale  INT          NOT NULL,
    currency    CHAR(3)      NOT NULL,
    qty_delta   BIGINT       NOT NULL,
    value_delta BIGINT       NOT NULL,
    move_date   DATE         NOT NULL,
    reservation UUID,
    PRIMARY KEY (tenant_id, op_id, line)
);
-- The valuation as of a date: moves up to it, grouped by item.
CREATE INDEX IF NOT EXISTS inventory_move_by_date ON inventory_move (tenant_id, move_date);

CREATE TABLE IF NOT EXISTS inventory_reservation (
    tenant_id  VARCHAR(64)              NOT NULL,
    id         UUID                     NOT NULL,
    sku        VARCHAR(64)              NOT NULL,
    location   VARCHAR(64)              NOT NULL,
    quantity   BIGINT                   NOT NULL,
    shipped    BIGINT                   NOT NULL,
    unit_scale INT                      NOT NULL,
    reference  VARCHAR(200)             NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status     VARCHAR(16)              NOT NULL,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
-- The expiry sweep: open reservations by expiry.
CREATE INDEX IF NOT EXISTS inventory_reservation_expiry ON inventory_reservation (tenant_id, status, expires_at);

-- An item's stock value and quantity over internal locations; locked by every valued movement.
CREATE TABLE IF NOT EXISTS inventory_cost (
    tenant_id  VARCHAR(64) NOT NULL,
    sku        VARCHAR(64) NOT NULL,
    quantity   BIGINT      NOT NULL,
    value_minor BIGINT     NOT NULL,
    next_layer BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id, sku)
);

-- FIFO layers with something left (an exhausted layer is deleted).
CREATE TABLE IF NOT EXISTS inventory_layer (
    tenant_id  VARCHAR(64) NOT NULL,
    sku        VARCHAR(64) NOT NULL,
    seq        BIGINT      NOT NULL,
    layer_date DATE        NOT NULL,
    quantity   BIGINT      NOT NULL,
    value_minor BIGINT     NOT NULL,
    PRIMARY KEY (tenant_id, sku, seq)
);

CREATE TABLE IF NOT EXISTS inventory_period (
    tenant_id      VARCHAR(64) NOT NULL,
    closed_through DATE        NOT NULL,
    PRIMARY KEY (tenant_id)
);
