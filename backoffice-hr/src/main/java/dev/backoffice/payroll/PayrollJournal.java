package dev.backoffice.payroll;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The accounting summary of a payroll run, by role, for posting to a ledger. It always balances:
 * the debits (gross salary and employer contribution expense) equal the credits (taxes,
 * insurance, pension and loan payables, and net pay). It depends on nothing in the ledger
 * module; the integration maps roles to accounts.
 *
 * @param runId    the run it summarises
 * @param period   the pay period
 * @param payDate  the date to post it on
 * @param currency the currency of every line
 * @param lines    the lines, in role order, debits first
 */
public record PayrollJournal(PayrollRunId runId, YearMonth period, LocalDate payDate, CurrencyUnit currency, List<JournalLine> lines) {
    public PayrollJournal {
        Check.notNull(runId, "runId");
        Check.notNull(period, "period");
        Check.notNull(payDate, "payDate");
        Check.notNull(currency, "currency");
        lines = List.copyOf(Check.notNull(lines, "lines"));
    }

    /** Sum of debit lines. */
    public Money totalDebits() {
        return total(JournalRole.Side.DEBIT);
    }

    /** Sum of credit lines. */
    public Money totalCredits() {
        return total(JournalRole.Side.CREDIT);
    }

    /** Whether debits equal credits (always true for a journal built by the engine). */
    public boolean balanced() {
        return totalDebits().equals(totalCredits());
    }

    private Money total(JournalRole.Side side) {
        Money sum = Money.zero(currency);
        for (JournalLine l : lines) {
            if (l.side() == side) {
                sum = MoneyMath.plus(sum, l.amount());
            }
        }
        return sum;
    }
}
