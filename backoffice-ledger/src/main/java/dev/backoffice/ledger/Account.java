package dev.backoffice.ledger;

import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * An account of the chart: its identity and rules. Balances are separate ({@link Balance}).
 *
 * @param id       the id
 * @param code     the chart code, unique in the tenant (e.g. {@code 1100})
 * @param name     the display name
 * @param type     asset, liability, equity, income or expense
 * @param currency the only currency the account holds
 * @param parent   the parent account in the chart (same type and currency); reports roll up into it
 * @param flags    balance limits
 * @param closed   a closed account refuses new postings (releasing holds is still allowed)
 * @param openedAt when it was opened
 */
public record Account(AccountId id, String code, String name, AccountType type, CurrencyUnit currency,
                      Optional<AccountId> parent, Set<AccountFlag> flags, boolean closed, Instant openedAt) {
    public Account {
        Check.notNull(id, "id");
        Check.notBlank(code, "code");
        Check.notBlank(name, "name");
        Check.notNull(type, "type");
        Check.notNull(currency, "currency");
        Check.notNull(parent, "parent");
        Check.notNull(flags, "flags");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        Check.notNull(openedAt, "openedAt");
    }

    /** Whether the account has {@code flag}. */
    public boolean has(AccountFlag flag) {
        return flags.contains(flag);
    }

    /** This account, closed. */
    public Account asClosed() {
        return new Account(id, code, name, type, currency, parent, flags, true, openedAt);
    }
}
