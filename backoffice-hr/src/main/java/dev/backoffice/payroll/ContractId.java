package dev.backoffice.payroll;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.id.Ids;

import java.util.UUID;

/** Identifies an employment contract within a tenant. Time-ordered (UUIDv7) when generated. */
public record ContractId(UUID value) implements Comparable<ContractId> {
    public ContractId {
        Ids.require(value, "contractId");
    }

    /** A fresh, time-ordered id. */
    public static ContractId newId() {
        return new ContractId(Ids.newId());
    }

    /** Wraps a caller-supplied id. */
    @JsonCreator
    public static ContractId of(UUID value) {
        return new ContractId(value);
    }

    /** Parses the canonical text form. */
    public static ContractId parse(String text) {
        return new ContractId(Ids.parse(text, "contractId"));
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public int compareTo(ContractId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
