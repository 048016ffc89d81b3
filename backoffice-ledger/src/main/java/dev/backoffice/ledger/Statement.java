package dev.backoffice.ledger;

import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A page of an account statement between two dates (inclusive), in value-date then booking
 * order, with the running posted balance.
 *
 * @param account        the account
 * @param from           first day
 * @param to             last day
 * @param openingBalance posted balance before this page's first line
 * @param lines          this page's lines
 * @param nextCursor     where the next page starts; empty on the last page
 */
public record Statement(Account account, LocalDate from, LocalDate to, Money openingBalance, List<StatementLine> lines,
                        Optional<String> nextCursor) {
    public Statement {
        lines = List.copyOf(lines);
    }

    /** The running balance after the last line of this page (the opening balance when empty). */
    public Money closingBalance() {
        return lines.isEmpty() ? openingBalance : lines.get(lines.size() - 1).runningBalance();
    }
}
