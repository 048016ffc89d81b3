package dev.backoffice.payroll.jurisdiction;

import java.util.List;

/**
 * A {@link Jurisdiction} whose calculation is an ordered list of {@link PayrollStep}s over a
 * working state created fresh for every payslip.
 *
 * @param <W> the working state
 */
public abstract class PipelineJurisdiction<W> implements Jurisdiction {

    private final List<PayrollStep<W>> steps;

    protected PipelineJurisdiction(List<PayrollStep<W>> steps) {
        this.steps = List.copyOf(steps);
        for (int i = 1; i < this.steps.size(); i++) {
            if (this.steps.get(i).component().ordinal() < this.steps.get(i - 1).component().ordinal()) {
                throw new IllegalArgumentException("pipeline steps out of component order: " + this.steps);
            }
        }
    }

    /** A fresh working state for one payslip. */
    protected abstract W newWork(CalculationContext ctx);

    @Override
    public final void calculate(CalculationContext ctx, PayslipSink out) {
        W work = newWork(ctx);
        for (PayrollStep<W> step : steps) {
            step.apply(ctx, work, out);
        }
    }

    @Override
    public final List<String> pipeline() {
        return steps.stream().map(s -> s.component() + ":" + s.name()).toList();
    }
}
