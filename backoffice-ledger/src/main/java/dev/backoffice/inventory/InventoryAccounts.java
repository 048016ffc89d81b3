package dev.backoffice.inventory;

import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which ledger account (by chart code) plays each {@link InventoryAccountRole} in each currency.
 * <pre>{@code
 * InventoryAccounts accounts = InventoryAccounts.builder()
 *         .currency(EUR, "1300", "2150", "5000", "5900", "3000")   // inventory, GRNI, COGS, loss, opening
 *         .build();
 * }</pre>
 * An operation on an item whose currency has no account for a role it needs fails with
 * {@link InventoryErrorCode#ACCOUNT_NOT_MAPPED}, before anything is written. Immutable.
 */
public final class InventoryAccounts {

    private final Map<CurrencyUnit, Map<InventoryAccountRole, String>> codes;

    private InventoryAccounts(Map<CurrencyUnit, Map<InventoryAccountRole, String>> codes) {
        this.codes = codes;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The chart code of the account playing {@code role} in {@code currency}, if mapped. */
    public Optional<String> code(InventoryAccountRole role, CurrencyUnit currency) {
        Check.notNull(role, "role");
        Check.notNull(currency, "currency");
        return Optional.ofNullable(codes.getOrDefault(currency, Map.of()).get(role));
    }

    /** Builder of {@link InventoryAccounts}; not thread-safe. */
    public static final class Builder {
        private final Map<CurrencyUnit, Map<InventoryAccountRole, String>> codes = new HashMap<>();

        private Builder() {
        }

        /** The account playing {@code role} in {@code currency} is the one with chart code {@code code}. */
        public Builder account(InventoryAccountRole role, CurrencyUnit currency, String code) {
            Check.notNull(role, "role");
            Check.notNull(currency, "currency");
            Check.text(code, "code", 64);
            codes.computeIfAbsent(currency, c -> new EnumMap<>(InventoryAccountRole.class)).put(role, code);
            return this;
        }

        /** Every role of {@code currency} at once. */
        public Builder currency(CurrencyUnit currency, String inventory, String goodsReceivedNotInvoiced, String costOfGoodsSold,
                                String loss, String openingBalance) {
            return account(InventoryAccountRole.INVENTORY, currency, inventory)
                    .account(InventoryAccountRole.GOODS_RECEIVED_NOT_INVOICED, currency, goodsReceivedNotInvoiced)
                    .account(InventoryAccountRole.COST_OF_GOODS_SOLD, currency, costOfGoodsSold)
                    .account(InventoryAccountRole.INVENTORY_LOSS, currency, loss)
                    .account(InventoryAccountRole.OPENING_BALANCE, currency, openingBalance);
        }

        /** The mapping. */
        public InventoryAccounts build() {
            Map<CurrencyUnit, Map<InventoryAccountRole, String>> copy = new HashMap<>();
            codes.forEach((c, m) -> copy.put(c, Map.copyOf(m)));
            return new InventoryAccounts(Map.copyOf(copy));
        }
    }
}
