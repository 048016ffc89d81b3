package dev.backoffice.ledger;

import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Command to open an account. Start with {@link #of}, then refine:
 * {@code OpenAccount.of("2100", "Customer wallets", LIABILITY, EUR).parent("2000").flags(DEBITS_MUST_NOT_EXCEED_CREDITS)}.
 *
 * @param id       the id to use, or empty to generate one
 * @param code     chart code: 1-32 letters, digits, {@code . _ -}
 * @param name     display name, 1-{@value LedgerLimits#MAX_ACCOUNT_NAME_LENGTH} characters
 * @param type     account type
 * @param currency the account's one currency
 * @param parent   parent account (same type and currency), or empty
 * @param flags    balance limits
 */
public record OpenAccount(Optional<AccountId> id, String code, String name, AccountType type, CurrencyUnit currency,
                          Optional<AccountRef> parent, Set<AccountFlag> flags) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    public OpenAccount {
        Check.notNull(id, "id");
        Check.notNull(code, "code");
        Check.that(CODE.matcher(code).matches(), "code", "must be 1-32 letters, digits, '.', '_' or '-'", code);
        Check.text(name, "name", LedgerLimits.MAX_ACCOUNT_NAME_LENGTH);
        Check.notNull(type, "type");
        Check.notNull(currency, "currency");
        Check.notNull(parent, "parent");
        Check.notNull(flags, "flags");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** An account with no parent and no flags. */
    public static OpenAccount of(String code, String name, AccountType type, CurrencyUnit currency) {
        return new OpenAccount(Optional.empty(), code, name, type, currency, Optional.empty(), Set.of());
    }

    /** The same, under the account with chart code {@code parentCode}. */
    public OpenAccount parent(String parentCode) {
        return new OpenAccount(id, code, name, type, currency, Optional.of(AccountRef.code(parentCode)), flags);
    }

    /** The same, with balance limits {@code first} (and {@code more}). */
    public OpenAccount flags(AccountFlag first, AccountFlag... more) {
        return new OpenAccount(id, code, name, type, currency, parent, EnumSet.of(first, more));
    }

    /** The same, with a caller-chosen id. */
    public OpenAccount id(AccountId accountId) {
        return new OpenAccount(Optional.of(Check.notNull(accountId, "id")), code, name, type, currency, parent, flags);
    }
}
