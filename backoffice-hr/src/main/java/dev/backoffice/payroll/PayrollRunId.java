package dev.backoffice.payroll;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.id.Ids;

import java.util.UUID;

/** Identifies a payroll run within a tenant. Time-ordered (UUIDv7) when generated. */
public record PayrollRunId(UUID value) implements Comparable<PayrollRunId> {
    public PayrollRunId {
        Ids.require(value, "runId");
    }

    /** A fresh, time-ordered id. */
    public static PayrollRunId newId() {
        return new PayrollRunId(Ids.newId());
    }

    /** Wraps a caller-supplied id. */
    @JsonCreator
    public static PayrollRunId of(UUID value) {
        return new PayrollRunId(value);
    }

    /** Parses the canonical text form. */
    public static PayrollRunId parse(String text) {
        return new PayrollRunId(Ids.parse(text, "runId"));
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public int compareTo(PayrollRunId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
