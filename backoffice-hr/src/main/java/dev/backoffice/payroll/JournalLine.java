package dev.backoffice.payroll;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

/**
 * One line of a payroll journal: an amount on one side for one role.
 *
 * @param role   what the amount is
 * @param side   debit or credit (a negative total of a role, as in a correction, is posted on
 *               the opposite of its normal side with a positive amount)
 * @param amount the amount, not negative
 */
public record JournalLine(JournalRole role, JournalRole.Side side, Money amount) {
    public JournalLine {
        Check.notNull(role, "role");
        Check.notNull(side, "side");
        Check.notNull(amount, "amount");
        Check.that(!amount.isNegative(), "amount", "must not be negative", amount);
    }
}
