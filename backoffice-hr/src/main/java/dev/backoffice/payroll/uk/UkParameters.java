package dev.backoffice.payroll.uk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.payroll.PayrollErrorCode;
import dev.backoffice.payroll.StudentLoanPlan;
import dev.backoffice.payroll.jurisdiction.ParameterFile;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One UK tax year's PAYE, NI and student loan parameters, read once from
 * {@code payroll/uk/<yyyy-yy>.json} and held as longs (pence, basis points). Immutable.
 */
public final class UkParameters {

    /** Income tax bands of one region: upper limits of annual taxable pay (pounds) and rates. */
    public record Bands(long[] upToPounds, long[] rateBp, String key) {
    }

    /** One NI band: earnings above {@code fromPence} up to {@code toPence} at {@code ratePpm}. */
    record NiBand(String from, long fromPence, String to, long toPence, long ratePpm) {
    }

    /** The NI bands of a category letter. */
    record NiCategory(String letter, List<NiBand> employee, List<NiBand> employer, String employeeLabel, String employerLabel,
                      String employeeText, String employerText, String employeeRef, String employerRef) {
    }

    final ParameterFile file;
    final Map<UkTaxCode.Region, Bands> bands = new EnumMap<>(UkTaxCode.Region.class);
    final Map<String, Long> flatRateBp = new HashMap<>();
    final long regulatoryLimitPpm;
    final Map<String, NiCategory> niCategories = new HashMap<>();
    final Map<StudentLoanPlan, Long> slThreshold = new EnumMap<>(StudentLoanPlan.class);
    final long slRatePpm;
    final long pglRatePpm;
    final long sspWeekly;
    final int sspWaitingDays;
    final int sspDaysPerWeek;
    final int absenceDivisor;

    private UkParameters(ParameterFile f) {
        this.file = f;
        bands.put(UkTaxCode.Region.RUK, bands(f, "tax.bands.ruk"));
        bands.put(UkTaxCode.Region.SCOTLAND, bands(f, "tax.bands.scotland"));
        bands.put(UkTaxCode.Region.WALES, bands(f, "tax.bands.wales"));
        for (Iterator<Map.Entry<String, JsonNode>> it = f.raw("tax.flatRates").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            flatRateBp.put(e.getKey(), bp(f, new BigDecimal(e.getValue().asText()), "tax.flatRates." + e.getKey()));
        }
        regulatoryLimitPpm = f.ppm("tax.regulatoryLimit");
        f.source("tax.rounding");
        f.source("tax.codeUnit");
        f.source("ni.rounding");
        Map<String, Long> thresholds = new HashMap<>();
        for (String t : List.of("LEL", "PT", "ST", "UEL", "UST", "AUST", "VUST")) {
            thresholds.put(t, f.minor("ni.monthly." + t, 2));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = f.raw("ni.categories").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<NiBand> ee = niBands(f, e.getValue().get("employee"), thresholds);
            List<NiBand> er = niBands(f, e.getValue().get("employer"), thresholds);
            String file = "uk/" + f.name().substring(f.name().lastIndexOf('/') + 1);
            niCategories.put(e.getKey(), new NiCategory(e.getKey(), ee, er, "National Insurance (category " + e.getKey() + ")",
                    "Employer National Insurance (category " + e.getKey() + ")", UkPayroll.describe(ee), UkPayroll.describe(er),
                    file + ": ni.categories." + e.getKey() + ".employee; " + f.ref("ni.rounding"), file + ": ni.categories." + e.getKey() + ".employer"));
        }
        for (StudentLoanPlan plan : StudentLoanPlan.values()) {
            String key = "sl.monthly." + plan.name();
            if (f.keys().contains(key)) {
                slThreshold.put(plan, f.minor(key, 2));
            }
        }
        slRatePpm = f.ppm("sl.rate");
        pglRatePpm = f.ppm("sl.rate.POSTGRADUATE");
        f.source("sl.rounding");
        sspWeekly = f.minor("ssp.weeklyRate", 2);
        sspWaitingDays = f.decimal("ssp.waitingDays").intValueExact();
        sspDaysPerWeek = f.decimal("ssp.qualifyingDaysPerWeek").intValueExact();
        absenceDivisor = f.decimal("absence.dailyDivisor").intValueExact();
        f.source("proration.method");
    }

    /** Loads {@code payroll/uk/<label>.json}, e.g. label {@code 2025-26}. */
    public static UkParameters load(String label) {
        return new UkParameters(ParameterFile.load("payroll/uk/" + label + ".json"));
    }

    /** The file the values come from. */
    public ParameterFile file() {
        return file;
    }

    /** The bands of a region. */
    public Bands bands(UkTaxCode.Region region) {
        return bands.get(region);
    }

    private static Bands bands(ParameterFile f, String key) {
        JsonNode arr = f.raw(key);
        long[] up = new long[arr.size()];
        long[] rate = new long[arr.size()];
        for (int i = 0; i < arr.size(); i++) {
            JsonNode b = arr.get(i);
            up[i] = b.has("upTo") ? new BigDecimal(b.get("upTo").asText()).longValueExact() : Long.MAX_VALUE;
            rate[i] = bp(f, new BigDecimal(b.get("rate").asText()), key);
        }
        if (up[up.length - 1] != Long.MAX_VALUE) {
            throw PayrollErrorCode.BAD_PARAMETERS.rule(key + ": the last band must be open-ended");
        }
        return new Bands(up, rate, key);
    }

    private static long bp(ParameterFile f, BigDecimal percent, String what) {
        try {
            return percent.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw PayrollErrorCode.BAD_PARAMETERS.rule(what + ": rate with more than 2 decimals " + percent);
        }
    }

    private static List<NiBand> niBands(ParameterFile f, JsonNode arr, Map<String, Long> thresholds) {
        List<NiBand> out = new java.util.ArrayList<>();
        for (JsonNode b : arr) {
            String from = b.get("from").asText();
            String to = b.has("to") ? b.get("to").asText() : null;
            Long fromP = thresholds.get(from);
            Long toP = to == null ? Long.valueOf(Long.MAX_VALUE) : thresholds.get(to);
            if (fromP == null || toP == null) {
                throw PayrollErrorCode.BAD_PARAMETERS.rule("ni.categories: unknown threshold " + from + "/" + to);
            }
            out.add(new NiBand(from, fromP, to, toP, f.ppmOf(new BigDecimal(b.get("rate").asText()), "ni rate")));
        }
        return List.copyOf(out);
    }
}
