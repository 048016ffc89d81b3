package dev.backoffice.payroll;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.testing.RecordingMetrics;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue #18 item 3: an operator sees how long payroll runs take, by step and jurisdiction. */
class PayrollMetricsTest {

    private static final LocalDate BORN = LocalDate.of(1990, 4, 1);
    private static final YearMonth MAY = YearMonth.of(2025, 5);

    private final PayrollHarness h = new PayrollHarness();
    private final RecordingMetrics metrics = new RecordingMetrics();

    private TenantPayroll payrollRecordingTo(RecordingMetrics recorder) {
        return PayrollEngine.builder().store(h.store).audit(h.audit).clock(h.clock).metrics(recorder).build().forTenant(h.tenant);
    }

    @Test
    void a_preview_and_an_approval_are_each_timed_by_step_and_jurisdiction() {
        h.hire(PolishTaxProfile.standard(), BORN, LocalDate.of(2024, 1, 1), "PLN 7000.00");
        TenantPayroll payroll = payrollRecordingTo(metrics);
        payroll.preview(RunRequest.regular("PL", MAY));
        payroll.approve(RunRequest.regular("PL", MAY), "hr");
        assertThat(metrics.get(Meters.PAYROLL_RUN)).isEqualTo(2);
        assertThat(metrics.get(Meters.PAYROLL_RUN + "|step|preview|jurisdiction|PL")).isEqualTo(1);
        assertThat(metrics.get(Meters.PAYROLL_RUN + "|step|approve|jurisdiction|PL")).isEqualTo(1);
    }

    @Test
    void a_refused_run_is_not_timed() {
        TenantPayroll payroll = payrollRecordingTo(metrics);
        h.hire(PolishTaxProfile.standard(), BORN, LocalDate.of(2024, 1, 1), "PLN 7000.00");
        payroll.approve(RunRequest.regular("PL", MAY), "hr");
        metrics.clear();
        assertThatThrownBy(() -> payroll.approve(RunRequest.regular("PL", MAY), "hr"));
        assertThat(metrics.get(Meters.PAYROLL_RUN)).isZero();
    }

    @Test
    void the_recorder_is_checked_when_it_is_set() {
        assertThatThrownBy(() -> PayrollEngine.builder().metrics(null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("metrics");
    }

    @Test
    void the_meter_has_a_description() {
        assertThat(Meters.description(Meters.PAYROLL_RUN)).isNotBlank();
    }
}
