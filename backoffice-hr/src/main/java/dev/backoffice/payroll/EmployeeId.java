package dev.backoffice.payroll;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.id.Ids;

import java.util.UUID;

/** Identifies an employee within a tenant. Time-ordered (UUIDv7) when generated. */
public record EmployeeId(UUID value) implements Comparable<EmployeeId> {
    public EmployeeId {
        Ids.require(value, "employeeId");
    }

    /** A fresh, time-ordered id. */
    public static EmployeeId newId() {
        return new EmployeeId(Ids.newId());
    }

    /** Wraps a caller-supplied id. */
    @JsonCreator
    public static EmployeeId of(UUID value) {
        return new EmployeeId(value);
    }

    /** Parses the canonical text form. */
    public static EmployeeId parse(String text) {
        return new EmployeeId(Ids.parse(text, "employeeId"));
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public int compareTo(EmployeeId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
