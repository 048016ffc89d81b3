package dev.backoffice.invoicing.internal;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.invoicing.AccountMapping;
import dev.backoffice.invoicing.AccountRole;
import dev.backoffice.invoicing.InvoicingErrorCode;
import dev.backoffice.invoicing.NewAllocation;
import dev.backoffice.invoicing.NewPayment;
import dev.backoffice.invoicing.Payment;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.LedgerErrorCode;
import dev.backoffice.ledger.TenantLedger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.util.List;

/**
 * What the sales side ({@link InvoicingService}) and the purchase side ({@link PayablesService})
 * share when they post to the general ledger and take payments: the account mapping's checks, the
 * ledger's closed-period refusal in the invoicing's terms, and the comparison of a repeated
 * payment with the stored one. One place, so both sides refuse and post alike.
 */
final class LedgerPostings {

    private final TenantLedger ledger;
    private final AccountMapping accounts;

    /** @param ledger the tenant's ledger, or null when invoicing posts nothing */
    LedgerPostings(TenantLedger ledger, AccountMapping accounts) {
        this.ledger = ledger;
        this.accounts = accounts;
    }

    /**
     * Posts {@code request}; a closed ledger period becomes {@code invoicing.period_closed} naming
     * {@code dateField}, the document's date that put it there.
     */
    void post(String dateField, EntryRequest request) {
        try {
            ledger.post(request);
        } catch (BackofficeException e) {
            if (e.code().equals(LedgerErrorCode.PERIOD_CLOSED.code())) {
                throw InvoicingErrorCode.PERIOD_CLOSED.exception(dateField, "falls in a closed ledger period (" + e.getMessage() + ")",
                        request.effectiveDate());
            }
            throw e;
        }
    }

    /** Refuses, before anything is written, a currency the mapping has no account of {@code roles} for. */
    void requireAccounts(CurrencyUnit currency, AccountRole... roles) {
        if (ledger == null) {
            return;
        }
        for (AccountRole role : roles) {
            if (accounts.code(role, currency).isEmpty()) {
                throw InvoicingErrorCode.ACCOUNT_NOT_MAPPED.exception("currency", "has no " + role + " account in the account mapping",
                        currency);
            }
        }
    }

    /** The account code of {@code role} in {@code currency}; checked before by {@link #requireAccounts}. */
    String code(AccountRole role, CurrencyUnit currency) {
        return accounts.code(role, currency).orElseThrow();
    }

    /** A payment repeated with its id: the stored one when the content is the same, else {@code invoicing.payment_exists}. */
    static Payment samePayment(Payment stored, NewPayment command) {
        if (!stored.payer().equals(command.payer()) || !stored.amount().equals(command.amount())
                || !stored.receivedOn().equals(command.receivedOn()) || !stored.reference().equals(command.reference())) {
            throw InvoicingErrorCode.PAYMENT_EXISTS.conflict("id: payment " + stored.id() + " exists with other content");
        }
        return stored;
    }

    /** The sum of the allocations' amounts, in {@code currency}; fails on overflow. */
    static Money total(List<NewAllocation> allocations, CurrencyUnit currency) {
        Money sum = Money.zero(currency);
        for (NewAllocation a : allocations) {
            sum = MoneyMath.plus(sum, a.amount());
        }
        return sum;
    }
}
