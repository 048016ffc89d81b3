package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which ledger account (by chart code) plays each {@link AccountRole} in each currency: the
 * ledger's accounts hold one currency each, so a EUR invoice posts to the EUR receivable.
 * <pre>{@code
 * AccountMapping accounts = AccountMapping.builder()
 *         .currency(PLN, "1100", "4100", "2200", "1010", "2400")   // receivable, revenue, VAT due, bank, customer credit
 *         .build();
 * }</pre>
 * An invoice or payment in a currency with no account for a role it needs fails with
 * {@link InvoicingErrorCode#ACCOUNT_NOT_MAPPED}, before anything is written. Immutable.
 */
public final class AccountMapping {

    private final Map<CurrencyUnit, Map<AccountRole, String>> codes;

    private AccountMapping(Map<CurrencyUnit, Map<AccountRole, String>> codes) {
        this.codes = codes;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The chart code of the account playing {@code role} in {@code currency}, if mapped. */
    public Optional<String> code(AccountRole role, CurrencyUnit currency) {
        Check.notNull(role, "role");
        Check.notNull(currency, "currency");
        return Optional.ofNullable(codes.getOrDefault(currency, Map.of()).get(role));
    }

    /** Builder of {@link AccountMapping}; not thread-safe. */
    public static final class Builder {
        private final Map<CurrencyUnit, Map<AccountRole, String>> codes = new HashMap<>();

        private Builder() {
        }

        /** The account playing {@code role} in {@code currency} is the one with chart code {@code code}. */
        public Builder account(AccountRole role, CurrencyUnit currency, String code) {
            Check.notNull(role, "role");
            Check.notNull(currency, "currency");
            Check.text(code, "code", 64);
            codes.computeIfAbsent(currency, c -> new EnumMap<>(AccountRole.class)).put(role, code);
            return this;
        }

        /** Every role of {@code currency} at once. */
        public Builder currency(CurrencyUnit currency, String receivable, String revenue, String vatDue, String bank,
                                String customerCredit) {
            return account(AccountRole.RECEIVABLE, currency, receivable)
                    .account(AccountRole.REVENUE, currency, revenue)
                    .account(AccountRole.VAT_DUE, currency, vatDue)
                    .account(AccountRole.BANK, currency, bank)
                    .account(AccountRole.CUSTOMER_CREDIT, currency, customerCredit);
        }

        /**
         * The purchase roles of {@code currency} at once (payables; the bank is the sales
         * mapping's {@link AccountRole#BANK}).
         */
        public Builder purchases(CurrencyUnit currency, String expense, String inputVat, String payable, String supplierAdvance) {
            return account(AccountRole.EXPENSE, currency, expense)
                    .account(AccountRole.INPUT_VAT, currency, inputVat)
                    .account(AccountRole.PAYABLE, currency, payable)
                    .account(AccountRole.SUPPLIER_ADVANCE, currency, supplierAdvance);
        }

        /** The account of customers' advances received in {@code currency} ({@link AccountRole#ADVANCES_RECEIVED}). */
        public Builder advances(CurrencyUnit currency, String advancesReceived) {
            return account(AccountRole.ADVANCES_RECEIVED, currency, advancesReceived);
        }

        /** The mapping. */
        public AccountMapping build() {
            Map<CurrencyUnit, Map<AccountRole, String>> copy = new HashMap<>();
            codes.forEach((c, m) -> copy.put(c, Map.copyOf(m)));
            return new AccountMapping(Map.copyOf(copy));
        }
    }
}
