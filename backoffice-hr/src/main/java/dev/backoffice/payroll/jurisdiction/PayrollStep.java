package dev.backoffice.payroll.jurisdiction;

import dev.backoffice.payroll.PayrollComponent;

/**
 * One named step of a jurisdiction's pipeline, e.g. "employee social insurance" in the
 * {@link PayrollComponent#EMPLOYEE_CONTRIBUTIONS} component. Steps share a mutable working
 * state {@code W} private to one payslip's computation.
 *
 * @param <W> the jurisdiction's working state
 */
public interface PayrollStep<W> {
    /** The pipeline component this step belongs to. */
    PayrollComponent component();

    /** A short stable name, e.g. {@code pl.social.employee}. */
    String name();

    /** Computes this step: reads and updates {@code work}, writes lines to {@code out}. */
    void apply(CalculationContext ctx, W work, PayslipSink out);

    /** A step from a lambda. */
    static <W> PayrollStep<W> of(PayrollComponent component, String name, Body<W> body) {
        return new PayrollStep<>() {
            @Override
            public PayrollComponent component() {
                return component;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public void apply(CalculationContext ctx, W work, PayslipSink out) {
                body.apply(ctx, work, out);
            }

            @Override
            public String toString() {
                return component + ":" + name;
            }
        };
    }

    /** The body of a step. */
    @FunctionalInterface
    interface Body<W> {
        void apply(CalculationContext ctx, W work, PayslipSink out);
    }
}
