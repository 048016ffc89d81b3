-- Inventory, plans checked with EXPLAIN (PostgresInventoryPlanTest; issue #17).
-- The valuation as of a date sums each item's moves up to the date. Its index now leads with the
-- item and carries the summed columns, so PostgreSQL answers it from the index alone (an index
-- only scan of the tenant's range, in item order: grouped as it streams, no sort, no table
-- read), and one item's value as of a date is a range of it. It replaces the index by date,
-- which nothing else used, so a movement still writes two index entries.
DROP INDEX IF EXISTS inventory_move_by_date;
CREATE INDEX IF NOT EXISTS inventory_move_as_of ON inventory_move (tenant_id, sku, move_date, qty_delta, value_delta);
