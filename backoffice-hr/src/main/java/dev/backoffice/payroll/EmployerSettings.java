package dev.backoffice.payroll;

import dev.backoffice.core.validation.Check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An employer's (tenant's) payroll settings over time: for each key, the setting in force on a
 * date is the one with the latest {@code effectiveFrom} not after it. Immutable.
 *
 * <pre>{@code
 * EmployerSettings acmeSettings = EmployerSettings.none()
 *         .with(EmployerSetting.polishAccidentRate(LocalDate.of(2025, 4, 1), "0.93", "ZUS notice 2025"));
 * PayrollEngine engine = PayrollEngine.builder().store(store).audit(audit).employerSettings(acme, acmeSettings).build();
 * }</pre>
 *
 * @param settings every setting, sorted by key then date; two settings of one key never share a date
 */
public record EmployerSettings(List<EmployerSetting> settings) {
    private static final EmployerSettings NONE = new EmployerSettings(List.of());

    public EmployerSettings {
        List<EmployerSetting> sorted = new ArrayList<>(Check.notNull(settings, "settings"));
        for (int i = 0; i < sorted.size(); i++) {
            Check.notNull(sorted.get(i), "settings[" + i + "]");
        }
        sorted.sort(Comparator.comparing(EmployerSetting::key).thenComparing(EmployerSetting::effectiveFrom));
        for (int i = 1; i < sorted.size(); i++) {
            EmployerSetting a = sorted.get(i - 1);
            EmployerSetting b = sorted.get(i);
            Check.that(!(a.key().equals(b.key()) && a.effectiveFrom().equals(b.effectiveFrom())), "settings",
                    "two settings of " + b.key() + " from the same date", b.effectiveFrom());
        }
        settings = List.copyOf(sorted);
    }

    /** No settings: every rule uses its statutory default. */
    public static EmployerSettings none() {
        return NONE;
    }

    /** These settings with {@code setting} added (replacing one of the same key and date). */
    public EmployerSettings with(EmployerSetting setting) {
        Check.notNull(setting, "setting");
        List<EmployerSetting> all = new ArrayList<>(settings);
        all.removeIf(s -> s.key().equals(setting.key()) && s.effectiveFrom().equals(setting.effectiveFrom()));
        all.add(setting);
        return new EmployerSettings(all);
    }

    /** The setting of {@code key} in force on {@code date}, if any. */
    public Optional<EmployerSetting> inForce(String key, LocalDate date) {
        EmployerSetting found = null;
        for (EmployerSetting s : settings) {
            if (s.key().equals(key) && !s.effectiveFrom().isAfter(date)) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }
}
