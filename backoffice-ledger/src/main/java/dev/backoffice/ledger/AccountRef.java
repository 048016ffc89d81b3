package dev.backoffice.ledger;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;

import java.util.Optional;

/**
 * Names an account either by its chart code or by its id, so journals can be written with codes
 * ({@code "1100"}) as easily as with ids. Exactly one of the two is present.
 *
 * @param id   the account id, or empty
 * @param code the chart code, or empty
 */
public record AccountRef(Optional<AccountId> id, Optional<String> code) {
    public AccountRef {
        Check.notNull(id, "id");
        Check.notNull(code, "code");
        if (id.isPresent() == code.isPresent()) {
            throw InvalidRequestException.of("account", "must name exactly one of id and code", id.orElse(null));
        }
        code.ifPresent(c -> Check.notBlank(c, "account.code"));
    }

    /** The account with chart code {@code code}. */
    public static AccountRef code(String code) {
        return new AccountRef(Optional.empty(), Optional.of(Check.notBlank(code, "code")));
    }

    /** The account with id {@code id}. */
    public static AccountRef id(AccountId id) {
        return new AccountRef(Optional.of(Check.notNull(id, "id")), Optional.empty());
    }

    @Override
    public String toString() {
        return id.map(AccountId::toString).orElseGet(code::get);
    }
}
