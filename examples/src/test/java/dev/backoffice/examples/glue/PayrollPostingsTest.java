package dev.backoffice.examples.glue;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.payroll.JournalLine;
import dev.backoffice.payroll.JournalRole;
import dev.backoffice.payroll.PayrollJournal;
import dev.backoffice.payroll.PayrollRunId;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayrollPostingsTest {

    private static final CurrencyUnit PLN = CurrencyUnit.of("PLN");

    private static PayrollJournal journal(String netPay) {
        return new PayrollJournal(PayrollRunId.newId(), YearMonth.of(2026, 3), LocalDate.of(2026, 3, 31), PLN, List.of(
                new JournalLine(JournalRole.GROSS_SALARY_EXPENSE, JournalRole.Side.DEBIT, Money.parse("PLN 9500.00")),
                new JournalLine(JournalRole.EMPLOYER_CONTRIBUTION_EXPENSE, JournalRole.Side.DEBIT, Money.parse("PLN 1960.00")),
                new JournalLine(JournalRole.SOCIAL_INSURANCE_PAYABLE, JournalRole.Side.CREDIT, Money.parse("PLN 3200.00")),
                new JournalLine(JournalRole.HEALTH_INSURANCE_PAYABLE, JournalRole.Side.CREDIT, Money.parse("PLN 700.00")),
                new JournalLine(JournalRole.TAX_PAYABLE, JournalRole.Side.CREDIT, Money.parse("PLN 600.00")),
                new JournalLine(JournalRole.STUDENT_LOAN_PAYABLE, JournalRole.Side.CREDIT, Money.parse("PLN 0.00")),
                new JournalLine(JournalRole.NET_PAY_PAYABLE, JournalRole.Side.CREDIT, Money.parse(netPay))));
    }

    @Test
    void eachRoleLandsOnItsAccountAndTheEntryBalances() {
        TenantLedger ledger = GlueFixtures.ledgerWithChart(PLN, GlueFixtures.clock());
        ledger.post(PayrollPostings.entry(journal("PLN 6960.00"), GlueFixtures.ACCOUNTS));
        assertThat(ledger.balance("6100").posted()).isEqualTo(Money.parse("PLN 9500.00"));
        assertThat(ledger.balance("6110").posted()).isEqualTo(Money.parse("PLN 1960.00"));
        assertThat(ledger.balance("2300").posted()).isEqualTo(Money.parse("PLN 6960.00"));
        assertThat(ledger.balance("2310").posted()).isEqualTo(Money.parse("PLN 600.00"));
    }

    @Test
    void zeroRolesAreLeftOutBecauseALedgerPostingMustMoveMoney() {
        assertThat(PayrollPostings.entry(journal("PLN 6960.00"), GlueFixtures.ACCOUNTS).postings()).hasSize(6);
    }

    @Test
    void anUnbalancedJournalIsRefusedBeforeReachingTheLedger() {
        assertThatThrownBy(() -> PayrollPostings.entry(journal("PLN 6959.99"), GlueFixtures.ACCOUNTS))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("journal");
    }

    @Test
    void postingTheSameRunTwiceBooksItOnce() {
        TenantLedger ledger = GlueFixtures.ledgerWithChart(PLN, GlueFixtures.clock());
        PayrollJournal j = journal("PLN 6960.00");
        ledger.post(PayrollPostings.entry(j, GlueFixtures.ACCOUNTS));
        ledger.post(PayrollPostings.entry(j, GlueFixtures.ACCOUNTS));
        assertThat(ledger.balance("6100").posted()).isEqualTo(Money.parse("PLN 9500.00"));
    }
}
