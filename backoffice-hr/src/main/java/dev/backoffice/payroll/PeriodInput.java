package dev.backoffice.payroll;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;
import dev.backoffice.payroll.internal.Numbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to one employee in one pay period.
 *
 * @param employeeId      whose input
 * @param hours           hours worked, for hourly contracts (ignored for salaries)
 * @param overtime        overtime worked
 * @param bonuses         one-off payments
 * @param unpaidLeaveDays working days of unpaid leave
 * @param sickDays        days of sickness absence in the period (Poland: calendar days paid at
 *                        80% by the employer; UK: qualifying days for SSP)
 */
public record PeriodInput(EmployeeId employeeId, BigDecimal hours, List<Overtime> overtime, List<Bonus> bonuses,
                          BigDecimal unpaidLeaveDays, int sickDays) {
    public PeriodInput {
        Check.notNull(employeeId, "employeeId");
        Check.notNull(hours, "hours");
        Check.notNull(unpaidLeaveDays, "unpaidLeaveDays");
        if (hours.signum() < 0) {
            throw PayrollErrorCode.NEGATIVE_INPUT.invalid("hours", "must not be negative", hours);
        }
        if (unpaidLeaveDays.signum() < 0) {
            throw PayrollErrorCode.NEGATIVE_INPUT.invalid("unpaidLeaveDays", "must not be negative", unpaidLeaveDays);
        }
        if (sickDays < 0 || sickDays > 31) {
            throw PayrollErrorCode.NEGATIVE_INPUT.invalid("sickDays", "must be between 0 and 31", sickDays);
        }
        overtime = List.copyOf(Check.notNull(overtime, "overtime"));
        bonuses = List.copyOf(Check.notNull(bonuses, "bonuses"));
    }

    /** No hours, overtime, bonuses or absences: a salaried employee's ordinary month. */
    public static PeriodInput none(EmployeeId employeeId) {
        return new PeriodInput(employeeId, BigDecimal.ZERO, List.of(), List.of(), BigDecimal.ZERO, 0);
    }

    /** A builder starting from no input. */
    public static Builder builder(EmployeeId employeeId) {
        return new Builder(employeeId);
    }

    /** Builds a {@link PeriodInput}. */
    public static final class Builder {
        private final EmployeeId employeeId;
        private BigDecimal hours = BigDecimal.ZERO;
        private final List<Overtime> overtime = new ArrayList<>();
        private final List<Bonus> bonuses = new ArrayList<>();
        private BigDecimal unpaidLeaveDays = BigDecimal.ZERO;
        private int sickDays;

        private Builder(EmployeeId employeeId) {
            this.employeeId = employeeId;
        }

        /** Hours worked, as text; {@code payroll.not_a_number} if it is not a decimal number. */
        public Builder hours(String h) {
            this.hours = Numbers.decimal(h, "hours");
            return this;
        }

        public Builder hours(BigDecimal h) {
            this.hours = h;
            return this;
        }

        public Builder overtime(String hours, String multiplier) {
            overtime.add(Overtime.of(hours, multiplier));
            return this;
        }

        public Builder bonus(Bonus bonus) {
            bonuses.add(bonus);
            return this;
        }

        /** Days of unpaid leave, as text; {@code payroll.not_a_number} if it is not a decimal number. */
        public Builder unpaidLeaveDays(String days) {
            this.unpaidLeaveDays = Numbers.decimal(days, "unpaidLeaveDays");
            return this;
        }

        public Builder sickDays(int days) {
            this.sickDays = days;
            return this;
        }

        public PeriodInput build() {
            return new PeriodInput(employeeId, hours, overtime, bonuses, unpaidLeaveDays, sickDays);
        }
    }
}
