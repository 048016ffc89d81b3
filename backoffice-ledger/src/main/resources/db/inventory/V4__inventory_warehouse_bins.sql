-- Inventory: reservations at warehouse level over its bins, and partial releases of a reservation
-- (issue #17). Same SQL on H2
-- (PostgreSQL mode) and PostgreSQL.
--
-- A warehouse's position now counts itself and its bins: qty_in, qty_out and reserved are summed
-- over the warehouse and its bins (so what is available to promise at the warehouse is checked on
-- one locked row, which every movement and reservation through one of its bins locks too), and
-- in_bins is the part of its on hand that lies in its bins (what lies in the warehouse itself is
-- qty_in - qty_out - in_bins). A bin's and every other location's in_bins is zero.
ALTER TABLE inventory_position ADD COLUMN IF NOT EXISTS in_bins BIGINT NOT NULL DEFAULT 0;

-- Stock already in bins: its warehouse's position (made if missing) takes it in. These two
-- statements run once, over every tenant's rows (marked so that the statement check in core's
-- TenantStatements lets them pass: they are the installer's, never a tenant's call).
INSERT /* schema migration over every tenant */ INTO inventory_position (tenant_id, sku, location, qty_in, qty_out, reserved, in_bins)
SELECT DISTINCT b.tenant_id, b.sku, l.parent, 0, 0, 0, 0
FROM inventory_position b JOIN inventory_location l ON l.tenant_id = b.tenant_id AND l.code = b.location
WHERE l.parent IS NOT NULL
ON CONFLICT DO NOTHING;

UPDATE /* schema migration over every tenant */ inventory_position w SET
    qty_in = w.qty_in + (SELECT COALESCE(SUM(b.qty_in), 0) FROM inventory_position b JOIN inventory_location l
        ON l.tenant_id = b.tenant_id AND l.code = b.location WHERE b.tenant_id = w.tenant_id AND b.sku = w.sku AND l.parent = w.location),
    qty_out = w.qty_out + (SELECT COALESCE(SUM(b.qty_out), 0) FROM inventory_position b JOIN inventory_location l
        ON l.tenant_id = b.tenant_id AND l.code = b.location WHERE b.tenant_id = w.tenant_id AND b.sku = w.sku AND l.parent = w.location),
    reserved = w.reserved + (SELECT COALESCE(SUM(b.reserved), 0) FROM inventory_position b JOIN inventory_location l
        ON l.tenant_id = b.tenant_id AND l.code = b.location WHERE b.tenant_id = w.tenant_id AND b.sku = w.sku AND l.parent = w.location),
    in_bins = (SELECT COALESCE(SUM(b.qty_in - b.qty_out), 0) FROM inventory_position b JOIN inventory_location l
        ON l.tenant_id = b.tenant_id AND l.code = b.location WHERE b.tenant_id = w.tenant_id AND b.sku = w.sku AND l.parent = w.location)
WHERE EXISTS (SELECT 1 FROM inventory_location c WHERE c.tenant_id = w.tenant_id AND c.parent = w.location);

-- What a reservation released in part (TenantInventory.releaseDownTo; a count short of what is
-- reserved): the rest is still held. A reservation released in full keeps its status instead.
ALTER TABLE inventory_reservation ADD COLUMN IF NOT EXISTS released BIGINT NOT NULL DEFAULT 0;
