package dev.backoffice.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.id.Ids;

import java.util.UUID;

/**
 * Identifies an account of a ledger (unique within a tenant). Generated ids are time-ordered
 * UUIDv7; callers may supply their own.
 *
 * @param value the UUID
 */
public record AccountId(UUID value) implements Comparable<AccountId> {
    public AccountId {
        Ids.require(value, "accountId");
    }

    /** A fresh time-ordered id. */
    public static AccountId newId() {
        return new AccountId(Ids.newId());
    }

    /** The id wrapping {@code value}. */
    @JsonCreator
    public static AccountId of(UUID value) {
        return new AccountId(value);
    }

    /** Parses the canonical text form. */
    public static AccountId parse(String text) {
        return new AccountId(Ids.parse(text, "accountId"));
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public int compareTo(AccountId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
