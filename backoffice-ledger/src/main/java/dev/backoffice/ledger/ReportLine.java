package dev.backoffice.ledger;

import org.joda.money.Money;

/**
 * One account in a financial statement, with its balance rolled up from its sub-accounts.
 *
 * @param account the account id
 * @param code    chart code
 * @param name    name
 * @param depth   0 for a top-level account, 1 for its children...
 * @param own     the account's own balance (normal side)
 * @param total   own balance plus every descendant's
 */
public record ReportLine(AccountId account, String code, String name, int depth, Money own, Money total) {
}
