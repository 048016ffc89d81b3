package dev.backoffice.examples.glue;

import dev.backoffice.core.validation.Check;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.payroll.JournalLine;
import dev.backoffice.payroll.JournalRole;
import dev.backoffice.payroll.PayrollJournal;

/**
 * Payroll → ledger: turns the neutral {@link PayrollJournal} that a payroll run emits into one
 * ledger entry. Each journal role maps to an account through {@link PostingAccounts}; the
 * run id is the idempotency key, so posting the same run twice books it once.
 *
 * <pre>{@code
 * PayrollJournal journal = run.journal();
 * ledger.post(PayrollPostings.entry(journal, accounts));
 * }</pre>
 */
public final class PayrollPostings {

    private PayrollPostings() {
    }

    /** The ledger entry for a payroll run's journal, dated on the pay date. */
    public static EntryRequest entry(PayrollJournal journal, PostingAccounts accounts) {
        Check.notNull(journal, "journal");
        Check.notNull(accounts, "accounts");
        Check.that(journal.balanced(), "journal", "debits and credits of a payroll journal must be equal", journal.totalDebits());
        EntryRequest.Builder entry = EntryRequest.builder(journal.payDate(), "Payroll " + journal.period())
                .idempotencyKey("payroll/" + journal.runId().value())
                .metadata("source", "payroll")
                .metadata("payrollRun", journal.runId().value().toString())
                .metadata("period", journal.period().toString());
        for (JournalLine line : journal.lines()) {
            if (line.amount().isZero()) {
                continue; // a ledger posting must move money; zero roles (no student loans this month) are skipped
            }
            String account = accounts.code(line.role());
            if (line.side() == JournalRole.Side.DEBIT) {
                entry.debit(account, line.amount());
            } else {
                entry.credit(account, line.amount());
            }
        }
        return entry.build();
    }
}
