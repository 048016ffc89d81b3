package dev.backoffice.payroll.pl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backoffice.payroll.jurisdiction.ParameterFile;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;

/**
 * One Polish tax year's parameters, read from {@code payroll/pl/<year>.json} once and held as
 * plain longs (grosze, parts per million) for the hot path. Immutable.
 */
public final class PolishParameters {
    final ParameterFile file;
    final int year;
    final long pensionEe;
    final long pensionEr;
    final long disabilityEe;
    final long disabilityEr;
    final long sicknessEe;
    final long accidentEr;
    final long annualCap;
    final long labourFund;
    final long minimumWage;
    final long guaranteeFund;
    final long health;
    final long pitRate1;
    final long pitRate2;
    final long pitThreshold;
    final long monthlyReduction;
    final long kupBasic;
    final long kupElevated;
    final long u26Limit;
    final long sickPayPpm;
    final int sickDailyDivisor;
    final int sickDeductionDivisor;
    final int dailyHours;
    final String howRate1;
    final String howRate1Reduced;
    final String howRate2;
    final String howRate2Reduced;
    final String howSplit;
    final String howSplitReduced;
    final String refPit1;
    final String refPit2;
    final String refFp;
    private final Set<LocalDate> holidays;
    private final java.util.concurrent.ConcurrentMap<YearMonth, Long> monthHours = new java.util.concurrent.ConcurrentHashMap<>();

    private PolishParameters(ParameterFile f) {
        this.file = f;
        this.year = Integer.parseInt(f.taxYear());
        pensionEe = f.ppm("social.pension.employeeRate");
        pensionEr = f.ppm("social.pension.employerRate");
        disabilityEe = f.ppm("social.disability.employeeRate");
        disabilityEr = f.ppm("social.disability.employerRate");
        sicknessEe = f.ppm("social.sickness.employeeRate");
        accidentEr = f.ppm("social.accident.employerRate");
        annualCap = f.minor("social.annualCap", 2);
        labourFund = f.ppm("labourFund.rate");
        minimumWage = f.minor("labourFund.minimumWage", 2);
        guaranteeFund = f.ppm("guaranteeFund.rate");
        health = f.ppm("health.rate");
        pitRate1 = f.ppm("pit.rate1");
        pitRate2 = f.ppm("pit.rate2");
        pitThreshold = f.minor("pit.threshold", 2);
        monthlyReduction = f.minor("pit.monthlyReduction", 2);
        kupBasic = f.minor("kup.basic", 2);
        kupElevated = f.minor("kup.elevated", 2);
        u26Limit = f.minor("u26.limit", 2);
        sickPayPpm = f.ppm("sick.payPercent");
        sickDailyDivisor = f.decimal("sick.dailyDivisor").intValueExact();
        sickDeductionDivisor = f.decimal("absence.sickDeductionDivisor").intValueExact();
        dailyHours = f.decimal("workingTime.dailyHours").intValueExact();
        String r1 = f.decimal("pit.rate1").stripTrailingZeros().toPlainString() + "%";
        String r2 = f.decimal("pit.rate2").stripTrailingZeros().toPlainString() + "%";
        String red = " − " + f.decimal("pit.monthlyReduction").stripTrailingZeros().toPlainString();
        howRate1 = r1;
        howRate1Reduced = r1 + red;
        howRate2 = r2;
        howRate2Reduced = r2 + red;
        howSplit = r1 + " / " + r2 + " above the threshold";
        howSplitReduced = howSplit + red;
        refPit1 = f.ref("pit.rate1", "pit.monthlyReduction");
        refPit2 = f.ref("pit.rate2", "pit.monthlyReduction");
        refFp = f.ref("labourFund.rate", "labourFund.minimumWage");
        f.source("rounding.taxBase");
        f.source("rounding.tax");
        f.source("rounding.contributions");
        f.source("ppk.employeeRateBasic");
        f.source("ppk.employerRateBasic");
        f.source("absence.hourlyMethod");
        Set<LocalDate> h = new HashSet<>();
        for (JsonNode d : f.raw("workingTime.holidays")) {
            h.add(LocalDate.parse(d.asText()));
        }
        holidays = Set.copyOf(h);
    }

    /** Loads {@code payroll/pl/<year>.json}. */
    public static PolishParameters load(int year) {
        return new PolishParameters(ParameterFile.load("payroll/pl/" + year + ".json"));
    }

    /** The file the values come from (for provenance and citations). */
    public ParameterFile file() {
        return file;
    }

    /** The tax year. */
    public int year() {
        return year;
    }

    /**
     * Full-time working hours from {@code from} to {@code to} (inclusive): 8 hours for every
     * Monday to Friday that is not a public holiday, minus 8 hours for every public holiday on a
     * Saturday (Kodeks pracy art. 130 § 1-2).
     */
    public long fullTimeHours(LocalDate from, LocalDate to) {
        long hours = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DayOfWeek w = d.getDayOfWeek();
            boolean holiday = holidays.contains(d);
            if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !holiday) {
                hours += dailyHours;
            } else if (w == DayOfWeek.SATURDAY && holiday) {
                hours -= dailyHours;
            }
        }
        return hours;
    }

    /** Full-time working hours of a month. */
    public long fullTimeHours(YearMonth month) {
        return monthHours.computeIfAbsent(month, m -> fullTimeHours(m.atDay(1), m.atEndOfMonth()));
    }
}
