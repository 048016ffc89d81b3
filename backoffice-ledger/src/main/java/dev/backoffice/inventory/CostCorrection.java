package dev.backoffice.inventory;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A later correction of a receipt's cost, given to {@link TenantInventory#correctCost}: a landed
 * cost (freight, customs duty, handling: IAS 2.10-11 count them into the cost of purchase) or a
 * price correction (the supplier's invoice differs from the price received at; a discount or
 * rebate is negative, IAS 2.11). What of the receipt is still on hand is revalued, what was
 * already consumed goes to cost of goods sold. Immutable.
 * <pre>{@code
 * stock.correctCost(CostCorrection.of(receipt.id(), Money.of(EUR, 12), "freight, DHL invoice 88-1"));
 * }</pre>
 *
 * @param id      the correction's identity (default: a fresh one, given before the first attempt)
 * @param receipt the receipt corrected (an operation of kind {@link MoveKind#RECEIPT})
 * @param amount  what the receipt's total cost changes by, in the item's currency: positive adds
 *                cost, negative takes it off; not zero
 * @param reason  why (the freight invoice, the price difference)
 * @param date    the effective date (default today): not before the receipt's, in an open period
 */
public record CostCorrection(Optional<OperationId> id, OperationId receipt, Money amount, String reason, Optional<LocalDate> date) {

    public CostCorrection {
        Check.notNull(id, "id");
        Check.notNull(receipt, "receipt");
        Check.notNull(amount, "amount");
        Check.text(reason, "reason", InventoryLimits.MAX_TEXT_LENGTH);
        Check.notNull(date, "date");
    }

    /** A correction of receipt {@code receipt}'s total cost by {@code amount}, for {@code reason}, with a fresh identity. */
    public static CostCorrection of(OperationId receipt, Money amount, String reason) {
        return new CostCorrection(Optional.empty(), receipt, amount, reason, Optional.empty());
    }

    /** This correction with identity {@code id}. */
    public CostCorrection withId(OperationId id) {
        return new CostCorrection(Optional.of(Check.notNull(id, "id")), receipt, amount, reason, date);
    }

    /** This correction dated {@code date}. */
    public CostCorrection on(LocalDate date) {
        return new CostCorrection(id, receipt, amount, reason, Optional.of(Check.notNull(date, "date")));
    }
}
