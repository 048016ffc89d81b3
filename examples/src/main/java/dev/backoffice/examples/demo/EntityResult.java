package dev.backoffice.examples.demo;

import dev.backoffice.core.audit.AuditVerification;
import dev.backoffice.ledger.BalanceSheet;
import dev.backoffice.ledger.IncomeStatement;
import dev.backoffice.ledger.TrialBalance;
import dev.backoffice.orders.OrderStatus;
import dev.backoffice.payroll.Payslip;
import org.joda.money.CurrencyUnit;

import java.util.List;
import java.util.SortedMap;

/**
 * What the demo produced for one company: the data behind the console summary and the HTML
 * report.
 *
 * @param tenant        the tenant key
 * @param name          the company
 * @param currency      its books' currency
 * @param rerun         whether the database already held this month (nothing was posted twice)
 * @param trialBalance  at the end of the month
 * @param income        the month's income statement
 * @param balanceSheet  at the end of the month
 * @param orderStatuses how many orders ended in each state
 * @param payslips      the month's payslips
 * @param archive       documents archived and what the disposition run did to them
 * @param audit         the verification of the tenant's audit chain
 * @param auditActions  how many audit records the tenant's log holds, by action
 * @param invoicing     the sales and purchase ledgers: invoices, aging, VAT register, late-payment claims, e-invoices
 * @param stock         stock on hand, its valuation and the inventory account
 */
public record EntityResult(String tenant, String name, CurrencyUnit currency, boolean rerun, TrialBalance trialBalance,
                           IncomeStatement income, BalanceSheet balanceSheet, SortedMap<OrderStatus, Integer> orderStatuses,
                           List<Payslip> payslips, ArchiveResult archive, AuditVerification audit, SortedMap<String, Integer> auditActions,
                           InvoicingResult invoicing, StockResult stock) {

    /** How many audit records the tenant has. */
    public int auditRecords() {
        return auditActions.values().stream().mapToInt(Integer::intValue).sum();
    }
}
