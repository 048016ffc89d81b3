package dev.backoffice.inventory.internal;

import dev.backoffice.inventory.InventoryErrorCode;
import dev.backoffice.inventory.Location;
import dev.backoffice.ledger.AccountCounters;

/**
 * A stock position read as a ledger account (TigerBeetle's transfer model over a quantity instead
 * of money): debits posted = moved in, credits posted = moved out, credits pending = reserved. A
 * reservation is a pending credit, shipping it posts it (pending down, posted up: on hand and
 * reserved both fall, available does not move), releasing or expiring voids it. The limit is the
 * ledger's own {@link AccountCounters#creditsExceedDebits()}, so "never oversold" is the same rule
 * as "never overdrawn". Pure.
 *
 * <p>A warehouse's row counts itself and its bins (what is available to promise at the
 * warehouse, checked on one row): its debits pending are the part of its on hand that lies in
 * its bins, so what lies in the warehouse itself is {@link #direct}; a bin's and every other
 * location's debits pending are zero.
 */
public final class StockCounters {

    private StockCounters() {
    }

    /** {@code c} after {@code q} moved in. */
    public static AccountCounters in(AccountCounters c, long q) {
        return new AccountCounters(Math.addExact(c.debitsPosted(), q), c.creditsPosted(), c.debitsPending(), c.creditsPending());
    }

    /** {@code c} after {@code q} moved out, posting as much of a reservation if {@code reserved}. */
    public static AccountCounters out(AccountCounters c, long q, boolean reserved) {
        return new AccountCounters(c.debitsPosted(), Math.addExact(c.creditsPosted(), q), c.debitsPending(),
                reserved ? Math.subtractExact(c.creditsPending(), q) : c.creditsPending());
    }

    /** {@code c} with {@code q} more reserved (negative: released). */
    public static AccountCounters reserve(AccountCounters c, long q) {
        return new AccountCounters(c.debitsPosted(), c.creditsPosted(), c.debitsPending(), Math.addExact(c.creditsPending(), q));
    }

    /** {@code c} (a warehouse's row) with {@code q} more of its on hand lying in its bins (negative: fewer). */
    public static AccountCounters inBins(AccountCounters c, long q) {
        return new AccountCounters(c.debitsPosted(), c.creditsPosted(), Math.addExact(c.debitsPending(), q), c.creditsPending());
    }

    /** On hand in the location itself, not in its bins (of a bin or a location without bins: {@link #onHand}). */
    public static long direct(AccountCounters c) {
        return c.debitsPosted() - c.creditsPosted() - c.debitsPending();
    }

    /** On hand: in minus out. */
    public static long onHand(AccountCounters c) {
        return c.debitsPosted() - c.creditsPosted();
    }

    /** Available to promise: on hand minus reserved. */
    public static long available(AccountCounters c) {
        return c.debitsPosted() - c.creditsPosted() - c.creditsPending();
    }

    /**
     * Fails unless {@code next} keeps the limits of {@code location}: where stock may not go
     * negative, nothing may leave that is not on hand ({@link InventoryErrorCode#INSUFFICIENT_STOCK})
     * or that is held by reservations ({@link InventoryErrorCode#INSUFFICIENT_AVAILABLE}).
     */
    public static void check(Location location, AccountCounters next, String sku, String field) {
        if (location.negativeAllowed()) {
            return;
        }
        try {
            if (Math.addExact(next.creditsPosted(), next.debitsPending()) > next.debitsPosted()) {
                throw InventoryErrorCode.INSUFFICIENT_STOCK.rule(field + ": " + sku + " in " + location.code() + " would fall to "
                        + direct(next) + " minor units on hand, and the location does not allow negative stock");
            }
            if (next.creditsExceedDebits()) {
                throw InventoryErrorCode.INSUFFICIENT_AVAILABLE.rule(field + ": " + sku + " in " + location.code()
                        + " has not enough available to promise (short by " + -available(next) + " minor units; on hand "
                        + onHand(next) + ", reserved " + next.creditsPending() + ")");
            }
        } catch (ArithmeticException e) {
            throw InventoryErrorCode.INVALID_QUANTITY.invalid(field, "a counter would overflow", sku);
        }
    }
}
