package dev.backoffice.inventory.internal;

import dev.backoffice.inventory.CostLayer;
import dev.backoffice.inventory.Costing;
import dev.backoffice.inventory.ItemCost;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Costing of an item's internal stock, in minor units of its currency (never a double). FIFO
 * (IAS 2.25): receipts are layers, issues consume the oldest layers first; a part of a layer is
 * worth its share of the layer's value rounded half-even, and the last unit of a layer takes what
 * is left of it, so nothing is lost to rounding. Moving average (IAS 2.27): one pool, an issue
 * takes its share of the pool's value, the last unit takes the rest. An issue beyond what the
 * pool holds (only where stock may go negative) takes the shortfall at zero. Pure.
 */
public final class Costs {

    private Costs() {
    }

    /**
     * What an issue changes.
     *
     * @param value  the cost taken, minor units
     * @param cost   the item's cost after it
     * @param layers the FIFO layers it changed (a layer with nothing left is to be removed)
     */
    public record Issue(long value, ItemCost cost, List<CostLayer> layers) {
    }

    /**
     * What a receipt changes.
     *
     * @param cost  the item's cost after it
     * @param layer the new FIFO layer, or null for a moving-average item
     */
    public record Receipt(ItemCost cost, CostLayer layer) {
    }

    /** {@code value * part / whole}, rounded half-even, exactly. */
    public static long share(long value, long part, long whole) {
        if (whole <= 0 || part >= whole) {
            return value;
        }
        BigInteger n = BigInteger.valueOf(value).multiply(BigInteger.valueOf(part));
        return new BigDecimal(n).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** The value of {@code q} at the pool's average cost (zero when the pool is empty). */
    public static long atAverage(ItemCost cost, long q) {
        return cost.quantity() <= 0 ? 0 : share(cost.value(), q, cost.quantity());
    }

    /** {@code q} worth {@code value} coming in on {@code date}. */
    public static Receipt receive(String sku, Costing costing, ItemCost cost, long q, long value, LocalDate date) {
        ItemCost next = new ItemCost(Math.addExact(cost.quantity(), q), Math.addExact(cost.value(), value),
                costing == Costing.FIFO ? cost.nextLayer() + 1 : cost.nextLayer());
        return new Receipt(next, costing == Costing.FIFO ? new CostLayer(sku, cost.nextLayer(), date, q, value) : null);
    }

    /** {@code q} going out of stock, from {@code layers} (oldest first) for a FIFO item. */
    public static Issue issue(Costing costing, ItemCost cost, List<CostLayer> layers, long q) {
        if (costing == Costing.MOVING_AVERAGE) {
            long value = cost.quantity() <= 0 ? 0 : q >= cost.quantity() ? cost.value() : share(cost.value(), q, cost.quantity());
            return new Issue(value, new ItemCost(cost.quantity() - q, cost.value() - value, cost.nextLayer()), List.of());
        }
        long need = q;
        long value = 0;
        List<CostLayer> changed = new ArrayList<>();
        for (CostLayer l : layers) {
            if (need == 0) {
                break;
            }
            long take = Math.min(need, l.quantity());
            long v = take == l.quantity() ? l.value() : share(l.value(), take, l.quantity());
            changed.add(new CostLayer(l.sku(), l.sequence(), l.date(), l.quantity() - take, l.value() - v));
            value += v;
            need -= take;
        }
        return new Issue(value, new ItemCost(cost.quantity() - q, cost.value() - value, cost.nextLayer()), changed);
    }
}
