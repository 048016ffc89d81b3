package dev.backoffice.core.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.error.InvalidRequestException;

import java.util.regex.Pattern;

/**
 * The tenant that owns data. Every read and write of every store is scoped by one; in SQL every
 * primary key and every {@code WHERE} clause starts with {@code tenant_id}.
 *
 * <p>A tenant id is the SaaS vendor's own key for a customer: 1 to 64 characters of letters,
 * digits, {@code . _ : -}, starting with a letter or digit (a UUID fits).
 *
 * @param value the key
 */
public record TenantId(String value) implements Comparable<TenantId> {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    public TenantId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw InvalidRequestException.of("tenantId",
                    "must be 1-64 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit", value);
        }
    }

    /** The tenant with key {@code value}. */
    @JsonCreator
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
