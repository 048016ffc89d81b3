package dev.backoffice.ledger;

import dev.backoffice.core.validation.Check;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which dates are closed: no entry dated on or before {@code closedThrough} is accepted.
 *
 * @param closedThrough the last closed day, or empty when nothing is closed
 */
public record PeriodStatus(Optional<LocalDate> closedThrough) {
    public PeriodStatus {
        Check.notNull(closedThrough, "closedThrough");
    }

    /** Nothing closed. */
    public static PeriodStatus open() {
        return new PeriodStatus(Optional.empty());
    }

    /** Whether {@code date} is in a closed period. */
    public boolean isClosed(LocalDate date) {
        return closedThrough.isPresent() && !date.isAfter(closedThrough.get());
    }
}
