package dev.backoffice.payroll;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.payroll.pl.PolishLineCodes;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static dev.backoffice.payroll.PayrollHarness.m;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #14 item 4: the accident-insurance (wypadkowe) rate is the employer's own, from ZUS for
 * each contribution year (ustawa wypadkowa art. 27–34), with an effective date; used by the run
 * and shown on the payslip line with its source. Without a setting the statutory default 1.67%
 * (art. 28 ust. 3a) applies.
 *
 * <pre>
 * 7 000 zł salary, social base 7 000:
 *   default 1.67%  → 7000 × 0.0167 = 116.90
 *   2.00% (set from 2025-02-01) → 140.00
 *   0.93% (set from 2025-04-01) → 7000 × 0.0093 = 65.10
 * employer cost at 0.93%: 7000 × (9.76 + 6.50 + 0.93 + 2.45 + 0.10)% = 7000 × 19.74% = 1 381.80
 *   (emerytalne 683.20, rentowe 455.00, wypadkowe 65.10, FP 171.50, FGŚP 7.00; at 1.67% it is 1 433.60)
 * </pre>
 */
class EmployerSettingsTest {

    private static final EmployerSettings ACME = EmployerSettings.none()
            .with(EmployerSetting.polishAccidentRate(LocalDate.of(2025, 2, 1), "2.00", "ZUS notice of 2025-01-20"))
            .with(EmployerSetting.polishAccidentRate(LocalDate.of(2025, 4, 1), "0.93", "ZUS notice for 2025/26"));

    private static Payslip month(PayrollHarness h, int month) {
        return h.approve("PL", YearMonth.of(2025, month));
    }

    @Test
    void without_a_setting_the_statutory_default_applies() {
        PayrollHarness h = new PayrollHarness();
        h.hire(PolishTaxProfile.standard(), LocalDate.of(1985, 5, 5), LocalDate.of(2024, 1, 1), "PLN 7000.00");
        Payslip p = month(h, 1);
        assertThat(p.amount(PolishLineCodes.ACCIDENT_EMPLOYER)).isEqualTo(m(p, "116.90"));
        assertThat(p.line(PolishLineCodes.ACCIDENT_EMPLOYER).orElseThrow().parameter()).contains("social.accident.employerRate=1.67");
    }

    @Test
    void the_setting_in_force_on_the_pay_date_is_used_from_its_effective_date() {
        PayrollHarness h = new PayrollHarness(ACME);
        h.hire(PolishTaxProfile.standard(), LocalDate.of(1985, 5, 5), LocalDate.of(2024, 1, 1), "PLN 7000.00");
        List<Payslip> y = h.approveMonths("PL", YearMonth.of(2025, 1), 4, mo -> new PeriodInput[0]);
        assertThat(y).extracting(p -> p.amount(PolishLineCodes.ACCIDENT_EMPLOYER).getAmount().toPlainString())
                .containsExactly("116.90", "140.00", "140.00", "65.10");
        assertThat(y.get(3).employerCost()).isEqualTo(m(y.get(3), "1381.80"));
    }

    @Test
    void the_payslip_line_shows_the_employers_rate_and_its_source() {
        PayrollHarness h = new PayrollHarness(ACME);
        h.hire(PolishTaxProfile.standard(), LocalDate.of(1985, 5, 5), LocalDate.of(2024, 1, 1), "PLN 7000.00");
        PayslipLine line = h.approve("PL", YearMonth.of(2025, 4)).line(PolishLineCodes.ACCIDENT_EMPLOYER).orElseThrow();
        assertThat(line.rate()).isEqualTo("0.93%");
        assertThat(line.parameter()).contains("pl.accident.rate=0.93").contains("from 2025-04-01").contains("ZUS notice for 2025/26");
        assertThat(line.rule()).contains("art. 28");
    }

    @Test
    void settings_can_come_from_a_lookup_per_tenant() {
        PayrollHarness h = new PayrollHarness();
        PayrollEngine engine = PayrollEngine.builder().store(h.store).audit(h.audit).clock(h.clock)
                .employerSettings(t -> t.equals(h.tenant) ? ACME : null).build();
        h.hire(PolishTaxProfile.standard(), LocalDate.of(1985, 5, 5), LocalDate.of(2024, 1, 1), "PLN 7000.00");
        Payslip p = engine.forTenant(h.tenant).preview(RunRequest.regular("PL", YearMonth.of(2025, 4))).payslips().get(0);
        assertThat(p.amount(PolishLineCodes.ACCIDENT_EMPLOYER)).isEqualTo(m(p, "65.10"));
        assertThat(engine.forTenant(TenantId.of("other")).preview(RunRequest.regular("PL", YearMonth.of(2025, 4))).payslips()).isEmpty();
    }

    @Test
    void a_rate_out_of_range_is_refused() {
        assertThatThrownBy(() -> EmployerSetting.polishAccidentRate(LocalDate.of(2025, 4, 1), "167", "typo"))
                .isInstanceOf(InvalidRequestException.class).extracting(x -> ((BackofficeException) x).code()).isEqualTo(PayrollErrorCode.INVALID_SETTING.code());
        assertThatThrownBy(() -> EmployerSetting.polishAccidentRate(LocalDate.of(2025, 4, 1), "0", "zero"))
                .extracting(x -> ((BackofficeException) x).code()).isEqualTo(PayrollErrorCode.INVALID_SETTING.code());
        assertThatThrownBy(() -> EmployerSetting.polishAccidentRate(LocalDate.of(2025, 4, 1), "0.935", "three decimals"))
                .extracting(x -> ((BackofficeException) x).code()).isEqualTo(PayrollErrorCode.INVALID_SETTING.code());
    }

    @Test
    void a_rate_that_is_not_a_number_is_refused() {
        assertThatThrownBy(() -> EmployerSetting.polishAccidentRate(LocalDate.of(2025, 4, 1), "one", "typo"))
                .extracting(x -> ((BackofficeException) x).code()).isEqualTo(PayrollErrorCode.NOT_A_NUMBER.code());
    }

    @Test
    void two_settings_of_one_key_on_one_date_are_refused_but_with_replaces() {
        EmployerSetting a = EmployerSetting.polishAccidentRate(LocalDate.of(2025, 4, 1), "0.93", "a");
        EmployerSetting b = EmployerSetting.polishAccidentRate(LocalDate.of(2025, 4, 1), "1.20", "b");
        assertThatThrownBy(() -> new EmployerSettings(List.of(a, b))).isInstanceOf(InvalidRequestException.class);
        assertThat(EmployerSettings.none().with(a).with(b).inForce(EmployerSetting.POLISH_ACCIDENT_RATE, LocalDate.of(2025, 5, 1)))
                .contains(b);
    }
}
